import { toDayNumber } from '../spec/date.util';
import { FactorSpec, TableLayout } from '../spec/factor-spec.model';
import type { TableRow } from './table-factors.util';

/**
 * A flat table from someone else's system, checked before any row is used: a column the spec reads
 * but the table lacks is an error, and a row whose date, outcome or entity cannot be read is left out
 * and counted, by reason and row number, never guessed (a blank outcome is not "no violation").
 */
export type SkipReason = 'date' | 'label' | 'entity';

export interface SkippedRows {
  total: number;
  /** Per reason: how many rows, and the first few rows' numbers (1 is the first row after the header). */
  byReason: Partial<Record<SkipReason, { count: number; rows: number[] }>>;
}

const ROWS_SHOWN = 5;
const YEAR_FIRST_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/** The other year-first forms the platforms' exports use: 2014年9月2日 and 20140902. */
const CHINESE_DAY = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MS_PER_DAY = 86_400_000;
const POSITIVE = new Set(['1', 'true', 't', 'yes', 'y', '是']);
const NEGATIVE = new Set(['0', 'false', 'f', 'no', 'n', '否']);

/**
 * A table's date as a day number, or null. Year first only (2014-09-02, 2014/9/2, 2014.09.02,
 * 2014年9月2日, 20140902), so 01/10/2014 is never read as either January or October by guess; a
 * date-time without a zone is its calendar day, one with a zone the day it falls on in China (UTC+8).
 */
export function tableDay(cell: string | undefined): number | null {
  const text = (cell ?? '').trim();
  const day = YEAR_FIRST_DAY.exec(text) ?? CHINESE_DAY.exec(text) ?? COMPACT_DAY.exec(text);
  if (day) return calendarDay(+day[1], +day[2], +day[3]);
  const instant = DATE_TIME.exec(text);
  if (!instant) return null;
  if (!instant[2]) return tableDay(instant[1]);
  const iso = text.replace(' ', 'T');
  return Number.isNaN(Date.parse(iso)) || tableDay(instant[1]) === null ? null : toDayNumber(iso);
}

function calendarDay(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2014-02-30 over to March 2: such a date is not a date.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms / MS_PER_DAY : null;
}

/** A yes/no cell: 1, 0, or null when it says neither (blank, NA, "unknown"). Numbers above 0 are yes. */
export function yesNoCell(cell: string | undefined): 0 | 1 | null {
  const word = yesNoWord(cell);
  if (word !== null) return word;
  const text = (cell ?? '').trim();
  if (text === '' || !Number.isFinite(Number(text))) return null;
  return Number(text) > 0 ? 1 : 0;
}

/** A cell that says yes or no in words (true, no, 是…) as 1 or 0; null for anything else, numbers too. */
export function yesNoWord(cell: string | undefined): 0 | 1 | null {
  const text = (cell ?? '').trim().toLowerCase();
  if (POSITIVE.has(text)) return 1;
  if (NEGATIVE.has(text)) return 0;
  return null;
}

/** Every column the spec reads from a flat table. */
export function columnsRead(spec: FactorSpec, layout: TableLayout): string[] {
  const columns = [layout.idColumn, layout.dateColumn, layout.entityColumn, layout.labelColumn];
  if (layout.truthColumn) columns.push(layout.truthColumn);
  if (spec.nuisance?.column) columns.push(spec.nuisance.column);
  for (const f of spec.factors) if ((f.source.from === 'column' || f.source.from === 'history') && f.source.column) columns.push(f.source.column);
  return [...new Set(columns)];
}

/** The rows a backtest can use, and those it cannot with why; throws when the table cannot serve the spec at all. */
export function usableTableRows(rows: TableRow[], spec: FactorSpec, layout: TableLayout): { rows: TableRow[]; skipped: SkippedRows } {
  if (rows.length === 0) throw new Error('the table has no rows');
  const header = Object.keys(rows[0]);
  const missing = columnsRead(spec, layout).filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const hint = header.length === 1 ? ' (one column only: columns must be separated by commas, semicolons or tabs)' : '';
    throw new Error(`the table lacks ${missing.map((c) => `"${c}"`).join(', ')}, read by spec ${spec.id}; its columns: ${header.join(', ')}${hint}`);
  }
  const skipped: SkippedRows = { total: 0, byReason: {} };
  const usable = rows.filter((row, i) => {
    const reason = skipReason(row, layout);
    if (!reason) return true;
    const entry = (skipped.byReason[reason] ??= { count: 0, rows: [] });
    entry.count++;
    if (entry.rows.length < ROWS_SHOWN) entry.rows.push(i + 1);
    skipped.total++;
    return false;
  });
  if (usable.length === 0) {
    const reasons = Object.entries(skipped.byReason).map(([reason, e]) => `${reason}: ${e.count}`);
    const hint = skipped.byReason.date
      ? `; dates are read year first, as 2014-09-02, and "${rows[skipped.byReason.date.rows[0] - 1][layout.dateColumn]}" is not`
      : '';
    throw new Error(`no row of the table can be used (unreadable ${reasons.join(', ')})${hint}`);
  }
  return { rows: usable, skipped };
}

function skipReason(row: TableRow, layout: TableLayout): SkipReason | null {
  if (tableDay(row[layout.dateColumn]) === null) return 'date';
  if (yesNoCell(row[layout.labelColumn]) === null) return 'label';
  if (!row[layout.entityColumn]?.trim()) return 'entity';
  return null;
}
