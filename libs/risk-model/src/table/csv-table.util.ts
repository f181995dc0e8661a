import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TableRow } from './table-factors.util';

const DELIMITERS = [',', ';', '\t'] as const;

/** Reads a header-first CSV (UTF-8, optional BOM) into rows keyed by column name. */
export function readCsvTable(path: string): TableRow[] {
  return parseCsvTable(readFileSync(path, 'utf8'));
}

/**
 * Parses a header-first table into rows keyed by column name. The delimiter is the one of comma,
 * semicolon and tab that the header uses most (spreadsheets in many locales save with semicolons).
 */
export function parseCsvTable(text: string): TableRow[] {
  const firstLine = text.slice(0, Math.max(text.indexOf('\n'), 0) || text.length);
  // Delimiters inside quoted names do not count.
  const header = firstLine.replace(/"(?:[^"]|"")*"/g, '');
  const delimiter = DELIMITERS.reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ',' as string);
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, delimiter }) as TableRow[];
}
