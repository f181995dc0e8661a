import type { CaseChange, ClueChange, ColourDecision, ModelSuspension, OfficerChange, ScoreRecord, SubjectChange } from '@tianping/contracts';
import { checkedRecords, type FieldChecks, PoisonMessage, isObject, isoDay, numOrNull, str, strOrNull, strings } from '@tianping/messaging';

/**
 * Checks other apps' events at the edge. A message with one malformed record is refused whole
 * (it goes to the dead letters intact, for inspection) rather than half applied, naming what failed.
 */
const subjectChecks = (r: Record<string, unknown>): FieldChecks => ({
  creditCode: str(r.creditCode),
  industryCode: str(r.industryCode),
  regionCode: str(r.regionCode),
  status: str(r.status),
  updatedAt: isoDay(r.updatedAt),
  lng: numOrNull(r.lng),
  lat: numOrNull(r.lat),
});
const caseChecks = (r: Record<string, unknown>): FieldChecks => ({
  caseNo: str(r.caseNo),
  creditCode: str(r.creditCode),
  department: str(r.department),
  kind: str(r.kind),
  date: isoDay(r.date),
  officerIds: strings(r.officerIds),
  result: strOrNull(r.result),
  updatedAt: isoDay(r.updatedAt),
});
const officerChecks = (r: Record<string, unknown>): FieldChecks => ({
  officerId: str(r.officerId),
  department: str(r.department),
  certValidUntil: isoDay(r.certValidUntil),
  domains: strings(r.domains),
  regionCode: str(r.regionCode),
  status: str(r.status),
});
const clueChecks = (r: Record<string, unknown>): FieldChecks => ({
  clueId: str(r.clueId),
  department: str(r.department),
  status: str(r.status),
  receivedAt: isoDay(r.receivedAt),
  updatedAt: isoDay(r.updatedAt),
  linkedCreditCode: r.linkedCreditCode === null || str(r.linkedCreditCode),
  verified: r.verified === null || typeof r.verified === 'boolean',
});
const scoreChecks = (r: Record<string, unknown>): FieldChecks => ({
  creditCode: str(r.creditCode),
  colour: ['red', 'yellow', 'green'].includes(r.colour as string),
  modelVersion: str(r.modelVersion),
  scoreId: str(r.scoreId),
  asOf: isoDay(r.asOf),
  computedAt: isoDay(r.computedAt),
});

export const subjectBatch = (p: unknown) => checkedRecords<SubjectChange>(p, 'records', 'subject batch', subjectChecks);
export const caseBatch = (p: unknown) => checkedRecords<CaseChange>(p, 'records', 'case batch', caseChecks);
export const officerBatch = (p: unknown) => checkedRecords<OfficerChange>(p, 'records', 'officer batch', officerChecks);
export const clueBatch = (p: unknown) => checkedRecords<ClueChange>(p, 'records', 'clue batch', clueChecks);
export const scoreBatch = (p: unknown) => checkedRecords<ScoreRecord>(p, 'scores', 'score batch', scoreChecks);

export function modelSuspension(p: unknown): ModelSuspension {
  if (!isObject(p) || typeof p.suspended !== 'boolean' || !str(p.actor) || typeof p.reason !== 'string' || !isoDay(p.at)) {
    throw new PoisonMessage('model suspension: malformed');
  }
  return p as unknown as ModelSuspension;
}

export function colourDecision(p: unknown): ColourDecision {
  if (!isObject(p) || !str(p.scoreId) || !str(p.creditCode) || !['red', 'yellow', 'green'].includes(p.colour as string) || !str(p.decision) || !isoDay(p.at)) {
    throw new PoisonMessage('colour decision: malformed');
  }
  return p as unknown as ColourDecision;
}
