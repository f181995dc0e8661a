import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClueRefs } from '@tianping/common';
import type { JsonValue } from '@tianping/audit-log';
import { AuditLogService } from '../record/audit-log.service';
import { AppealsRepository, type AppealStep } from './appeals.repository';
import { clueIdsAsRefs } from './clue-refs.util';

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

  async add(m: EntityManager, appealId: string, creditCode: string, step: Omit<AppealStep, 'auditSeq'>): Promise<void> {
    const detail = clueIdsAsRefs(step.detail, (id) => this.clueRefs.of(creditCode, id));
    const data = { appealId, step: step.step, actor: step.actor, note: step.note, ...detail } as unknown as JsonValue;
    const auditSeq = await this.record.append(APPEAL_KIND, creditCode, data, { manager: m });
    await this.appeals.addStep(m, appealId, { ...step, auditSeq });
  }
}
