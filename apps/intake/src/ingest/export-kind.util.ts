import type { SourceKind } from '@tianping/intake-core';

/** A line of blank cells only (the `,,,,` a spreadsheet leaves): the parser skips it, and so does the sniffer. */
const BLANK_CELLS = /^[\s,"]*$/;

/**
 * Which export a file is, from its first bytes: JSON Lines are clues; a CSV is known by the
 * headers only its kind has. Files are not trusted to be named well.
 */
export function detectExportKind(head: string): SourceKind | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'clues';
  const header = text.split(/\r\n|\n|\r/).find((line) => !BLANK_CELLS.test(line)) ?? '';
  if (header.includes('案件编号')) return 'cases';
  if (header.includes('执法证号')) return 'officers';
  if (header.includes('主体名称') || header.includes('统一社会信用代码')) return 'subjects';
  return null;
}

/** Directory loads go in this order so that clues can link to subjects already present. */
export const INGEST_ORDER: SourceKind[] = ['officers', 'subjects', 'cases', 'clues'];
