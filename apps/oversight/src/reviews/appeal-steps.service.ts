import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '@tianping/audit-log';
import { AuditLogService } from '../record/audit-log.service';
import { AppealsRepository, type AppealStep } from './appeals.repository';

export const APPEAL_KIND = 'appeal';

/** An appeal's steps: each logged in the tamper-evident record, then kept with the entry's seq, in the caller's transaction. */
@Injectable()
export class AppealStepsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly record: AuditLogService,
  ) {}

  async add(m: EntityManager, appealId: string, creditCode: string, step: Omit<AppealStep, 'auditSeq'>): Promise<void> {
    const data = { appealId, step: step.step, actor: step.actor, note: step.note, ...step.detail } as unknown as JsonValue;
    const auditSeq = await this.record.append(APPEAL_KIND, creditCode, data, { manager: m });
    await this.appeals.addStep(m, appealId, { ...step, auditSeq });
  }
}
