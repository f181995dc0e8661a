import { Inject, Injectable } from '@nestjs/common';
import { instant, newestBy } from '@tianping/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseChange, ClueChange, SubjectChange } from '@tianping/contracts';
import type { AppealCorrectionBatch } from './projection.validator';
import { MARK_DIRTY } from '../scores/scores.repository';

export interface ProjectionCounts {
  subjects: number;
  cases: number;
  clues: number;
  dirty: number;
}

/**
 * Idempotent upserts of intake's records. Redelivery changes nothing; an older version arriving late
 * (by `updatedAt`) never overwrites a newer one. Every enterprise a newer version touches is marked
 * dirty, in the same transaction, for the re-scoring loop. A batch that applies an appeal's
 * corrections is also kept by its id, in that transaction: once it is visible, so are its records
 * (or newer versions of them, which intake publishes with the corrections applied).
 */
@Injectable()
export class ProjectionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async upsertSubjects(records: SubjectChange[]): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.creditCode,
      (r) => instant(r.updatedAt),
    ).map((r) => ({
      credit_code: r.creditCode,
      established_on: r.establishedOn?.slice(0, 10) ?? null,
      registered_capital_wan: r.registeredCapitalWan,
      shareholder_subscribed_wan: r.shareholderSubscribedWan,
      employees: r.employees,
      industry_code: r.industryCode,
      region_code: r.regionCode,
      address_key: r.addressKey,
      status: r.status,
      abnormal_listed: r.abnormalListed,
      legal_rep_changes_2y: r.legalRepChanges2y,
      updated_at: r.updatedAt,
    }));
    await this.dataSource.transaction(async (m) => {
      // The address each subject had, read before the upsert replaces it: a subject moving out changes
      // its old neighbours' shared-address count too. (Not locked: a re-sent export would lock, and
      // log, every row it leaves unchanged.)
      const before: { credit_code: string; address_key: string | null }[] = await m.query(
        `SELECT credit_code, address_key FROM scoring.subjects WHERE credit_code = ANY($1::text[])`,
        [rows.map((r) => r.credit_code)],
      );
      const changed: { credit_code: string; address_key: string | null }[] = await m.query(
        `INSERT INTO scoring.subjects AS s (credit_code, established_on, registered_capital_wan, shareholder_subscribed_wan, employees, industry_code,
           region_code, address_key, status, abnormal_listed, legal_rep_changes_2y, updated_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(credit_code text, established_on date, registered_capital_wan double precision,
           shareholder_subscribed_wan double precision, employees integer, industry_code text, region_code text, address_key text, status text,
           abnormal_listed boolean, legal_rep_changes_2y integer, updated_at timestamptz)
         ON CONFLICT (credit_code) DO UPDATE SET established_on = EXCLUDED.established_on, registered_capital_wan = EXCLUDED.registered_capital_wan,
           shareholder_subscribed_wan = EXCLUDED.shareholder_subscribed_wan, employees = EXCLUDED.employees, industry_code = EXCLUDED.industry_code,
           region_code = EXCLUDED.region_code, address_key = EXCLUDED.address_key, status = EXCLUDED.status, abnormal_listed = EXCLUDED.abnormal_listed,
           legal_rep_changes_2y = EXCLUDED.legal_rep_changes_2y, updated_at = EXCLUDED.updated_at
         WHERE s.updated_at < EXCLUDED.updated_at
         RETURNING credit_code, address_key`,
        [JSON.stringify(rows)],
      );
      const left = new Map(before.map((r) => [r.credit_code, r.address_key]));
      await markDirty(
        m,
        changed.map((r) => r.credit_code),
        changed.flatMap((r) => [r.address_key, left.get(r.credit_code) ?? null]),
      );
    });
  }

  async upsertCases(records: CaseChange[], appeal: AppealCorrectionBatch | null = null): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.caseNo,
      (r) => instant(r.updatedAt),
    ).map((r) => ({
      case_no: r.caseNo,
      credit_code: r.creditCode,
      kind: r.kind,
      department: r.department,
      date: r.date.slice(0, 10),
      violation_found: r.violationFound,
      officer_ids: r.officerIds,
      updated_at: r.updatedAt,
    }));
    await this.dataSource.transaction(async (m) => {
      const changed = await m.query(
        `INSERT INTO scoring.cases AS c (case_no, credit_code, kind, department, date, violation_found, officer_ids, updated_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(case_no text, credit_code text, kind text, department text, date date,
           violation_found boolean, officer_ids text[], updated_at timestamptz)
         ON CONFLICT (case_no) DO UPDATE SET credit_code = EXCLUDED.credit_code, kind = EXCLUDED.kind, department = EXCLUDED.department,
           date = EXCLUDED.date, violation_found = EXCLUDED.violation_found, officer_ids = EXCLUDED.officer_ids, updated_at = EXCLUDED.updated_at
         WHERE c.updated_at < EXCLUDED.updated_at
         RETURNING credit_code`,
        [JSON.stringify(rows)],
      );
      await markDirty(m, [...changed.map((r: { credit_code: string }) => r.credit_code), ...(await keepAppealBatch(m, appeal))]);
    });
  }

  async upsertClues(records: ClueChange[], appeal: AppealCorrectionBatch | null = null): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.clueId,
      (r) => instant(r.updatedAt),
    ).map((r) => ({
      clue_id: r.clueId,
      credit_code: r.linkedCreditCode,
      received_at: r.receivedAt,
      verified: r.verified,
      updated_at: r.updatedAt,
    }));
    await this.dataSource.transaction(async (m) => {
      const changed = await m.query(
        `WITH before AS (SELECT clue_id, credit_code FROM scoring.clues WHERE clue_id = ANY($2::text[]))
         INSERT INTO scoring.clues AS c (clue_id, credit_code, received_at, verified, updated_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(clue_id text, credit_code text, received_at timestamptz, verified boolean, updated_at timestamptz)
         ON CONFLICT (clue_id) DO UPDATE SET credit_code = EXCLUDED.credit_code, received_at = EXCLUDED.received_at, verified = EXCLUDED.verified,
           updated_at = EXCLUDED.updated_at
         WHERE c.updated_at < EXCLUDED.updated_at
            -- the same source version linked anew (intake's relink pass): the later link wins, but a late unlinked copy never undoes it
            OR (c.updated_at = EXCLUDED.updated_at AND EXCLUDED.credit_code IS NOT NULL AND c.credit_code IS DISTINCT FROM EXCLUDED.credit_code)
         RETURNING credit_code, (SELECT b.credit_code FROM before b WHERE b.clue_id = c.clue_id) AS previous`,
        [JSON.stringify(rows), rows.map((r) => r.clue_id)],
      );
      // A clue re-linked to another enterprise changes both enterprises' complaint counts.
      const codes = changed.flatMap((r: { credit_code: string | null; previous: string | null }) => [r.credit_code, r.previous]);
      await markDirty(m, [...codes.filter((c: string | null): c is string => !!c), ...(await keepAppealBatch(m, appeal))]);
    });
  }

  async counts(): Promise<ProjectionCounts> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM scoring.subjects)::int AS subjects, (SELECT count(*) FROM scoring.cases)::int AS cases,
              (SELECT count(*) FROM scoring.clues)::int AS clues, (SELECT count(*) FROM scoring.dirty_enterprises)::int AS dirty`,
    );
    return row;
  }
}

/**
 * Keeps a batch of appeal corrections and returns the enterprise to re-score: also when no row
 * changed (a newer version, corrected too, was here first), so that a score naming the batch follows.
 * A batch delivered again returns none.
 */
async function keepAppealBatch(m: EntityManager, appeal: AppealCorrectionBatch | null): Promise<string[]> {
  if (!appeal) return [];
  const kept: { credit_code: string }[] = await m.query(
    `INSERT INTO scoring.appeal_correction_batches (batch_id, appeal_id, credit_code) VALUES ($1, $2, $3) ON CONFLICT (batch_id) DO NOTHING
     RETURNING credit_code`,
    [appeal.batchId, appeal.appealId, appeal.creditCode],
  );
  return kept.map((r) => r.credit_code);
}

/** Rows are locked in credit-code order, so concurrent consumers marking overlapping sets cannot deadlock. */
async function markDirty(m: EntityManager, codes: string[], addressKeys: (string | null)[] = []): Promise<void> {
  if (codes.length === 0) return;
  const keys = [...new Set(addressKeys.filter((k): k is string => !!k))];
  await m.query(
    `INSERT INTO scoring.dirty_enterprises (credit_code)
     SELECT code FROM (SELECT unnest($1::text[]) AS code
       UNION SELECT credit_code FROM scoring.subjects WHERE address_key = ANY($2::text[])) t
     ORDER BY code
     ${MARK_DIRTY}`,
    [codes, keys],
  );
}
