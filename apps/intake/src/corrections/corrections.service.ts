import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  IntakeSubjects,
  type AppealDecided,
  type CaseChange,
  type ChangeBatch,
  type ClueChange,
  type CorrectedOnAppeal,
  type CorrectionsApplied,
  type RecordCorrection,
} from '@tianping/contracts';
import type { CaseRecord } from '@tianping/intake-core';
import * as rows from '../ingest/record-rows.mapper';
import { distinctCorrections, judgeCorrection } from './correction-applicability.util';
import {
  CorrectionsRepository,
  type CorrectionFilter,
  type CorrectionView,
  type JudgedCorrection,
  type StoredClue,
  type StoredKey,
} from './corrections.repository';

export interface CorrectionCounts {
  /** Corrections kept now (a redelivered decision keeps none). */
  stored: number;
  applied: number;
  notApplicable: number;
}

/**
 * Applies the record corrections of an appeal decision: each is kept once with its verdict, applied
 * to the record (its source `updated_at` untouched) and the corrected record is published as usual,
 * so scoring and dispatch update their projections and the enterprise is scored again. In the same
 * transaction intake acknowledges the decision to oversight with every verdict and the batches that
 * carried the corrected records; a redelivered decision stores nothing and acknowledges nothing again.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly repository: CorrectionsRepository,
  ) {}

  async apply(decided: AppealDecided): Promise<CorrectionCounts> {
    const corrections = distinctCorrections(decided.corrections);
    if (corrections.length === 0) return { stored: 0, applied: 0, notApplicable: 0 };
    const idsOf = (kind: RecordCorrection['kind']) => corrections.filter((c) => c.kind === kind).map((c) => c.recordId);
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockOutIngest(manager);
      const clues = await this.repository.lockClues(manager, idsOf('clue'));
      const cases = await this.repository.lockCases(manager, idsOf('case'));
      const earlier = {
        clue: await this.repository.appliedFor(manager, 'clue', idsOf('clue')),
        case: await this.repository.appliedFor(manager, 'case', idsOf('case')),
      };
      // Judged against the records as they stood before this decision, so its corrections do not depend on their order.
      const judged = corrections.map((c) => {
        const held = c.kind === 'clue' ? clues.get(c.recordId)?.link : cases.get(c.recordId);
        const byOthers = earlier[c.kind].of(c.kind, c.recordId).filter((e) => e.appealId !== decided.appealId);
        return { ...c, verdict: judgeCorrection(c, decided.creditCode, held && { creditCode: held.creditCode }, byOthers) };
      });
      const fresh = await this.repository.store(manager, decided, judged);
      const applied = fresh.filter((k) => k.status === 'applied');
      const origin: CorrectedOnAppeal = { appealId: decided.appealId, creditCode: decided.creditCode };
      const clueBatch = await this.correctClues(
        manager,
        applied.filter((k) => k.kind === 'clue').map((k) => clues.get(k.recordId)!),
        origin,
      );
      const caseBatch = await this.correctCases(
        manager,
        applied.filter((k) => k.kind === 'case').map((k) => cases.get(k.recordId)!),
        origin,
      );
      if (fresh.length > 0) {
        const batchIds = [clueBatch, caseBatch].filter((id): id is string => id !== null);
        await this.repository.enqueue(manager, IntakeSubjects.correctionsApplied, acknowledgement(decided, judged, fresh, batchIds));
      }
      return { stored: fresh.length, applied: applied.length, notApplicable: fresh.length - applied.length };
    });
  }

  list(filter: CorrectionFilter): Promise<CorrectionView[]> {
    return this.repository.list(filter);
  }

  /** Writes and publishes the corrected clues; returns the id of the batch that carries them (null: none). */
  private async correctClues(manager: EntityManager, held: StoredClue[], origin: CorrectedOnAppeal): Promise<string | null> {
    const clues = [...new Map(held.map((c) => [c.record.clueId, c])).values()];
    if (clues.length === 0) return null;
    const corrections = await this.repository.appliedFor(
      manager,
      'clue',
      clues.map((c) => c.record.clueId),
    );
    const changes: ClueChange[] = [];
    const written = clues.map(({ record, link }) => {
      const row = corrections.clueRow(rows.clueRow(record, link));
      changes.push(corrections.clueChange(rows.clueChange(record, link)));
      return {
        clueId: record.clueId,
        verified: row.verified as boolean | null,
        linkedCreditCode: row.linked_credit_code as string | null,
        linkMethod: String(row.link_method),
      };
    });
    await this.repository.writeClues(manager, written);
    const batch: ChangeBatch<ClueChange> = { batchId: randomUUID(), records: changes, correctedOnAppeal: origin };
    await this.repository.enqueue(manager, IntakeSubjects.cluesUpserted, batch);
    return batch.batchId;
  }

  private async correctCases(manager: EntityManager, held: CaseRecord[], origin: CorrectedOnAppeal): Promise<string | null> {
    const cases = [...new Map(held.map((c) => [c.caseNo, c])).values()];
    if (cases.length === 0) return null;
    const corrections = await this.repository.appliedFor(
      manager,
      'case',
      cases.map((c) => c.caseNo),
    );
    const changes: CaseChange[] = [];
    const written = cases.map((record) => {
      const row = corrections.caseRow(rows.caseRow(record));
      changes.push(corrections.caseChange(rows.caseChange(record)));
      return { caseNo: record.caseNo, violationFound: row.violation_found as boolean, result: row.result as string | null };
    });
    await this.repository.writeCases(manager, written);
    const batch: ChangeBatch<CaseChange> = { batchId: randomUUID(), records: changes, correctedOnAppeal: origin };
    await this.repository.enqueue(manager, IntakeSubjects.casesUpserted, batch);
    return batch.batchId;
  }
}

/**
 * The acknowledgement of the corrections stored now. Every delivery of a decision is judged under the
 * same lock, so the first stores them all and a redelivery none: there is never a second, different one.
 */
function acknowledgement(decided: AppealDecided, judged: readonly JudgedCorrection[], fresh: readonly StoredKey[], batchIds: string[]): CorrectionsApplied {
  const key = (c: Pick<StoredKey, 'kind' | 'recordId' | 'action'>) => `${c.kind}\n${c.recordId}\n${c.action}`;
  const stored = new Set(fresh.map(key));
  return {
    appealId: decided.appealId,
    creditCode: decided.creditCode,
    verdicts: judged
      .filter((j) => stored.has(key(j)))
      .map((j) => ({ kind: j.kind, recordId: j.recordId, action: j.action, status: j.verdict.status, reason: j.verdict.code })),
    batchIds,
    at: new Date().toISOString(),
  };
}
