import type { CaseChange, ClueChange, ColourDecision, ModelSuspension, OfficerChange, ScoreRecord, SubjectChange } from '@tianping/contracts';
import { PoisonMessage } from '@tianping/messaging';

/**
 * Checks other apps' events at the edge. A message with one malformed record is refused whole
 * (it goes to the dead letters intact, for inspection) rather than half applied.
 */
type Guard<T> = (r: Record<string, unknown>) => r is Record<string, unknown> & T;

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || v === undefined || num(v);
const isoDate = (v: unknown): v is string => str(v) && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)));
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isSubject: Guard<SubjectChange> = (r): r is Record<string, unknown> & SubjectChange =>
  str(r.creditCode) && str(r.industryCode) && str(r.regionCode) && str(r.status) && isoDate(r.updatedAt) && numOrNull(r.lng) && numOrNull(r.lat);
const isCase: Guard<CaseChange> = (r): r is Record<string, unknown> & CaseChange =>
  str(r.caseNo) && str(r.creditCode) && str(r.department) && str(r.kind) && isoDate(r.date) && strings(r.officerIds) && isoDate(r.updatedAt);
const isOfficer: Guard<OfficerChange> = (r): r is Record<string, unknown> & OfficerChange =>
  str(r.officerId) && str(r.department) && isoDate(r.certValidUntil) && strings(r.domains) && str(r.regionCode) && str(r.status);
const isClue: Guard<ClueChange> = (r): r is Record<string, unknown> & ClueChange =>
  str(r.clueId) &&
  str(r.department) &&
  str(r.status) &&
  isoDate(r.receivedAt) &&
  isoDate(r.updatedAt) &&
  (r.linkedCreditCode === null || str(r.linkedCreditCode)) &&
  (r.verified === null || typeof r.verified === 'boolean');
const isScore = (r: Record<string, unknown>): r is Record<string, unknown> & ScoreRecord =>
  str(r.creditCode) &&
  ['red', 'yellow', 'green'].includes(r.colour as string) &&
  str(r.modelVersion) &&
  str(r.scoreId) &&
  isoDate(r.asOf) &&
  isoDate(r.computedAt);

function records<T>(payload: unknown, guard: Guard<T>, field: string, what: string): T[] {
  const list = isObject(payload) ? payload[field] : undefined;
  if (!Array.isArray(list)) throw new PoisonMessage(`${what}: expected an object with a "${field}" array`);
  const bad = list.findIndex((r) => !isObject(r) || !guard(r));
  if (bad >= 0) throw new PoisonMessage(`${what}: record ${bad} is malformed`);
  return list as T[];
}

export const subjectBatch = (p: unknown) => records<SubjectChange>(p, isSubject, 'records', 'subject batch');
export const caseBatch = (p: unknown) => records<CaseChange>(p, isCase, 'records', 'case batch');
export const officerBatch = (p: unknown) => records<OfficerChange>(p, isOfficer, 'records', 'officer batch');
export const clueBatch = (p: unknown) => records<ClueChange>(p, isClue, 'records', 'clue batch');
export const scoreBatch = (p: unknown) => records<ScoreRecord>(p, isScore, 'scores', 'score batch');

export function modelSuspension(p: unknown): ModelSuspension {
  if (!isObject(p) || typeof p.suspended !== 'boolean' || !str(p.actor) || typeof p.reason !== 'string' || !isoDate(p.at)) {
    throw new PoisonMessage('model suspension: malformed');
  }
  return p as unknown as ModelSuspension;
}

export function colourDecision(p: unknown): ColourDecision {
  if (!isObject(p) || !str(p.scoreId) || !str(p.creditCode) || !['red', 'yellow', 'green'].includes(p.colour as string) || !str(p.decision) || !isoDate(p.at)) {
    throw new PoisonMessage('colour decision: malformed');
  }
  return p as unknown as ColourDecision;
}
