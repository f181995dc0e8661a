import type { CaseChange, ClueChange, ColourDecision, ModelSuspension, OfficerChange, ScoreRecord, SubjectChange } from '@tianping/contracts';
import { checkedRecords, type FieldChecks, PoisonMessage } from '@tianping/messaging';

/**
 * Checks other apps' events at the edge. A message with one malformed record is refused whole
 * (it goes to the dead letters intact, for inspection) rather than half applied, naming what failed.
 */
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || v === undefined || num(v);
const isoDate = (v: unknown): v is string => str(v) && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)));
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const subjectChecks = (r: Record<string, unknown>): FieldChecks => ({
  creditCode: str(r.creditCode),
  industryCode: str(r.industryCode),
  regionCode: str(r.regionCode),
  status: str(r.status),
  updatedAt: isoDate(r.updatedAt),
  lng: numOrNull(r.lng),
  lat: numOrNull(r.lat),
});
const caseChecks = (r: Record<string, unknown>): FieldChecks => ({
  caseNo: str(r.caseNo),
  creditCode: str(r.creditCode),
  department: str(r.department),
  kind: str(r.kind),
  date: isoDate(r.date),
  officerIds: strings(r.officerIds),
  updatedAt: isoDate(r.updatedAt),
});
const officerChecks = (r: Record<string, unknown>): FieldChecks => ({
  officerId: str(r.officerId),
  department: str(r.department),
  certValidUntil: isoDate(r.certValidUntil),
  domains: strings(r.domains),
  regionCode: str(r.regionCode),
  status: str(r.status),
});
const clueChecks = (r: Record<string, unknown>): FieldChecks => ({
  clueId: str(r.clueId),
  department: str(r.department),
  status: str(r.status),
  receivedAt: isoDate(r.receivedAt),
  updatedAt: isoDate(r.updatedAt),
  linkedCreditCode: r.linkedCreditCode === null || str(r.linkedCreditCode),
  verified: r.verified === null || typeof r.verified === 'boolean',
});
const scoreChecks = (r: Record<string, unknown>): FieldChecks => ({
  creditCode: str(r.creditCode),
  colour: ['red', 'yellow', 'green'].includes(r.colour as string),
  modelVersion: str(r.modelVersion),
  scoreId: str(r.scoreId),
  asOf: isoDate(r.asOf),
  computedAt: isoDate(r.computedAt),
});

export const subjectBatch = (p: unknown) => checkedRecords<SubjectChange>(p, 'records', 'subject batch', subjectChecks);
export const caseBatch = (p: unknown) => checkedRecords<CaseChange>(p, 'records', 'case batch', caseChecks);
export const officerBatch = (p: unknown) => checkedRecords<OfficerChange>(p, 'records', 'officer batch', officerChecks);
export const clueBatch = (p: unknown) => checkedRecords<ClueChange>(p, 'records', 'clue batch', clueChecks);
export const scoreBatch = (p: unknown) => checkedRecords<ScoreRecord>(p, 'scores', 'score batch', scoreChecks);

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
