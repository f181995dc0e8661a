/** What a one-dimensional array literal here holds: text (dates as YYYY-MM-DD among it) and numbers. */
export type LiteralElement = string | number | null | undefined;

/** An element array_in would misread unquoted: a delimiter, a quote, a backslash, a brace or whitespace (JS's \s is a superset of the server's). */
const NEEDS_QUOTES = /[",\\{}\s]/;
const ESCAPED = /["\\]/g;

/**
 * The text of a one-dimensional PostgreSQL array (`{a,"b c",NULL}`), for a `$n::type[]` parameter
 * whose type has no simple binary form (numeric; a date given as text). pg's own conversion quotes
 * and escapes every element with two regular expressions; here an element is quoted only when
 * array_in needs it.
 */
export function arrayLiteral(values: readonly LiteralElement[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += ',';
    text += elementLiteral(values[i], i);
  }
  return text + '}';
}

function elementLiteral(value: LiteralElement, index: number): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return quotedIfNeeded(value);
  if (typeof value === 'number') return String(value);
  throw new TypeError(`array element ${index} is a ${typeof value}, not text or a number`);
}

function quotedIfNeeded(text: string): string {
  if (text.length === 0) return '""';
  if (NEEDS_QUOTES.test(text) || (text.length === 4 && text.toUpperCase() === 'NULL')) return `"${text.replace(ESCAPED, '\\$&')}"`;
  return text;
}
