import type { NotApplicableReason, RecordCorrection } from '@tianping/contracts';
import type { AppliedCorrection } from './record-corrections.util';

/** What intake holds of a corrected record: whose file it is in. */
export interface CorrectableRecord {
  /** A clue's linked enterprise, a case's enterprise. */
  creditCode: string | null;
}

/** A correction's verdict: the code travels to oversight, the sentence stays in intake's own list. */
export type CorrectionVerdict = { status: 'applied'; code: null; reason: null } | { status: 'not-applicable'; code: NotApplicableReason; reason: string };

const ACTIONS_BY_KIND: Record<RecordCorrection['kind'], readonly RecordCorrection['action'][]> = {
  clue: ['unlink', 'mark-false'],
  case: ['revoke'],
};

const notApplicable = (code: NotApplicableReason, reason: string): CorrectionVerdict => ({ status: 'not-applicable', code, reason });

/**
 * Whether a correction fits the record as it stood when the appeal was decided: the record must
 * exist and be in the file of the enterprise the appeal was about. One that does not is kept with
 * the reason (an officer looks at it), never applied to someone else's record. One that an earlier
 * appeal of the same enterprise applied already is not applied again: it would change no record.
 * `earlier`: the corrections other appeals applied to this record.
 */
export function judgeCorrection(
  correction: RecordCorrection,
  creditCode: string,
  record: CorrectableRecord | undefined,
  earlier: readonly AppliedCorrection[] = [],
): CorrectionVerdict {
  const { kind, recordId, action } = correction;
  if (!ACTIONS_BY_KIND[kind].includes(action)) {
    return notApplicable('wrong-action', `a ${kind} cannot be corrected by ${action} (only ${ACTIONS_BY_KIND[kind].join(' or ')})`);
  }
  if (record === undefined) return notApplicable('unknown-record', `intake holds no ${kind} ${recordId}`);
  const done = earlier.find((e) => e.action === action && e.creditCode === creditCode);
  if (done) return notApplicable('already-applied', `${kind} ${recordId} was corrected by ${action} on appeal ${done.appealId} already`);
  if (record.creditCode === null && kind === 'clue') return notApplicable('not-linked', `clue ${recordId} is linked to no enterprise, not to ${creditCode}`);
  if (record.creditCode !== creditCode) {
    const where = kind === 'clue' ? 'is linked to another enterprise' : 'belongs to another enterprise';
    return notApplicable('other-enterprise', `${kind} ${recordId} ${where}, not to ${creditCode}`);
  }
  return { status: 'applied', code: null, reason: null };
}

/** Each correction once: a decision that names the same one twice still applies it once. */
export function distinctCorrections(corrections: readonly RecordCorrection[]): RecordCorrection[] {
  const seen = new Set<string>();
  return corrections.filter((c) => {
    const key = `${c.kind}\n${c.recordId}\n${c.action}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
