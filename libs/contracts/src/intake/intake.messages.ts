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
  origin: string;
  date: string;
  items: string[];
  result: string | null;
  violationFound: boolean;
  penaltyYuan: number;
  officerIds: string[];
  updatedAt: string;
}

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
