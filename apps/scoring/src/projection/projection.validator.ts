import type { CaseChange, ClueChange, CorrectedOnAppeal, SubjectChange } from '@tianping/contracts';
import { checkedRecords, type FieldChecks, PoisonMessage, isObject, isoDay, numOrNull, str, strOrNull, strings } from '@tianping/messaging';

/**
 * Checks intake's events at the edge. A message with one malformed record is refused whole (it goes
 * to the dead letters intact, for inspection) rather than half applied, naming what failed.
 */
const subjectChecks = (r: Record<string, unknown>): FieldChecks => ({
  creditCode: str(r.creditCode),
  status: str(r.status),
  updatedAt: isoDay(r.updatedAt),
  establishedOn: r.establishedOn === null || isoDay(r.establishedOn),
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
  date: isoDay(r.date),
  violationFound: typeof r.violationFound === 'boolean',
  officerIds: strings(r.officerIds),
  updatedAt: isoDay(r.updatedAt),
});
const clueChecks = (r: Record<string, unknown>): FieldChecks => ({
  clueId: str(r.clueId),
  receivedAt: isoDay(r.receivedAt),
  updatedAt: isoDay(r.updatedAt),
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
