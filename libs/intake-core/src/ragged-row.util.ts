import { contractKeys } from './contract-columns.model';
import { shiftDecimal } from './contract-value.util';
import { CsvSourceKind, ParseContext, RawRecord, Reason, RowLayout } from './intake.model';
import { validateRaw } from './record-validation.util';

const EXTRA = /^_column_(\d+)$/;
const COUNTS = /row has (\d+) cells but the header has (\d+)/;

/**
 * A ragged row's layout: as the reader recorded it in its `ragged_row` reason, or, for a record held
 * before it did, read from the contract's column order and the `_column_<n>` names (null when the
 * record's keys do not fit that reading, e.g. an export with columns of its own).
 */
export function rowLayout(kind: CsvSourceKind, raw: unknown, reasons: unknown): RowLayout | null {
  if (raw === null || typeof raw !== 'object' || !Array.isArray(reasons)) return null;
  const ragged = (reasons as Partial<Reason>[]).find((r) => r?.field === '_row' && r?.code === 'ragged_row');
  if (ragged === undefined) return null;
  if (ragged.layout !== undefined) return ragged.layout;
  const counts = COUNTS.exec(ragged.message ?? '');
  if (counts === null) return null;
  const [cellCount, width] = [Number(counts[1]), Number(counts[2])];
  const keys = Object.keys(raw);
  const contract = contractKeys(kind);
  const columns = contract.filter((key) => keys.includes(key));
  const extras = keys.filter((key) => EXTRA.test(key)).sort((a, b) => Number(EXTRA.exec(a)![1]) - Number(EXTRA.exec(b)![1]));
  if (columns.length !== width || columns.length + extras.length !== keys.length) return null;
  if (extras.some((key, j) => key !== `_column_${width + j + 1}`) || Math.max(width, cellCount) !== width + extras.length) return null;
  return { columns, cells: [...columns, ...extras].slice(0, cellCount), spaced: [] };
}

/** Join positions are 0-based cells, each joined with the cell after it. */
export function checkJoins(layout: RowLayout, joins: readonly number[]): string | null {
  for (const at of joins) {
    if (!Number.isInteger(at) || at < 0 || at >= layout.cells.length - 1)
      return `there is no cell ${at} to join with the next (the row has ${layout.cells.length})`;
  }
  return null;
}

/**
 * The row with each joined cell put back together with the comma that split it (and the space after
 * it, where there was one), every later cell moved back into its column, and cells still beyond the
 * header kept as `_column_<n>`. Works on whatever values it is given: the sealed record for a replay,
 * the masked view for a suggestion.
 */
export function rejoinCells(raw: RawRecord, layout: RowLayout, joins: readonly number[]): RawRecord {
  const problem = checkJoins(layout, joins);
  if (problem !== null) throw new RangeError(problem);
  const at = new Set(joins);
  const values: string[] = [];
  for (let i = 0; i < layout.cells.length; i++) {
    const text = cellText(raw, layout, i);
    if (i > 0 && at.has(i - 1)) values[values.length - 1] += `${layout.spaced.includes(i) ? ', ' : ','}${text}`;
    else values.push(text);
  }
  return placeCells(raw, layout, values);
}

/** Cell `i` of a ragged row as the export wrote it: a money cell back in the unit of the header it fell under. */
export function cellText(raw: RawRecord, layout: RowLayout, i: number): string {
  const value = raw[layout.cells[i]];
  return shiftDecimal(value === null || value === undefined ? '' : String(value), -(layout.shifts?.[i] ?? 0));
}

/**
 * The record with `values` (cell texts, in order) put under the header's columns, each money value in the
 * unit of the column it now lands in; values beyond the header kept as `_column_<n>`, a column without a
 * value blank, and what the row did not place (a column of the export's own) as it was.
 */
export function placeCells(raw: RawRecord, layout: RowLayout, values: readonly string[]): RawRecord {
  const moved = new Set(layout.cells);
  const out: RawRecord = {};
  for (const [key, value] of Object.entries(raw)) if (!moved.has(key)) keep(out, key, value);
  layout.columns.forEach((key, i) => {
    if (key !== null) keep(out, key, i < values.length ? shiftDecimal(values[i], layout.shifts?.[i] ?? 0) : '');
  });
  for (let i = layout.columns.length; i < values.length; i++) keep(out, `_column_${i + 1}`, values[i]);
  return out;
}

