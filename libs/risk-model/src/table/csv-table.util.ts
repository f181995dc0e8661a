import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TableRow } from './table-factors.util';

/** Reads a header-first CSV (UTF-8, optional BOM) into rows keyed by column name. */
export function readCsvTable(path: string): TableRow[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as TableRow[];
}
