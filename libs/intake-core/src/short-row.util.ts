import { CsvSourceKind, ParseContext, RawRecord, RowLayout } from './intake.model';
import { cellText, fewestFailing, MOST_TRIED, placeCells } from './ragged-row.util';

/**
 * Empty cells to put in a row with cells too few: each position (0-based) is the cell an empty one goes
 * before, as the layout lists the cells; a position given twice puts two there. No more than the row lacks.
 */
export function checkInsertions(layout: RowLayout, inserts: readonly number[]): string | null {
  const lacking = layout.columns.length - layout.cells.length;
  if (lacking <= 0) return `the row has no cell too few (it has ${layout.cells.length}, the header ${layout.columns.length})`;
  if (inserts.length > lacking) return `the row lacks ${lacking} cells, not ${inserts.length}`;
  for (const at of inserts) {
    if (!Number.isInteger(at) || at < 0 || at >= layout.cells.length)
      return `there is no cell ${at} to put an empty cell before (the row has ${layout.cells.length})`;
  }
  return null;
}

/**
 * The row with an empty cell put in before each cell at `inserts`, as the export dropped it, and every
 * later cell moved right into its column. Works on whatever values it is given: the sealed record for a
 * replay, the masked view for a suggestion.
 */
export function insertEmptyCells(raw: RawRecord, layout: RowLayout, inserts: readonly number[]): RawRecord {
  const problem = checkInsertions(layout, inserts);
  if (problem !== null) throw new RangeError(problem);
  const values: string[] = [];
  for (let i = 0; i < layout.cells.length; i++) {
    for (const at of inserts) if (at === i) values.push('');
    values.push(cellText(raw, layout, i));
  }
  return placeCells(raw, layout, values);
}

/**
 * Where an empty cell was most likely dropped: of every way to put in one empty cell, then two, up to as
 * many as the row lacks, the first after which the fewest fields fail validation, if that is fewer than
 * before (scored as suggestJoins scores joins). Empty when none helps, or there are too many ways.
 */
export function suggestInsertions(kind: CsvSourceKind, raw: RawRecord, layout: RowLayout, ctx: ParseContext, personal: readonly string[] = []): number[] {
  const ways = insertionWays(layout.cells.length, layout.columns.length - layout.cells.length);
  return fewestFailing(kind, ctx, personal, ways, (inserts) => insertEmptyCells(raw, layout, inserts));
}

/** Every multiset of 1..`most` positions of 0..n-1, fewest first, as far as MOST_TRIED of them. */
function insertionWays(n: number, most: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, chosen: number[], size: number): void => {
    if (out.length >= MOST_TRIED) return;
    if (chosen.length === size) return void out.push(chosen);
    for (let i = from; i < n; i++) walk(i, [...chosen, i], size);
  };
  for (let size = 1; size <= most && out.length < MOST_TRIED; size++) walk(0, [], size);
  return out;
}
