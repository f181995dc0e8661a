import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClueRefs } from '@tianping/common';
import type { JsonValue } from '@tianping/audit-log';
import { AuditLogService } from '../record/audit-log.service';
import { AppealsRepository, type AppealStep } from './appeals.repository';
import { clueIdsAsRefs, namedClueIds, renameClues } from './clue-refs.util';

export const APPEAL_KIND = 'appeal';

/**
 * An appeal's steps: each logged in the tamper-evident record, then kept with the entry's seq, in the
 * caller's transaction. The record names clues by the enterprise's references (its receipts go to the
 * enterprise); the step kept here keeps the ids, for the officers and for intake.
 */
@Injectable()
export class AppealStepsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly record: AuditLogService,
    private readonly clueRefs: ClueRefs,
  ) {}

  /** `challenged`: the clue ids the appeal names, which an officer's note may mention too. */
  async add(m: EntityManager, appealId: string, creditCode: string, step: Omit<AppealStep, 'auditSeq'>, challenged: readonly string[] = []): Promise<void> {
    const refOf = (id: string) => this.clueRefs.of(creditCode, id);
    const detail = clueIdsAsRefs(step.detail, refOf);
    const note = step.note === null ? null : renameClues(step.note, [...challenged, ...namedClueIds(step.detail)], refOf);
    const data = { appealId, step: step.step, actor: step.actor, note, ...detail } as unknown as JsonValue;
    const auditSeq = await this.record.append(APPEAL_KIND, creditCode, data, { manager: m });
    await this.appeals.addStep(m, appealId, { ...step, auditSeq });
  }
}
