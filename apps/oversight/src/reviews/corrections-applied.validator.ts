import { isValidCreditCode } from '@tianping/common';
import type { CorrectionsApplied, CorrectionVerdict, NotApplicableReason } from '@tianping/contracts';
import { isObject, PoisonMessage } from '@tianping/messaging';

const KINDS: readonly CorrectionVerdict['kind'][] = ['clue', 'case'];
const ACTIONS: readonly CorrectionVerdict['action'][] = ['unlink', 'mark-false', 'revoke'];
const REASONS: readonly NotApplicableReason[] = ['wrong-action', 'unknown-record', 'already-applied', 'not-linked', 'other-enterprise'];
const MAX_ID = 200;

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

function isVerdict(v: unknown): v is CorrectionVerdict {
  if (!isObject(v) || !oneOf(KINDS, v.kind) || !oneOf(ACTIONS, v.action) || !text(v.recordId)) return false;
  return v.status === 'applied' ? v.reason === null : v.status === 'not-applicable' && oneOf(REASONS, v.reason);
}

/** Checks intake's acknowledgement at the edge; one that cannot be read is refused whole (dead letters), never half recorded. */
export function correctionsApplied(payload: unknown): CorrectionsApplied {
  if (!isObject(payload)) throw new PoisonMessage('corrections applied: expected an object');
  const { appealId, creditCode, verdicts, batchIds, at } = payload;
  if (!text(appealId)) throw new PoisonMessage('corrections applied: appealId is missing');
  if (typeof creditCode !== 'string' || !isValidCreditCode(creditCode)) throw new PoisonMessage('corrections applied: creditCode is not a valid credit code');
  if (!Array.isArray(verdicts) || verdicts.length === 0) throw new PoisonMessage('corrections applied: verdicts must be a non-empty array');
  const bad = verdicts.findIndex((v) => !isVerdict(v));
  if (bad >= 0)
    throw new PoisonMessage(
      `corrections applied: verdict ${bad} needs kind, recordId, action, and status applied (reason null) or not-applicable (with a known reason)`,
    );
  if (!Array.isArray(batchIds) || !batchIds.every(text)) throw new PoisonMessage('corrections applied: batchIds must be an array of ids');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw new PoisonMessage('corrections applied: at is not a date-time');
  const applied = verdicts.some((v: CorrectionVerdict) => v.status === 'applied');
  if (applied !== batchIds.length > 0) throw new PoisonMessage('corrections applied: batches are named exactly when a correction was applied');
  return {
    appealId,
    creditCode,
    verdicts: (verdicts as CorrectionVerdict[]).map(({ kind, recordId, action, status, reason }) => ({ kind, recordId, action, status, reason })),
    batchIds: batchIds as string[],
    at: new Date(at).toISOString(),
  };
}
