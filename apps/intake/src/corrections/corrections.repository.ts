import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppealDecided } from '@tianping/contracts';
import type { CaseRecord, ClueRecord } from '@tianping/intake-core';
import { enqueueEvent } from '@tianping/messaging';
import { INTAKE_SCHEMA } from '../database/intake.data-source';
import type { ClueLink } from '../ingest/record-rows.mapper';
import type { CorrectionVerdict } from './correction-applicability.util';
import { CorrectionSet, type AppliedCorrection, type CorrectionAction, type CorrectionKind } from './record-corrections.util';

/** Advisory lock between appeal corrections (exclusive) and ingest batches (shared). */
const CORRECTIONS_LOCK = 7_355_170_401;
const LINK_METHODS: readonly string[] = ['credit_code', 'name_address', 'none'] satisfies ClueLink['method'][];

export interface JudgedCorrection {
  kind: CorrectionKind;
  recordId: string;
  action: CorrectionAction;
  verdict: CorrectionVerdict;
}

export interface StoredKey {
  kind: CorrectionKind;
  recordId: string;
  action: CorrectionAction;
  status: CorrectionVerdict['status'];
}

export interface StoredClue {
  record: ClueRecord;
  link: ClueLink;
}

export interface CorrectionView {
  appealId: string;
  kind: CorrectionKind;
  recordId: string;
  creditCode: string;
  action: CorrectionAction;
  status: CorrectionVerdict['status'];
  reason: string | null;
  actor: string;
  at: Date;
  receivedAt: Date;
}

export interface CorrectionFilter {
  appealId?: string;
  status?: CorrectionVerdict['status'];
  limit: number;
}

