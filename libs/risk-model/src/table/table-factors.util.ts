import { FactorDefinition, FactorSpec, FactorValue, FactorValues, TableLayout } from '../spec/factor-spec.model';
import { tableDay, yesNoCell, yesNoWord } from './table-check.util';

export type TableRow = Record<string, string>;

/** A flat inspection table resolved against a spec: factor values plus the model's roles per row. */
export interface FactorTable {
  ids: string[];
  days: Int32Array;
  labels: Uint8Array;
  nuisance: (string | null)[];
  truth: Float64Array | null;
  factors: FactorValues[];
}

interface EntityEvent {
  day: number;
  values: Record<string, number>;
}

export function tableLayout(spec: FactorSpec): TableLayout {
  if (!spec.table) throw new Error(`spec ${spec.id} does not describe a flat table (it needs "table": idColumn, dateColumn, entityColumn, labelColumn)`);
  return spec.table;
}

/** Parses a cell as a number; blank and non-numeric cells are missing, never zero. */
export function numericCell(cell: string | undefined): number | null {
  if (cell === undefined || cell.trim() === '' || cell === 'NA') return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value : null;
}

/**
 * A cell a history factor sums or averages: a number, or yes / no in words (a 0/1 column such as the
 * outcome written TRUE/FALSE counts as 1/0, not as nothing); null when it is neither (counted as 0).
 */
function historyValue(cell: string | undefined): number | null {
  return numericCell(cell) ?? yesNoWord(cell);
}

function columnValue(factor: FactorDefinition, cell: string | undefined): FactorValue {
  if (factor.kind === 'numeric') return numericCell(cell);
  if (cell === undefined || cell.trim() === '') return null;
  if (factor.kind === 'boolean') {
    const yes = yesNoCell(cell);
    return yes === null ? null : yes === 1;
  }
  return cell.trim();
}

const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-']);
const CELLS_SHOWN = 5;

/** Per column, cells that say something but not what the spec reads there (a number, yes or no). */
export type UnreadableCells = Record<string, { count: number; rows: number[]; example: string }>;

/**
 * Cells the factors will read as missing although they are not blank: `10,5` with a decimal comma,
 * `Pass` where yes or no was expected. Counted so a table from another system says where its format
 * differs, rather than its factors quietly going missing.
 */
export function unreadableCells(rows: TableRow[], spec: FactorSpec): UnreadableCells {
  const readers = new Map<string, (cell: string) => boolean>();
  for (const f of spec.factors) {
    if (f.source.from === 'column' && f.kind === 'numeric') readers.set(f.source.column, (c) => numericCell(c) !== null);
    if (f.source.from === 'column' && f.kind === 'boolean') readers.set(f.source.column, (c) => yesNoCell(c) !== null);
  }
  for (const column of historyColumns(spec)) readers.set(column, (c) => historyValue(c) !== null);
  const found: UnreadableCells = {};
  rows.forEach((row, i) => {
    for (const [column, readable] of readers) {
      const cell = row[column] ?? '';
      if (MISSING_MARKERS.has(cell.trim().toLowerCase()) || readable(cell)) continue;
      const entry = (found[column] ??= { count: 0, rows: [], example: cell });
      entry.count++;
      if (entry.rows.length < CELLS_SHOWN) entry.rows.push(i + 1);
    }
  });
  return found;
}

/** Columns whose earlier values the history factors read. */
function historyColumns(spec: FactorSpec): string[] {
  const columns = new Set<string>();
  for (const f of spec.factors) if (f.source.from === 'history' && f.source.column) columns.add(f.source.column);
  return [...columns];
}

/**
 * Resolves every row's factors. History factors read only rows of the same entity dated strictly
 * before the row (same-day rows are invisible to each other), and the shrinkage mean is the mean
 * over all rows dated before it, so no row's factors depend on anything on or after its date.
 * Every row must have a readable date and outcome: `usableTableRows` sets aside those that do not.
 */
export function computeTableFactors(rows: TableRow[], spec: FactorSpec): FactorTable {
  const layout = tableLayout(spec);
  const n = rows.length;
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const day = tableDay(rows[i][layout.dateColumn]);
    if (day === null) throw new Error(`row ${i + 1}: "${rows[i][layout.dateColumn]}" is not a year-first date`);
    days[i] = day;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => days[a] - days[b] || a - b);
  const columns = historyColumns(spec);
  const byEntity = new Map<string, EntityEvent[]>();
  const globalSum: Record<string, number> = Object.fromEntries(columns.map((c) => [c, 0]));
  let globalCount = 0;
  const factors: FactorValues[] = new Array(n);

  for (let start = 0; start < n;) {
    let end = start;
    while (end < n && days[order[end]] === days[order[start]]) end++;
    // First resolve the whole day from what was known before it, then record the day.
    for (let k = start; k < end; k++) {
      const i = order[k];
      const past = byEntity.get(rows[i][layout.entityColumn]) ?? [];
      factors[i] = rowFactors(spec, rows[i], days[i], past, globalSum, globalCount);
    }
    for (let k = start; k < end; k++) {
      const i = order[k];
      const values: Record<string, number> = {};
      for (const c of columns) {
        values[c] = historyValue(rows[i][c]) ?? 0;
        globalSum[c] += values[c];
      }
      globalCount++;
      const key = rows[i][layout.entityColumn];
      const list = byEntity.get(key) ?? [];
      list.push({ day: days[i], values });
      byEntity.set(key, list);
    }
    start = end;
  }

  const nuisanceColumn = spec.nuisance?.column;
  return {
    ids: rows.map((r) => r[layout.idColumn]),
    days,
    labels: Uint8Array.from(rows, (r, i) => outcome(r[layout.labelColumn], i)),
    nuisance: rows.map((r) => (nuisanceColumn && r[nuisanceColumn]?.trim() ? r[nuisanceColumn].trim() : null)),
    truth: layout.truthColumn ? Float64Array.from(rows, (r) => numericCell(r[layout.truthColumn!]) ?? NaN) : null,
    factors,
  };
}

function outcome(cell: string | undefined, i: number): 0 | 1 {
  const yes = yesNoCell(cell);
  if (yes === null) throw new Error(`row ${i + 1}: outcome "${cell ?? ''}" says neither yes nor no`);
  return yes;
}

function rowFactors(spec: FactorSpec, row: TableRow, day: number, past: EntityEvent[], globalSum: Record<string, number>, globalCount: number): FactorValues {
  const values: FactorValues = {};
  for (const factor of spec.factors) {
    const source = factor.source;
    if (source.from === 'column') {
      values[factor.name] = columnValue(factor, row[source.column]);
      continue;
    }
    if (source.from !== 'history') throw new Error(`factor ${factor.name} cannot be read from a flat table`);
    const window = source.windowDays;
    const events = window === undefined ? past : past.filter((e) => e.day >= day - window);
    if (source.stat === 'priorCount') {
      values[factor.name] = events.length;
    } else if (source.stat === 'daysSinceLast') {
      values[factor.name] = events.length === 0 ? null : day - events[events.length - 1].day;
    } else {
      const column = source.column;
      if (!column) throw new Error(`history factor ${factor.name} needs a column`);
      const sum = events.reduce((s, e) => s + e.values[column], 0);
      if (source.stat === 'priorSum') {
        values[factor.name] = sum;
      } else {
        const mean = globalCount > 0 ? globalSum[column] / globalCount : 0;
        const strength = source.shrinkStrength ?? 3;
        values[factor.name] = (sum + strength * mean) / (events.length + strength);
      }
    }
  }
  return values;
}
