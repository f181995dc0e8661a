import { randomUUID } from 'node:crypto';
import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DispatchSubjects, type DispatchSettingChanged } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';

export type SettingChange = Omit<DispatchSettingChanged, 'changeId' | 'at'>;

/** Puts the change in dispatch's outbox in the caller's transaction: oversight hears of it exactly when it is made. */
export async function enqueueSettingChange(m: EntityManager, change: SettingChange): Promise<void> {
  const event: DispatchSettingChanged = { changeId: randomUUID(), ...change, at: new Date().toISOString() };
  await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.settingChanged, event);
}

/** What a versioned setting says of its last change. */
export interface Revision {
  version: number;
  updatedBy: string | null;
  updatedAt: string | Date | null;
}

/**
 * Refuses a save made from a page that read an older version than the one stored, naming who changed
 * it since and when, so that the later of two saves does not silently undo the earlier. A save that
 * sends no version (an operator's script) is not checked.
 */
export function checkVersion(what: string, current: Revision | undefined, given: number | undefined): void {
  if (given === undefined || current?.version === given) return;
  if (!current) throw new ConflictException({ statusCode: 409, error: 'Conflict', message: `${what} does not exist yet: reload it`, version: null });
  const at = current.updatedAt === null ? null : new Date(current.updatedAt).toISOString();
  const by = current.updatedBy ? ` by ${current.updatedBy}` : '';
  throw new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `${what} was changed${by}${at ? ` at ${at}` : ''} after you read it (version ${given}, now ${current.version}): reload it and make your change again`,
    version: current.version,
    updatedBy: current.updatedBy,
    updatedAt: at,
  });
}

/**
 * A plan's change as the record keeps it: its exemptions (possibly thousands of credit codes) as a
 * count before and after, with the codes added and removed beside them.
 */
export function planChange<P extends { exemptions?: string[] }>(
  before: P | undefined,
  after: P,
): Pick<SettingChange, 'before' | 'after' | 'exemptionsAdded' | 'exemptionsRemoved'> {
  const summary = ({ exemptions, ...rest }: P) => ({ ...rest, exemptionCount: exemptions?.length ?? 0 });
  const was = new Set(before?.exemptions ?? []);
  const now = new Set(after.exemptions);
  const added = (after.exemptions ?? []).filter((code) => !was.has(code));
  const removed = [...was].filter((code) => !now.has(code));
  return {
    before: before ? summary(before) : null,
    after: summary(after),
    ...(added.length ? { exemptionsAdded: added } : {}),
    ...(removed.length ? { exemptionsRemoved: removed } : {}),
  };
}
