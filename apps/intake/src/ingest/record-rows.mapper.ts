import { maskIdNumber, maskName, type PiiVault } from '@tianping/common';
import type { CaseChange, ClueChange, OfficerChange, SubjectChange } from '@tianping/contracts';
import {
  normaliseAddress,
  normaliseName,
  recordFingerprint,
  type CaseRecord,
  type ClueRecord,
  type OfficerRecord,
  type SourceKind,
  type SubjectRecord,
} from '@tianping/intake-core';
import type { Row } from './record-tables';

export interface ClueLink {
  creditCode: string | null;
  method: 'credit_code' | 'name_address' | 'none';
  candidates: number;
}

/**
 * Personal data is sealed here, before anything is written: rows never hold it in the clear.
 * `fingerprint`, in each row mapper: the record's, when it was taken beforehand.
 */
export function subjectRow(record: SubjectRecord, vault: PiiVault, fingerprint = recordFingerprint('subjects', record)): Row {
  return {
    credit_code: record.creditCode,
    name: record.name,
    name_key: normaliseName(record.name),
    established_on: record.establishedOn,
    registered_capital_wan: record.registeredCapitalWan,
    shareholder_subscribed_wan: record.shareholderSubscribedWan,
    employees: record.employees,
    industry_code: record.industryCode,
    region_code: record.regionCode,
    address: record.address,
    address_key: record.address ? normaliseAddress(record.address) : null,
    lng: record.lng,
    lat: record.lat,
    status: record.status,
    abnormal_listed: record.abnormalListed,
    legal_rep_changes_2y: record.legalRepChanges2y,
    legal_rep_name_sealed: vault.encrypt(record.legalRepName),
    legal_rep_id_sealed: vault.encrypt(record.legalRepId),
    legal_rep_id_hash: vault.keyedHash(record.legalRepId),
    legal_rep_id_masked: maskIdNumber(record.legalRepId),
    updated_at: record.updatedAt,
    fingerprint,
  };
}

export function subjectChange(record: SubjectRecord): SubjectChange {
  return {
    creditCode: record.creditCode,
    name: record.name,
    establishedOn: record.establishedOn,
    registeredCapitalWan: record.registeredCapitalWan,
    shareholderSubscribedWan: record.shareholderSubscribedWan,
    employees: record.employees,
    industryCode: record.industryCode,
    regionCode: record.regionCode,
    address: record.address,
    addressKey: record.address ? normaliseAddress(record.address) : null,
    lng: record.lng,
    lat: record.lat,
    status: record.status,
    abnormalListed: record.abnormalListed,
    legalRepChanges2y: record.legalRepChanges2y,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function caseRow(record: CaseRecord, fingerprint = recordFingerprint('cases', record)): Row {
  return {
    case_no: record.caseNo,
    credit_code: record.creditCode,
    department: record.department,
    kind: record.kind,
    origin: record.origin,
    date: record.date,
    items: record.items,
    result: record.result,
    violation: record.violation,
    violation_found: record.violationFound,
    penalty_yuan: record.penaltyYuan,
    officer_ids: record.officerIds,
    updated_at: record.updatedAt,
    fingerprint,
  };
}

export function caseChange(record: CaseRecord): CaseChange {
  return {
    caseNo: record.caseNo,
    creditCode: record.creditCode,
    department: record.department,
    kind: record.kind,
    origin: record.origin,
    date: record.date,
    items: record.items,
    result: record.result,
    violationFound: record.violationFound,
    penaltyYuan: record.penaltyYuan,
    officerIds: record.officerIds,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function officerRow(record: OfficerRecord, vault: PiiVault, fingerprint = recordFingerprint('officers', record)): Row {
  return {
    officer_id: record.officerId,
    name_sealed: vault.encrypt(record.name),
    name_masked: maskName(record.name),
    department: record.department,
    cert_valid_until: record.certValidUntil,
    domains: record.domains,
    region_code: record.regionCode,
    status: record.status,
    fingerprint,
  };
}

export function officerChange(record: OfficerRecord): OfficerChange {
  return {
    officerId: record.officerId,
    department: record.department,
    certValidUntil: record.certValidUntil,
    domains: record.domains,
    regionCode: record.regionCode,
    status: record.status,
  };
}

export function clueRow(record: ClueRecord, link: ClueLink, fingerprint = recordFingerprint('clues', record)): Row {
  return {
    clue_id: record.clueId,
    channel: record.channel,
    received_at: record.receivedAt,
    credit_code_given: record.creditCode,
    credit_code_valid: record.creditCodeValid,
    subject_name: record.subjectName,
    address: record.address,
    category: record.category,
    department: record.department,
    verified: record.verified,
    status: record.status,
    updated_at: record.updatedAt,
    fingerprint,
    linked_credit_code: link.creditCode,
    link_method: link.method,
    link_candidates: link.candidates,
  };
}

export function clueChange(record: ClueRecord, link: ClueLink): ClueChange {
  return {
    clueId: record.clueId,
    channel: record.channel,
    receivedAt: record.receivedAt.toISOString(),
    linkedCreditCode: link.creditCode,
    linkMethod: link.method,
    category: record.category,
    department: record.department,
    verified: record.verified,
    status: record.status,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A stored record's natural key and update time (officers have none): what supersedes its quarantined copies. */
export function storedKeyOf(kind: SourceKind, record: SubjectRecord | CaseRecord | OfficerRecord | ClueRecord): { key: string; updatedAt: Date | null } {
  switch (kind) {
    case 'subjects':
      return { key: (record as SubjectRecord).creditCode, updatedAt: (record as SubjectRecord).updatedAt };
    case 'cases':
      return { key: (record as CaseRecord).caseNo, updatedAt: (record as CaseRecord).updatedAt };
    case 'officers':
      return { key: (record as OfficerRecord).officerId, updatedAt: null };
    case 'clues':
      return { key: (record as ClueRecord).clueId, updatedAt: (record as ClueRecord).updatedAt };
  }
}
