import type { CaseChange, ClueChange, CorrectedOnAppeal, SubjectChange } from '@tianping/contracts';
import { PoisonMessage } from '@tianping/messaging';

/**
 * Checks intake's events at the edge. A message with one malformed record is refused whole (it goes
 * to the dead letters intact, for inspection) rather than half applied.
 */
type Guard<T> = (r: Record<string, unknown>) => r is Record<string, unknown> & T;

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || v === undefined || num(v);
const strOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';
const isoDate = (v: unknown): v is string => str(v) && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)));
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isSubject: Guard<SubjectChange> = (r): r is Record<string, unknown> & SubjectChange =>
  str(r.creditCode) &&
  str(r.status) &&
  isoDate(r.updatedAt) &&
  (r.establishedOn === null || isoDate(r.establishedOn)) &&
  numOrNull(r.registeredCapitalWan) &&
  numOrNull(r.shareholderSubscribedWan) &&
  numOrNull(r.employees) &&
  strOrNull(r.industryCode) &&
  strOrNull(r.addressKey) &&
  typeof r.abnormalListed === 'boolean' &&
  numOrNull(r.legalRepChanges2y);
const isCase: Guard<CaseChange> = (r): r is Record<string, unknown> & CaseChange =>
  str(r.caseNo) &&
  str(r.creditCode) &&
  str(r.department) &&
  str(r.kind) &&
  isoDate(r.date) &&
  typeof r.violationFound === 'boolean' &&
  strings(r.officerIds) &&
  isoDate(r.updatedAt);
const isClue: Guard<ClueChange> = (r): r is Record<string, unknown> & ClueChange =>
  str(r.clueId) &&
  isoDate(r.receivedAt) &&
  isoDate(r.updatedAt) &&
  (r.linkedCreditCode === null || str(r.linkedCreditCode)) &&
  (r.verified === null || typeof r.verified === 'boolean');

function records<T>(payload: unknown, guard: Guard<T>, what: string): T[] {
  const list = isObject(payload) ? payload.records : undefined;
  if (!Array.isArray(list)) throw new PoisonMessage(`${what}: expected an object with a "records" array`);
  const bad = list.findIndex((r) => !isObject(r) || !guard(r));
  if (bad >= 0) throw new PoisonMessage(`${what}: record ${bad} is malformed`);
  return list as T[];
}

export const subjectBatch = (p: unknown) => records<SubjectChange>(p, isSubject, 'subject batch');
export const caseBatch = (p: unknown) => records<CaseChange>(p, isCase, 'case batch');
export const clueBatch = (p: unknown) => records<ClueChange>(p, isClue, 'clue batch');

/** A batch that applies an appeal's corrections, named by its batchId. */
export interface AppealCorrectionBatch extends CorrectedOnAppeal {
  batchId: string;
}

/** The appeal whose corrections a batch applies; null for every other batch. A malformed mark refuses the batch. */
export function appealCorrection(payload: unknown): AppealCorrectionBatch | null {
  if (!isObject(payload) || payload.correctedOnAppeal === undefined) return null;
  const origin = payload.correctedOnAppeal;
  if (!isObject(origin) || !str(origin.appealId) || !str(origin.creditCode) || !str(payload.batchId)) {
    throw new PoisonMessage('batch: correctedOnAppeal needs appealId and creditCode, and the batch a batchId');
  }
  return { batchId: payload.batchId, appealId: origin.appealId, creditCode: origin.creditCode };
}
