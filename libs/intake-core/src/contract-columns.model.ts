import { CsvSourceKind } from './intake.model';

/** One CSV column of Platform A: its Chinese header, English key, and whether the header must be present. */
export interface ContractColumn {
  header: string;
  key: string;
  /**
   * A column whose blank cell has a meaning of its own (unknown, optional) may be absent from an export;
   * any other absent column makes every row of that file unusable.
   */
  required: boolean;
  /**
   * A money column: the header's name without its unit, and the unit the key holds (10^places yuan).
   * "Money is in 万元 where the header says so, else in 元": an export may name the other unit, or none.
   */
  money?: { name: string; places: number };
}

const column = (header: string, key: string, required = true): ContractColumn => ({ header, key, required });
const UNIT_PLACES: Record<string, number> = { 万元: 4, 元: 0 };
const MONEY_HEADER = /^(.+?)(?:\((万元|元)\))?$/;
/** A money column as the contract's table heads it, e.g. 注册资本(万元). */
const moneyColumn = (header: string, key: string, required = true): ContractColumn => {
  const [, name, unit] = MONEY_HEADER.exec(header) as RegExpExecArray;
  return { header, key, required, money: { name, places: UNIT_PLACES[unit] } };
};

/** A normalised header cell read as a money column's name and the unit its amounts are in (元 when it names none). */
export function moneyHeader(header: string): { name: string; places: number } {
  const [, name, unit] = MONEY_HEADER.exec(header) ?? [header, header, undefined];
  return { name, places: unit === undefined ? 0 : UNIT_PLACES[unit] };
}

/** The contract column a normalised header cell names, and the powers of ten from its unit to the key's. */
export interface HeaderColumn {
  column: ContractColumn;
  shift: number;
  /** The contract's own header, which wins over a money column named in another unit (or none). */
  exact: boolean;
}

/** Which contract column a normalised header names, if any: its own header, or a money column's name in either unit or none. */
export function columnOfHeader(kind: CsvSourceKind, header: string): HeaderColumn | null {
  const columns = CONTRACT_COLUMNS[kind];
  const own = columns.find((c) => c.header === header);
  if (own !== undefined) return { column: own, shift: 0, exact: true };
  const { name, places } = moneyHeader(header);
  const money = columns.find((c) => c.money?.name === name);
  return money?.money === undefined ? null : { column: money, shift: places - money.money.places, exact: false };
}

export const CONTRACT_COLUMNS: Record<CsvSourceKind, readonly ContractColumn[]> = {
  subjects: [
    column('统一社会信用代码', 'credit_code'),
    column('主体名称', 'name'),
    column('成立日期', 'established_on'),
    moneyColumn('注册资本(万元)', 'registered_capital_wan', false),
    moneyColumn('股东认缴出资额(万元)', 'shareholder_subscribed_wan', false),
    column('从业人数', 'employees', false),
    column('行业代码', 'industry_code'),
    column('行政区划代码', 'region_code'),
    column('住所', 'address', false),
    column('经度', 'lng', false),
    column('纬度', 'lat', false),
    column('登记状态', 'status'),
    column('列入经营异常名录', 'abnormal_listed'),
    column('近两年法定代表人变更次数', 'legal_rep_changes_2y'),
    column('法定代表人', 'legal_rep_name', false),
    column('法定代表人证件号', 'legal_rep_id', false),
    column('更新时间', 'updated_at'),
  ],
  cases: [
    column('案件编号', 'case_no'),
    column('统一社会信用代码', 'credit_code'),
    column('执法部门', 'department'),
    column('案件类型', 'kind'),
    column('检查来源', 'origin'),
    column('发生日期', 'date'),
    column('检查事项', 'items'),
    column('检查结果', 'result'),
    column('违法行为', 'violation', false),
    // Blank means 0 yuan, but a missing column does not: the amounts would be unknown, not zero.
    moneyColumn('罚没金额(元)', 'penalty_yuan'),
    column('执法人员证号', 'officer_ids'),
    column('更新时间', 'updated_at'),
  ],
  officers: [
    column('执法证号', 'officer_id'),
    column('姓名', 'name', false),
    column('所属部门', 'department'),
    column('执法证有效期至', 'cert_valid_until'),
    column('可检查部门', 'domains'),
    column('常驻区划', 'region_code'),
    column('状态', 'status'),
  ],
};

/** Header cells as some spreadsheet tools rewrite them: full-width brackets, stray blanks, a BOM. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');
}

export function contractKeys(kind: CsvSourceKind): string[] {
  return CONTRACT_COLUMNS[kind].map((c) => c.key);
}
