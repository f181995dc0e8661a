import { normaliseCreditCode } from '@tianping/common';
import {
  asText,
  ContractRow,
  IsCodeList,
  IsContractDate,
  IsCreditCode,
  IsCstDateTime,
  IsDecimalValue,
  IsOneOf,
  IsOptionalText,
  IsRequiredText,
  RowCheck,
} from '../contract-rules.decorator';
import { parseContractDate, parseCstDateTime } from '../contract-date.util';
import { decimalOf, ITEM_CODE, listOf, textOf } from '../contract-value.util';
import {
  CASE_KINDS,
  CASE_ORIGINS_BY_MAKER,
  PLATFORM_CASE_ORIGINS,
  RecordMaker,
  CaseKind,
  CaseOrigin,
  CaseRecord,
  DEPARTMENT_CODES,
  DepartmentCode,
  INSPECTION_RESULTS,
  InspectionResult,
  VIOLATION_RESULTS,
} from '../intake.model';
import { Cell } from './subject-row.dto';

const departments = new Set<string>(DEPARTMENT_CODES);
const results = new Set<string>(INSPECTION_RESULTS);
const isItemCode = (token: string): boolean => {
  const m = ITEM_CODE.exec(token);
  return m !== null && departments.has(m[1]);
};
const originsBy: Record<RecordMaker, Set<string>> = { platform: new Set(CASE_ORIGINS_BY_MAKER.platform), tianping: new Set(CASE_ORIGINS_BY_MAKER.tianping) };
/** An origin only Tianping's own cases use (整改复查) in a platform's row: the platform never sends it. */
const tianpingOnly = (v: unknown, row: CaseRow): boolean => {
  const s = asText(v);
  return s !== null && row.madeBy === 'platform' && !originsBy.platform.has(s) && originsBy.tianping.has(s);
};
const isInspection = (row: CaseRow): boolean => asText(row.kind) === '检查';
const isPenalty = (row: CaseRow): boolean => asText(row.kind) === '处罚';

/** A cases.csv row as exported. */
export class CaseRow extends ContractRow {
  @IsRequiredText() case_no: Cell;
  @IsCreditCode() credit_code: Cell;
  @IsOneOf(DEPARTMENT_CODES) department: Cell;
  @IsOneOf(CASE_KINDS) kind: Cell;
  // A platform's row takes its contract's five origins; Tianping's visit results also 整改复查, its re-inspections.
  @IsRequiredText()
  @RowCheck<CaseRow>(
    'enum',
    (row) => `must be one of ${CASE_ORIGINS_BY_MAKER[row.madeBy].join(', ')}`,
    (v, row) => asText(v) !== null && !originsBy[row.madeBy].has(asText(v) as string) && !tianpingOnly(v, row),
    (row) => ({ allowed: CASE_ORIGINS_BY_MAKER[row.madeBy] }),
  )
  @RowCheck<CaseRow>(
    'tianping_only',
    `is the origin of Tianping's own re-inspections (整改复查), which a platform's export never holds: it must be one of ${PLATFORM_CASE_ORIGINS.join(', ')}`,
    tianpingOnly,
    { allowed: PLATFORM_CASE_ORIGINS },
  )
  origin: Cell;
  @IsContractDate({ notFuture: true }) date: Cell;
  @IsCodeList({ token: isItemCode, tokenHelp: 'item codes such as SAMR-03', min: 1 }) items: Cell;

  // 检查 needs one of the listed results; 处罚 leaves it blank. An unknown kind is reported on `kind` alone.
  @RowCheck<CaseRow>('required', 'is required for an inspection (检查)', (v, row) => isInspection(row) && asText(v) === null)
  @RowCheck<CaseRow>(
    'enum',
    `must be one of ${INSPECTION_RESULTS.join(', ')}`,
    (v, row) => !isPenalty(row) && asText(v) !== null && !results.has(asText(v) as string),
    { allowed: INSPECTION_RESULTS },
  )
  @RowCheck<CaseRow>('not_allowed', 'must be blank for a penalty (处罚)', (v, row) => isPenalty(row) && asText(v) !== null)
  result: Cell;

  @IsOptionalText() violation: Cell;
  @IsDecimalValue({ optional: true, min: 0, exact: true }) penalty_yuan: Cell;

  // The contract makes the column required (it is not one of the optional ones); an inspection needs two.
  @RowCheck<CaseRow>('required', 'is required: every case names its officers', (v) => listOf(v).length === 0)
  @RowCheck<CaseRow>('too_few', 'must list at least two officers for an inspection (检查)', (v, row) => isInspection(row) && listOf(v).length === 1)
  officer_ids: Cell;

  @IsCstDateTime() updated_at: Cell;
}

export function toCaseRecord(row: CaseRow): CaseRecord {
  const kind = textOf(row.kind) as CaseKind;
  const result = textOf(row.result) as InspectionResult | null;
  const date = parseContractDate(textOf(row.date) as string);
  const updated = parseCstDateTime(textOf(row.updated_at) as string);
  return {
    caseNo: textOf(row.case_no) as string,
    creditCode: normaliseCreditCode(textOf(row.credit_code) as string),
    department: textOf(row.department) as DepartmentCode,
    kind,
    origin: textOf(row.origin) as CaseOrigin,
    date: date.ok ? date.value : '',
    items: listOf(row.items),
    result,
    violation: textOf(row.violation),
    penaltyYuan: textOf(row.penalty_yuan) === null ? 0 : decimalOf(row.penalty_yuan),
    officerIds: listOf(row.officer_ids),
    updatedAt: updated.ok ? updated.value : new Date(NaN),
    violationFound: kind === '处罚' || (result !== null && VIOLATION_RESULTS.includes(result)),
  };
}
