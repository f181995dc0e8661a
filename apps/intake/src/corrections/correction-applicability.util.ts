import type { RecordCorrection } from '@tianping/contracts';

/** What intake holds of a corrected record: whose file it is in. */
export interface CorrectableRecord {
  /** A clue's linked enterprise, a case's enterprise. */
  creditCode: string | null;
}

export type CorrectionVerdict = { status: 'applied'; reason: null } | { status: 'not-applicable'; reason: string };

const ACTIONS_BY_KIND: Record<RecordCorrection['kind'], readonly RecordCorrection['action'][]> = {
  clue: ['unlink', 'mark-false'],
  case: ['revoke'],
};

/**
 * Whether a correction fits the record as it stood when the appeal was decided: the record must
 * exist and be in the file of the enterprise the appeal was about. One that does not is kept with
 * the reason (an officer looks at it), never applied to someone else's record.
 */
export function judgeCorrection(correction: RecordCorrection, creditCode: string, record: CorrectableRecord | undefined): CorrectionVerdict {
  const { kind, recordId, action } = correction;
  if (!ACTIONS_BY_KIND[kind].includes(action)) {
    return { status: 'not-applicable', reason: `a ${kind} cannot be corrected by ${action} (only ${ACTIONS_BY_KIND[kind].join(' or ')})` };
  }
  if (record === undefined) return { status: 'not-applicable', reason: `intake holds no ${kind} ${recordId}` };
  if (record.creditCode !== creditCode) {
    const where =
      kind === 'clue' ? (record.creditCode === null ? 'is linked to no enterprise' : 'is linked to another enterprise') : 'belongs to another enterprise';
    return { status: 'not-applicable', reason: `${kind} ${recordId} ${where}, not to ${creditCode}` };
  }
  return { status: 'applied', reason: null };
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