/** The only place corrections are read and written; writes run in the caller's transaction. */
@Injectable()
export class CorrectionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * The applied corrections of a batch's records: one query for the whole batch. It holds off new
   * corrections until the caller's transaction ends, so none can land between the batch reading
   * them and writing its rows (batches do not hold off one another).
   */
  async appliedFor(manager: EntityManager, kind: CorrectionKind, recordIds: readonly string[]): Promise<CorrectionSet> {
    if (recordIds.length === 0) return CorrectionSet.EMPTY;
    await manager.query(`SELECT pg_advisory_xact_lock_shared($1)`, [CORRECTIONS_LOCK]);
    const found: AppliedCorrection[] = await manager.query(
      `SELECT kind, record_id AS "recordId", credit_code AS "creditCode", action, appeal_id AS "appealId"
         FROM intake.record_corrections WHERE kind = $1 AND record_id = ANY($2::text[]) AND status = 'applied' ORDER BY id`,
      [kind, [...new Set(recordIds)]],
    );
    return found.length === 0 ? CorrectionSet.EMPTY : new CorrectionSet(found);
  }

  /** Taken before a decision's corrections are judged: ingest batches in flight finish first, new ones wait. */
  async lockOutIngest(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [CORRECTIONS_LOCK]);
  }

  /** Keeps the judged corrections; returns only those not stored before (a redelivery returns none). */
  async store(manager: EntityManager, decided: AppealDecided, judged: readonly JudgedCorrection[]): Promise<StoredKey[]> {
    if (judged.length === 0) return [];
    return manager.query(
      `INSERT INTO intake.record_corrections (appeal_id, kind, record_id, credit_code, action, actor, at, status, reason)
       SELECT $1, u.kind, u.record_id, $2, u.action, $3, $4, u.status, u.reason
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u(kind, record_id, action, status, reason)
       ON CONFLICT (appeal_id, kind, record_id, action) DO NOTHING
       RETURNING kind, record_id AS "recordId", action, status`,
      [
        decided.appealId,
        decided.creditCode,
        decided.actor,
        decided.at,
        judged.map((j) => j.kind),
        judged.map((j) => j.recordId),
        judged.map((j) => j.action),
        judged.map((j) => j.verdict.status),
        judged.map((j) => j.verdict.reason),
      ],
    );
  }

  /** Clues as intake holds them, locked until the transaction ends (a concurrent batch waits). */
  async lockClues(manager: EntityManager, clueIds: readonly string[]): Promise<Map<string, StoredClue>> {
    if (clueIds.length === 0) return new Map();
    const found: (ClueRecord & { linkedCreditCode: string | null; linkMethod: ClueLink['method']; linkCandidates: number })[] = await manager.query(
      `SELECT clue_id AS "clueId", channel, received_at AS "receivedAt", credit_code_given AS "creditCode", credit_code_valid AS "creditCodeValid",
              subject_name AS "subjectName", address, category, department, verified, status, updated_at AS "updatedAt",
              linked_credit_code AS "linkedCreditCode", link_method AS "linkMethod", link_candidates AS "linkCandidates"
         FROM intake.clues WHERE clue_id = ANY($1::text[]) ORDER BY clue_id FOR UPDATE`,
      [[...new Set(clueIds)]],
    );
    return new Map(
      found.map(({ linkedCreditCode, linkMethod, linkCandidates, ...record }) => [
        record.clueId,
        // A method of intake's own (unlinked_on_appeal) travels as the contract's 'none'.
        { record, link: { creditCode: linkedCreditCode, method: LINK_METHODS.includes(linkMethod) ? linkMethod : 'none', candidates: linkCandidates } },
      ]),
    );
  }

  async lockCases(manager: EntityManager, caseNos: readonly string[]): Promise<Map<string, CaseRecord>> {
    if (caseNos.length === 0) return new Map();
    const found: CaseRecord[] = await manager.query(
      `SELECT case_no AS "caseNo", credit_code AS "creditCode", department, kind, origin, date::text AS date, items, result, violation,
              violation_found AS "violationFound", penalty_yuan::float8 AS "penaltyYuan", officer_ids AS "officerIds", updated_at AS "updatedAt"
         FROM intake.cases WHERE case_no = ANY($1::text[]) ORDER BY case_no FOR UPDATE`,
      [[...new Set(caseNos)]],
    );
    return new Map(found.map((c) => [c.caseNo, c]));
  }

  /** Writes the corrected fields only: `updated_at` stays the source's, so a later export still wins. */
  async writeClues(
    manager: EntityManager,
    rows: { clueId: string; verified: boolean | null; linkedCreditCode: string | null; linkMethod: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE intake.clues c SET verified = u.verified, linked_credit_code = u.code, link_method = u.method, changed_at = now()
         FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[]) AS u(id, verified, code, method) WHERE c.clue_id = u.id`,
      [rows.map((r) => r.clueId), rows.map((r) => r.verified), rows.map((r) => r.linkedCreditCode), rows.map((r) => r.linkMethod)],
    );
  }

  async writeCases(manager: EntityManager, rows: { caseNo: string; violationFound: boolean; result: string | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE intake.cases c SET violation_found = u.violation_found, result = u.result, changed_at = now()
         FROM unnest($1::text[], $2::boolean[], $3::text[]) AS u(no, violation_found, result) WHERE c.case_no = u.no`,
      [rows.map((r) => r.caseNo), rows.map((r) => r.violationFound), rows.map((r) => r.result)],
    );
  }

  async enqueue(manager: EntityManager, subject: string, payload: unknown): Promise<void> {
    await enqueueEvent(manager, INTAKE_SCHEMA, subject, payload);
  }

  async list(filter: CorrectionFilter): Promise<CorrectionView[]> {
    return this.dataSource.query(
      `SELECT appeal_id AS "appealId", kind, record_id AS "recordId", credit_code AS "creditCode", action, status, reason, actor, at,
              received_at AS "receivedAt"
         FROM intake.record_corrections
        WHERE ($1::text IS NULL OR appeal_id = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY id DESC LIMIT $3`,
      [filter.appealId ?? null, filter.status ?? null, filter.limit],
    );
  }
}
