import { ContractRow, IsCodeList, IsContractDate, IsOneOf, IsOptionalText, IsRegionCode, IsRequiredText } from '../contract-rules.decorator';
import { parseContractDate } from '../contract-date.util';
import { listOf, textOf } from '../contract-value.util';
import { DEPARTMENT_CODES, DepartmentCode, OFFICER_STATUSES, OfficerRecord, OfficerStatus } from '../intake.model';
import { Cell } from './subject-row.dto';

const departments = new Set<string>(DEPARTMENT_CODES);

/** An officers.csv row as exported. */
export class OfficerRow extends ContractRow {
  @IsRequiredText() officer_id: Cell;
  @IsOptionalText() name: Cell;
  @IsOneOf(DEPARTMENT_CODES) department: Cell;
  // A certificate date lies in the future by nature; an expired one is valid data (that officer just may not inspect).
  @IsContractDate({ notFuture: false }) cert_valid_until: Cell;
  @IsCodeList({ token: (t) => departments.has(t), tokenHelp: 'department codes', min: 1 }) domains: Cell;
  @IsRegionCode() region_code: Cell;
  @IsOneOf(OFFICER_STATUSES) status: Cell;
}

export function toOfficerRecord(row: OfficerRow): OfficerRecord {
  const valid = parseContractDate(textOf(row.cert_valid_until) as string);
  return {
    officerId: textOf(row.officer_id) as string,
    name: textOf(row.name),
    department: textOf(row.department) as DepartmentCode,
    certValidUntil: valid.ok ? valid.value : '',
    domains: listOf(row.domains) as DepartmentCode[],
    regionCode: textOf(row.region_code) as string,
    status: textOf(row.status) as OfficerStatus,
  };
}
