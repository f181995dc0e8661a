import type { CaseChange, ClueChange, CorrectedOnAppeal, SubjectChange } from '@tianping/contracts';
import { checkedRecords, type FieldChecks, PoisonMessage } from '@tianping/messaging';

/**
 * Checks intake's events at the edge. A message with one malformed record is refused whole (it goes
 * to the dead letters intact, for inspection) rather than half applied, naming what failed.
 */
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || v === undefined || num(v);
const strOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';
const isoDate = (v: unknown): v is string => str(v) && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)));
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const subjectChecks = (r: Record<string, unknown>): FieldChecks => ({
  creditCode: str(r.creditCode),
  status: str(r.status),
  updatedAt: isoDate(r.updatedAt),
  establishedOn: r.establishedOn === null || isoDate(r.establishedOn),
  registeredCapitalWan: numOrNull(r.registeredCapitalWan),
  shareholderSubscribedWan: numOrNull(r.shareholderSubscribedWan),
  employees: numOrNull(r.employees),
  industryCode: strOrNull(r.industryCode),
  addressKey: strOrNull(r.addressKey),
  abnormalListed: typeof r.abnormalListed === 'boolean',
  legalRepChanges2y: numOrNull(r.legalRepChanges2y),
});
const caseChecks = (r: Record<string, unknown>): FieldChecks => ({
  caseNo: str(r.caseNo),
  creditCode: str(r.creditCode),
  department: str(r.department),
  kind: str(r.kind),
  date: isoDate(r.date),
  violationFound: typeof r.violationFound === 'boolean',
  officerIds: strings(r.officerIds),
  updatedAt: isoDate(r.updatedAt),
});
const clueChecks = (r: Record<string, unknown>): FieldChecks => ({
  clueId: str(r.clueId),
  receivedAt: isoDate(r.receivedAt),
  updatedAt: isoDate(r.updatedAt),
  linkedCreditCode: r.linkedCreditCode === null || str(r.linkedCreditCode),
  verified: r.verified === null || typeof r.verified === 'boolean',
});

export const subjectBatch = (p: unknown) => checkedRecords<SubjectChange>(p, 'records', 'subject batch', subjectChecks);
export const caseBatch = (p: unknown) => checkedRecords<CaseChange>(p, 'records', 'case batch', caseChecks);
export const clueBatch = (p: unknown) => checkedRecords<ClueChange>(p, 'records', 'clue batch', clueChecks);

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
