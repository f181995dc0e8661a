import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IntakeSubjects, type AppealDecided, type CaseChange, type ChangeBatch, type ClueChange, type RecordCorrection } from '@tianping/contracts';
import type { CaseRecord } from '@tianping/intake-core';
import * as rows from '../ingest/record-rows.mapper';
import { distinctCorrections, judgeCorrection } from './correction-applicability.util';
import { CorrectionsRepository, type CorrectionFilter, type CorrectionView, type StoredClue } from './corrections.repository';

export interface CorrectionCounts {
  /** Corrections kept now (a redelivered decision keeps none). */
  stored: number;
  applied: number;
  notApplicable: number;
}

/**
 * Applies the record corrections of an appeal decision: each is kept once with its verdict, applied
 * to the record (its source `updated_at` untouched) and the corrected record is published as usual,
 * so scoring and dispatch update their projections and the enterprise is scored again.
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
      // Judged against the records as they stood before this decision, so its corrections do not depend on their order.
      const judged = corrections.map((c) => {
        const held = c.kind === 'clue' ? clues.get(c.recordId)?.link : cases.get(c.recordId);
        return { ...c, verdict: judgeCorrection(c, decided.creditCode, held && { creditCode: held.creditCode }) };
      });
      const fresh = await this.repository.store(manager, decided, judged);
      const applied = fresh.filter((k) => k.status === 'applied');
      await this.correctClues(
        manager,
        applied.filter((k) => k.kind === 'clue').map((k) => clues.get(k.recordId)!),
      );
      await this.correctCases(
        manager,
        applied.filter((k) => k.kind === 'case').map((k) => cases.get(k.recordId)!),
      );
      return { stored: fresh.length, applied: applied.length, notApplicable: fresh.length - applied.length };
    });
  }

  list(filter: CorrectionFilter): Promise<CorrectionView[]> {
    return this.repository.list(filter);
  }

  private async correctClues(manager: EntityManager, held: StoredClue[]): Promise<void> {
    const clues = [...new Map(held.map((c) => [c.record.clueId, c])).values()];
    if (clues.length === 0) return;
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
    const batch: ChangeBatch<ClueChange> = { batchId: randomUUID(), records: changes };
    await this.repository.enqueue(manager, IntakeSubjects.cluesUpserted, batch);
  }

  private async correctCases(manager: EntityManager, held: CaseRecord[]): Promise<void> {
    const cases = [...new Map(held.map((c) => [c.caseNo, c])).values()];
    if (cases.length === 0) return;
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
    const batch: ChangeBatch<CaseChange> = { batchId: randomUUID(), records: changes };
    await this.repository.enqueue(manager, IntakeSubjects.casesUpserted, batch);
  }
}