/** The fields shown masked, by kind: values a split may have moved elsewhere stay masked there too. */
export const PERSONAL_FIELDS: Record<CsvSourceKind, readonly string[]> = { subjects: ['legal_rep_name', 'legal_rep_id'], officers: ['name'], cases: [] };

/**
 * The names, in a ragged row (or in that row after `joins`, or after empty cells put in before the cells
 * at `inserts`), of the other cells that may hold a personal field's value: every cell the split or the
 * dropped cells could have moved it to, as far as the row has cells too many or too few. Its view masks
 * them, so a name shifted under another column is not shown in full.
 */
export function personalReach(kind: CsvSourceKind, layout: RowLayout, joins: readonly number[] = [], inserts: readonly number[] = []): string[] {
  const personal = PERSONAL_FIELDS[kind];
  const extra = layout.cells.length - layout.columns.length;
  const positions = new Set<number>();
  layout.columns.forEach((key, p) => {
    if (key === null || !personal.includes(key)) return;
    for (let q = Math.max(0, Math.min(p, p + extra)); q <= Math.max(p, p + extra) && q < layout.cells.length; q++) positions.add(q);
  });
  // Cell q lands one place to the left for every join before it, one to the right for every empty cell put in before it.
  const landed = (q: number) => q - joins.filter((j) => j < q).length + inserts.filter((at) => at <= q).length;
  const name = (i: number) => (i < layout.columns.length ? layout.columns[i] : `_column_${i + 1}`);
  const names = [...positions].map((q) => (joins.length + inserts.length > 0 ? name(landed(q)) : layout.cells[q]));
  return [...new Set(names)].filter((key): key is string => key !== null && !personal.includes(key));
}

/** More ways to join (or to put empty cells in) than this are not tried: the operator chooses without a suggestion. */
export const MOST_TRIED = 2000;

/**
 * The joins that most likely undo the split: of every way to join as many cells as the row has too
 * many, the first after which the fewest fields fail validation (personal ones left out: in a masked
 * view they never pass), if that is fewer than before. Empty when none helps or there are too many ways.
 */
export function suggestJoins(kind: CsvSourceKind, raw: RawRecord, layout: RowLayout, ctx: ParseContext, personal: readonly string[] = []): number[] {
  const ways = combinations(layout.cells.length - 1, layout.cells.length - layout.columns.length);
  return ways === null ? [] : fewestFailing(kind, ctx, personal, ways, (joins) => rejoinCells(raw, layout, joins));
}

/**
 * Of `ways` (tried in order), the first whose record `reshape` makes fails the fewest fields, personal ones
 * left out (in a masked view they never pass); empty when none does better than the record as it came.
 */
export function fewestFailing(
  kind: CsvSourceKind,
  ctx: ParseContext,
  personal: readonly string[],
  ways: readonly number[][],
  reshape: (way: number[]) => RawRecord,
): number[] {
  const failing = (way: number[]) => {
    const result = validateRaw(kind, reshape(way), ctx);
    return result.ok ? 0 : new Set(result.reasons.map((r) => r.field).filter((f) => !personal.includes(f))).size;
  };
  let best = { way: [] as number[], failing: failing([]) };
  for (const way of ways) {
    if (best.failing === 0) break;
    const n = failing(way);
    if (n < best.failing) best = { way, failing: n };
  }
  return best.way;
}

/** Every choice of `k` of the positions 0..n-1, in order; null when there are more than MOST_TRIED. */
function combinations(n: number, k: number): number[][] | null {
  if (k <= 0 || k > n) return null;
  let count = 1;
  for (let i = 0; i < k; i++) count = (count * (n - i)) / (i + 1);
  if (count > MOST_TRIED) return null;
  const out: number[][] = [];
  const walk = (from: number, chosen: number[]) => {
    if (chosen.length === k) return void out.push(chosen);
    for (let i = from; i < n; i++) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return out;
}

// defineProperty, so a key named __proto__ stays data.
function keep(record: RawRecord, key: string, value: RawRecord[string]): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
