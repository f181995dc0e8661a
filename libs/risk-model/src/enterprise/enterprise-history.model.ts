import { DateInput } from '../spec/date.util';

/**
 * What the scoring service knows about one enterprise, as inputs to computeFactors.
 * The subject facts are a snapshot: abnormalListed, legalRepChanges2y and sharedAddressCount come
 * from the latest subject version, so a score for a past date sees today's values of them
 * (the sources publish no history of these fields). Event lists are filtered by date here.
 */
export interface SubjectFacts {
  establishedOn: DateInput | null;
  registeredCapitalWan: number | null;
  shareholderSubscribedWan: number | null;
  employees: number | null;
  /** GB/T 4754-2017 code, e.g. `H6210`; the section is its letter. */
  industryCode: string | null;
  abnormalListed: boolean | null;
  legalRepChanges2y: number | null;
  /** Other live subjects registered at the same normalised address. */
  sharedAddressCount: number | null;
}

export interface InspectionRecord {
  date: DateInput;
  department: string;
  violationFound: boolean;
  /** Used only as the nuisance (team) term while fitting; never read by computeFactors. */
  officerIds: string[];
}

export interface PenaltyRecord {
  date: DateInput;
}

export interface ClueRecord {
  receivedAt: DateInput;
  /** true 属实, false 不属实, null not yet checked. */
  verified: boolean | null;
}

export interface EnterpriseHistory {
  subject: SubjectFacts;
  inspections: InspectionRecord[];
  penalties: PenaltyRecord[];
  clues: ClueRecord[];
}

/** Rates the fail-rate factor shrinks toward; computed by the caller from data before the as-of date. */
export interface FactorContext {
  /** Violation rate of inspections per industry section letter. */
  industryFailRate?: Record<string, number>;
  overallFailRate?: number;
}
