import type { RecordCorrection } from '../oversight/oversight.messages';

/**
 * Payloads of intake's events. Records carry no personal data: names and ID numbers of legal
 * representatives and officers stay inside intake.
 */
export interface SubjectChange {
  creditCode: string;
  name: string;
  establishedOn: string;
  registeredCapitalWan: number | null;
  shareholderSubscribedWan: number | null;
  employees: number | null;
  industryCode: string;
  regionCode: string;
  address: string | null;
  addressKey: string | null;
  lng: number | null;
  lat: number | null;
  status: string;
  abnormalListed: boolean;
  legalRepChanges2y: number;
  updatedAt: string;
}

export interface CaseChange {
  caseNo: string;
  creditCode: string;
  department: string;
  kind: string;
  /** The platform's 检查来源; a Tianping follow-up visit's cases say `FOLLOW_UP_ORIGIN`. */
  origin: string;
  date: string;
  items: string[];
  /** The platform's 检查结果, or, for a case revoked on appeal, `revoked-on-appeal:<appeal id>` (see `revokedOnAppealResult`). */
  result: string | null;
  violationFound: boolean;
  penaltyYuan: number;
  officerIds: string[];
  updatedAt: string;
}

/** The `result` of a case whose finding an appeal revoked (撤销): a code, not words, so each page says it in its language. */
export const REVOKED_ON_APPEAL = 'revoked-on-appeal';

export function revokedOnAppealResult(appealId: string): string {
  return `${REVOKED_ON_APPEAL}:${appealId}`;
}

/**
 * The appeal that revoked a case, from its `result`; null when it was not revoked. Results stored before
 * the code said it in words (`已撤销（申诉 AP-…）revoked on appeal`), and are still read.
 */
export function appealRevoking(result: string | null | undefined): string | null {
  if (!result) return null;
  if (result.startsWith(`${REVOKED_ON_APPEAL}:`)) return result.slice(REVOKED_ON_APPEAL.length + 1);
  const old = /^已撤销（申诉 ([^）]+)）/.exec(result);
  return old ? old[1] : null;
}

/** The 检查来源 of a case from a Tianping re-inspection (整改复查): the platforms have no word for it, so intake takes it only from Tianping's visit results. */
export const FOLLOW_UP_ORIGIN = '整改复查';

export interface OfficerChange {
  officerId: string;
  department: string;
  certValidUntil: string;
  domains: string[];
  regionCode: string;
  status: string;
}

export interface ClueChange {
  clueId: string;
  channel: string;
  receivedAt: string;
  linkedCreditCode: string | null;
  linkMethod: 'credit_code' | 'name_address' | 'none';
  category: string;
  department: string;
  verified: boolean | null;
  status: string;
  updatedAt: string;
}

/** The appeal whose decision corrected the records of a batch, and the enterprise it was about. */
export interface CorrectedOnAppeal {
  appealId: string;
  creditCode: string;
}

/** One event carries a batch: throughput matters at a million records. */
export interface ChangeBatch<T> {
  batchId: string;
  records: T[];
  /**
   * Set only on a batch intake published to apply an appeal decision's corrections. Scoring keeps
   * its batchId with the enterprise, and names it in every score whose inputs include it.
   */
  correctedOnAppeal?: CorrectedOnAppeal;
}

/**
 * Why intake did not apply a correction (words for each are the pages'):
 * - `wrong-action`: the action does not fit the kind of record (a case cannot be unlinked);
 * - `unknown-record`: intake holds no such record;
 * - `already-applied`: an earlier appeal of this enterprise made the same correction;
 * - `not-linked`: the clue is linked to no enterprise;
 * - `other-enterprise`: the record is in another enterprise's file.
 */
export type NotApplicableReason = 'wrong-action' | 'unknown-record' | 'already-applied' | 'not-linked' | 'other-enterprise';

/** One correction of the decision (record ids are clue ids and case numbers: no personal data) and what intake did with it. */
export interface CorrectionVerdict extends RecordCorrection {
  status: 'applied' | 'not-applicable';
  /** Null when applied. */
  reason: NotApplicableReason | null;
}

/**
 * Intake's acknowledgement of an appeal decision's corrections, published once, in the transaction
 * that applied them. `batchIds` name the `intake.cases/clues.upserted.v1` batches that carried the
 * corrected records (empty when nothing was applied): a score whose `correctionBatches` include all
 * of them was computed from the corrected records.
 */
export interface CorrectionsApplied {
  appealId: string;
  creditCode: string;
  verdicts: CorrectionVerdict[];
  batchIds: string[];
  /** When intake applied them (intake's clock: for people to read, not to order by). */
  at: string;
}
