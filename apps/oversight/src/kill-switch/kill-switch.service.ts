import { ConflictException, Injectable } from '@nestjs/common';
import { OversightSubjects, type ModelSuspension } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { OVERSIGHT_SCHEMA } from '../database/oversight.data-source';
import { AuditLogService } from '../record/audit-log.service';
import { KillSwitchRepository, type SuspensionChange } from './kill-switch.repository';

/** How the record names these acts. */
export const KILL_SWITCH_KIND = 'kill-switch';
/** The record's subject for the acts: whichever model is active at the time. */
export const KILL_SWITCH_SUBJECT = 'active-model';

export interface KillSwitchAct {
  actor: string;
  reason: string;
}

export interface KillSwitchState {
  suspended: boolean;
  /** The change that set the current state; null while the switch has never been used. */
  since: SuspensionChange | null;
  /** Newest first. */
  history: SuspensionChange[];
}

/**
 * The kill switch (熔断): suspends the active model so dispatch draws purely at random, until a person
 * resumes it. Each act is one transaction: the state change, its record entry and the event dispatch
 * consumes commit together or not at all.
 */
@Injectable()
export class KillSwitchService {
  constructor(
    private readonly repository: KillSwitchRepository,
    private readonly record: AuditLogService,
  ) {}

  suspend(act: KillSwitchAct): Promise<SuspensionChange> {
    return this.change(true, act);
  }

  resume(act: KillSwitchAct): Promise<SuspensionChange> {
    return this.change(false, act);
  }

  async state(historyLimit = 100): Promise<KillSwitchState> {
    const history = await this.repository.history(Math.min(Math.max(historyLimit, 1), 1000));
    return { suspended: history[0]?.suspended ?? false, since: history[0] ?? null, history };
  }

  private change(suspended: boolean, act: KillSwitchAct): Promise<SuspensionChange> {
    return this.repository.transaction(async (manager) => {
      await this.repository.lock(manager);
      const latest = await this.repository.latest(manager);
      const current = latest?.suspended ?? false;
      if (current === suspended) {
        throw new ConflictException(suspended ? 'the model is already suspended' : 'the model is not suspended');
      }
      const at = nextInstant(latest?.at).toISOString();
      const message: ModelSuspension = { suspended, actor: act.actor, reason: act.reason, at };
      const auditSeq = await this.record.append(KILL_SWITCH_KIND, KILL_SWITCH_SUBJECT, { action: suspended ? 'suspend' : 'resume', ...message }, { manager });
      if (auditSeq === null) throw new Error('the record refused the kill-switch entry');
      const change = await this.repository.insert(manager, { ...message, auditSeq });
      await enqueueEvent(manager, OVERSIGHT_SCHEMA, suspended ? OversightSubjects.modelSuspended : OversightSubjects.modelResumed, message);
      return change;
    });
  }
}

/** Now, but strictly after the previous change: dispatch applies a change only when its `at` is newer. */
function nextInstant(previous: string | undefined): Date {
  const now = new Date();
  if (!previous) return now;
  const floor = new Date(Date.parse(previous) + 1);
  return now > floor ? now : floor;
}
