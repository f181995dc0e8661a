import { isValidCreditCode, normaliseCreditCode } from '@tianping/common';
import type { AppealDecided, RecordCorrection } from '@tianping/contracts';
import { isObject, PoisonMessage } from '@tianping/messaging';

const OUTCOMES: readonly AppealDecided['outcome'][] = ['upheld', 'corrected', 'overridden'];
const KINDS: readonly RecordCorrection['kind'][] = ['clue', 'case'];
const ACTIONS: readonly RecordCorrection['action'][] = ['unlink', 'mark-false', 'revoke'];
const MAX_ID = 200;

const text = (v: unknown, max = MAX_ID): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * Checks an appeal decision at the edge. A decision that cannot be read is refused whole (it goes to
 * the dead letters intact): applying half of an appeal's corrections would be worse than none.
 * Whether each correction fits the records is judged later, record by record, and kept.
 */
export function appealDecided(payload: unknown): AppealDecided {
  if (!isObject(payload)) throw new PoisonMessage('appeal decision: expected an object');
  const { appealId, creditCode, scoreId, outcome, corrections, actor, at } = payload;
  if (!text(appealId)) throw new PoisonMessage('appeal decision: appealId is missing');
  const code = typeof creditCode === 'string' ? normaliseCreditCode(creditCode) : null;
  if (!isValidCreditCode(code)) throw new PoisonMessage('appeal decision: creditCode is not a valid credit code');
  if (!oneOf(OUTCOMES, outcome)) throw new PoisonMessage('appeal decision: outcome must be upheld, corrected or overridden');
  if (!Array.isArray(corrections)) throw new PoisonMessage('appeal decision: corrections must be an array');
  const bad = corrections.findIndex((c) => !isObject(c) || !oneOf(KINDS, c.kind) || !oneOf(ACTIONS, c.action) || !text(c.recordId));
  if (bad >= 0) throw new PoisonMessage(`appeal decision: correction ${bad} needs kind (clue|case), action (unlink|mark-false|revoke) and recordId`);
  if (!text(actor)) throw new PoisonMessage('appeal decision: actor is missing');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw new PoisonMessage('appeal decision: at is not a date-time');
  return {
    appealId: appealId.trim(),
    creditCode: code,
    scoreId: typeof scoreId === 'string' ? scoreId : '',
    outcome,
    corrections: (corrections as RecordCorrection[]).map((c) => ({ kind: c.kind, recordId: c.recordId.trim(), action: c.action })),
    actor: actor.trim(),
    at: new Date(at).toISOString(),
  };
}
