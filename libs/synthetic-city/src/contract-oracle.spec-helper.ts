/**
 * An independent reader of the generated exports for the specs: it re-reads the files with its own
 * small CSV/JSON handling and its own reading of the contract, and counts what an intake must report.
 * Deliberately shares no code with the generator (except the shared credit-code check).
 */
import { readFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import { isValidCreditCode } from '@tianping/common';

export const DEPARTMENTS = new Set(['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI']);

export interface Counted {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  staleVersions: number;
  newerVersions: number;
  distinct: number;
}

/** A parsed row: contract header → value (CSV) or the JSON object (clues). */
export type Row = Record<string, unknown>;

export function decodeFile(path: string, encoding: string): string {
  const bytes = readFileSync(path);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'utf-8-bom') {
    if (!hasBom) throw new Error(`${path}: BOM expected`);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  }
  if (hasBom) throw new Error(`${path}: unexpected BOM`);
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return iconv.decode(bytes, 'gb18030');
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function lines(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function dateFrom(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (m < 1 || m > 12 || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return back.toISOString().slice(0, 10);
}

/** Any of the four spellings → `YYYY-MM-DD`, or null. */
export function parseDate(text: string): string | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return match ? dateFrom(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function validDateTime(text: string, end: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m || parseDate(m[1]) === null || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return false;
  return m[1] < end;
}

function validIso(value: unknown, end: string): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/.exec(value);
  return !!m && parseDate(m[1]) !== null && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60 && m[1] < end;
}

const decimal = (v: string): boolean => /^\d+(\.\d+)?$/.test(v);
const signedDecimal = (v: string): boolean => /^-?\d+(\.\d+)?$/.test(v);
const count = (v: string): boolean => /^\d+$/.test(v);
const pastDate = (v: string, end: string): boolean => {
  const d = parseDate(v);
  return d !== null && d < end;
};

export function validSubject(r: Record<string, string>, end: string): boolean {
  return (
    isValidCreditCode(r['统一社会信用代码']) &&
    r['主体名称'] !== '' &&
    pastDate(r['成立日期'], end) &&
    (r['注册资本(万元)'] === '' || decimal(r['注册资本(万元)'])) &&
    (r['股东认缴出资额(万元)'] === '' || decimal(r['股东认缴出资额(万元)'])) &&
    (r['从业人数'] === '' || count(r['从业人数'])) &&
    /^[A-T]\d{4}$/.test(r['行业代码']) &&
    /^\d{6}$/.test(r['行政区划代码']) &&
    (r['经度'] === '' || signedDecimal(r['经度'])) &&
    (r['纬度'] === '' || signedDecimal(r['纬度'])) &&
    ['存续', '在业', '迁出', '吊销', '注销'].includes(r['登记状态']) &&
    ['是', '否'].includes(r['列入经营异常名录']) &&
    count(r['近两年法定代表人变更次数']) &&
    validDateTime(r['更新时间'], end)
  );
}

export function validCase(r: Record<string, string>, end: string): boolean {
  const department = r['执法部门'];
  const kind = r['案件类型'];
  const items = r['检查事项'] === '' ? [] : r['检查事项'].split(';');
  const officers = r['执法人员证号'] === '' ? [] : r['执法人员证号'].split(';');
  const resultOk = kind === '检查' ? ['未发现问题', '责令整改', '立案查处'].includes(r['检查结果']) : r['检查结果'] === '';
  return (
    r['案件编号'] !== '' &&
    isValidCreditCode(r['统一社会信用代码']) &&
    DEPARTMENTS.has(department) &&
    ['检查', '处罚'].includes(kind) &&
    ['双随机', '投诉举报', '专项检查', '线索移送', '其他'].includes(r['检查来源']) &&
    pastDate(r['发生日期'], end) &&
    items.length > 0 &&
    items.every((item) => /^([A-Z]+)-\d{2}$/.test(item) && DEPARTMENTS.has(item.split('-')[0])) &&
    resultOk &&
    (r['罚没金额(元)'] === '' || decimal(r['罚没金额(元)'])) &&
    officers.length >= (kind === '检查' ? 2 : 1) &&
    validDateTime(r['更新时间'], end)
  );
}

export function validOfficer(r: Record<string, string>): boolean {
  return (
    r['执法证号'] !== '' &&
    r['姓名'] !== '' &&
    DEPARTMENTS.has(r['所属部门']) &&
    parseDate(r['执法证有效期至']) !== null &&
    r['可检查部门'].split(';').every((d) => DEPARTMENTS.has(d)) &&
    /^\d{6}$/.test(r['常驻区划']) &&
    ['在岗', '离岗'].includes(r['状态'])
  );
}

export function validClue(c: Row, end: string): boolean {
  return (
    typeof c.clue_id === 'string' &&
    c.clue_id !== '' &&
    ['12345', 'grid', 'city_brain', 'online'].includes(c.channel as string) &&
    validIso(c.received_at, end) &&
    (c.credit_code === undefined || typeof c.credit_code === 'string') &&
    typeof c.category === 'string' &&
    DEPARTMENTS.has(c.department as string) &&
    (c.verified === true || c.verified === false || c.verified === null) &&
    ['pending', 'handled', 'closed'].includes(c.status as string) &&
    validIso(c.updated_at, end)
  );
}

/** Intake's bookkeeping for one kind: quarantine, duplicates, newest-wins. */
export class Ledger {
  readonly counted: Counted = { rows: 0, valid: 0, invalid: 0, duplicates: 0, staleVersions: 0, newerVersions: 0, distinct: 0 };
  readonly accepted = new Map<string, { identity: string; stamp: string; row: Row }>();

  take(valid: boolean, key: string, identity: string, stamp: string, row: Row): void {
    this.counted.rows++;
    if (!valid) {
      this.counted.invalid++;
      return;
    }
    this.counted.valid++;
    const current = this.accepted.get(key);
    if (!current) {
      this.counted.distinct++;
      this.accepted.set(key, { identity, stamp, row });
    } else if (current.identity === identity) this.counted.duplicates++;
    else if (stamp > current.stamp) {
      this.counted.newerVersions++;
      this.accepted.set(key, { identity, stamp, row });
    } else if (stamp < current.stamp) this.counted.staleVersions++;
    else throw new Error(`ambiguous versions of ${key}: same timestamp, different content`);
  }
}

export interface CityFileRef {
  path: string;
  kind: 'subjects' | 'cases' | 'officers' | 'clues';
  encoding: string;
  rows: number;
}

export interface ReadCity {
  ledgers: Record<CityFileRef['kind'], Ledger>;
  /** Rows actually found in each file. */
  fileRows: Record<string, number>;
  /** Each CSV file's header cells, in file order. */
  headers: Record<string, string[]>;
}

const KEYS = { subjects: '统一社会信用代码', cases: '案件编号', officers: '执法证号' } as const;
const STAMPS = { subjects: '更新时间', cases: '更新时间', officers: null } as const;

/** Reads every data file in manifest order, as an intake would. */
export function readCity(
  dir: string,
  files: readonly CityFileRef[],
  contractHeaders: Record<'subjects' | 'cases' | 'officers', readonly string[]>,
  end: string,
): ReadCity {
  const ledgers = { subjects: new Ledger(), cases: new Ledger(), officers: new Ledger(), clues: new Ledger() };
  const fileRows: Record<string, number> = {};
  const headers: Record<string, string[]> = {};
  for (const file of files) {
    const all = lines(decodeFile(`${dir}/${file.path}`, file.encoding));
    if (file.kind === 'clues') {
      fileRows[file.path] = all.length;
      for (const line of all) {
        let clue: Row | null = null;
        try {
          const parsed: unknown = JSON.parse(line);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) clue = parsed as Row;
        } catch {
          clue = null;
        }
        const valid = clue !== null && validClue(clue, end);
        const identity = clue
          ? JSON.stringify(
              Object.keys(clue)
                .sort()
                .map((k) => [k, clue![k]]),
            )
          : '';
        ledgers.clues.take(valid, String(clue?.clue_id), identity, String(clue?.updated_at), clue ?? {});
      }
      continue;
    }
    const kind = file.kind;
    const header = splitCsv(all[0]);
    headers[file.path] = header;
    fileRows[file.path] = all.length - 1;
    const contract = contractHeaders[kind];
    for (const line of all.slice(1)) {
      const cells = splitCsv(line);
      if (cells.length !== header.length) throw new Error(`${file.path}: ragged row`);
      const row: Record<string, string> = {};
      header.forEach((h, i) => (row[h] = cells[i]));
      const valid = kind === 'subjects' ? validSubject(row, end) : kind === 'cases' ? validCase(row, end) : validOfficer(row);
      const identity = contract.map((h) => row[h]).join('\u0001');
      const stampHeader = STAMPS[kind];
      ledgers[kind].take(valid, row[KEYS[kind]], identity, stampHeader ? row[stampHeader] : '', row);
    }
  }
  return { ledgers, fileRows, headers };
}
