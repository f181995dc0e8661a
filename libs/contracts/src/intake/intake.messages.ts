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

/** One event carries a batch: throughput matters at a million records. */
export interface ChangeBatch<T> {
  batchId: string;
  records: T[];
}
