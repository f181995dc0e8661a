import { normaliseCreditCode } from '@tianping/common';
import {
  ContractRow,
  IsContractDate,
  IsCreditCode,
  IsCstDateTime,
  IsDecimalValue,
  IsIndustryCode,
  IsOneOf,
  IsOptionalText,
  IsRegionCode,
  IsRequiredText,
  IsResidentId,
} from '../contract-rules.decorator';
import { parseContractDate, parseCstDateTime } from '../contract-date.util';
import { decimalOf, integerOf, normaliseResidentId, textOf } from '../contract-value.util';
import { RawRecord, SUBJECT_STATUSES, SubjectRecord, SubjectStatus } from '../intake.model';

export type Cell = RawRecord[string] | undefined;

/** A subjects.csv row as exported (keys are the contract's English keys). */
export class SubjectRow extends ContractRow {
  @IsCreditCode() credit_code: Cell;
  @IsRequiredText() name: Cell;
  @IsContractDate({ notFuture: true }) established_on: Cell;
  @IsDecimalValue({ optional: true, min: 0, exact: true }) registered_capital_wan: Cell;
  @IsDecimalValue({ optional: true, min: 0, exact: true }) shareholder_subscribed_wan: Cell;
  @IsDecimalValue({ optional: true, min: 0, integer: true }) employees: Cell;
  @IsIndustryCode() industry_code: Cell;
  @IsRegionCode() region_code: Cell;
  @IsOptionalText() address: Cell;
  @IsDecimalValue({ optional: true, min: -180, max: 180 }) lng: Cell;
  @IsDecimalValue({ optional: true, min: -90, max: 90 }) lat: Cell;
  @IsOneOf(SUBJECT_STATUSES) status: Cell;
  @IsOneOf(['是', '否']) abnormal_listed: Cell;
  @IsDecimalValue({ optional: false, min: 0, integer: true }) legal_rep_changes_2y: Cell;
  @IsOptionalText() legal_rep_name: Cell;
  @IsResidentId() legal_rep_id: Cell;
  @IsCstDateTime() updated_at: Cell;
}

const nullableNumber = (cell: Cell, read: (v: unknown) => number): number | null => (textOf(cell) === null ? null : read(cell));

/** Only called on a row that passed validation, so every parse below succeeds. */
export function toSubjectRecord(row: SubjectRow): SubjectRecord {
  const established = parseContractDate(textOf(row.established_on) as string);
  const updated = parseCstDateTime(textOf(row.updated_at) as string);
  const legalRepId = textOf(row.legal_rep_id);
  return {
    creditCode: normaliseCreditCode(textOf(row.credit_code) as string),
    name: textOf(row.name) as string,
    establishedOn: established.ok ? established.value : '',
    registeredCapitalWan: nullableNumber(row.registered_capital_wan, decimalOf),
    shareholderSubscribedWan: nullableNumber(row.shareholder_subscribed_wan, decimalOf),
    employees: nullableNumber(row.employees, integerOf),
    industryCode: textOf(row.industry_code) as string,
    regionCode: textOf(row.region_code) as string,
    address: textOf(row.address),
    lng: nullableNumber(row.lng, decimalOf),
    lat: nullableNumber(row.lat, decimalOf),
    status: textOf(row.status) as SubjectStatus,
    abnormalListed: textOf(row.abnormal_listed) === '是',
    legalRepChanges2y: integerOf(row.legal_rep_changes_2y),
    legalRepName: textOf(row.legal_rep_name),
    legalRepId: legalRepId === null ? null : normaliseResidentId(legalRepId),
    updatedAt: updated.ok ? updated.value : new Date(NaN),
  };
}
