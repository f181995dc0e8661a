/** Reading single contract values. Every function accepts `unknown` because JSON can carry any type. */

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Trimmed text, or null for a blank. Numbers/booleans from a replayed record are read as their text. */
export function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = (typeof value === 'string' ? value : String(value)).trim();
  return s === '' ? null : s;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

/** A plain decimal (no exponent, no thousands separator); NaN when it is not one. */
export function decimalOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  const s = textOf(value);
  if (s === null || !DECIMAL.test(s)) return NaN;
  // Hundreds of digits read as Infinity, which the database would store as such: not the number written.
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * A plain decimal moved by `places` powers of ten (4: 万元 written as 元), exactly, on its digits;
 * text that is not a plain decimal is returned as it is, so validation reports it as written.
 */
export function shiftDecimal(text: string, places: number): string {
  const s = text.trim();
  if (places === 0 || !DECIMAL.test(s)) return text;
  return movePoint(s, places);
}

/** A plain decimal's digits with the point moved `places` to the right, without leading or trailing zeros. */
function movePoint(s: string, places: number): string {
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  const [whole, fraction = ''] = s.slice(sign.length).split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) [digits, point] = ['0'.repeat(-point) + digits, 0];
  digits = digits.padEnd(point, '0');
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  return `${sign}${int}${frac === '' ? '' : `.${frac}`}`;
}

/** Whether two cells give one value: the same text, or for an amount the same number however written (1.50 and 1.5). */
export function sameValue(a: string, b: string, amount: boolean): boolean {
  const [x, y] = [a.trim(), b.trim()];
  if (x === y) return true;
  return amount && DECIMAL.test(x) && DECIMAL.test(y) && unsignedZero(movePoint(x, 0)) === unsignedZero(movePoint(y, 0));
}

/** Digits a double always keeps: a decimal with no more significant digits than this reads back unchanged. */
const DOUBLE_DIGITS = 15;

/**
 * Whether a plain decimal is held exactly by the number it is read as: false when reading it would
 * round digits away (1234567890.123456789), so the amount stored would not be the amount written.
 * Text that is not a plain decimal is left to the format check (true).
 */
export function decimalKeptExactly(text: string): boolean {
  const s = text.trim();
  if (s.replace(/^[+-]?0*/, '').replace('.', '').length <= DOUBLE_DIGITS || !DECIMAL.test(s)) return true;
  const n = Number(s);
  if (!Number.isFinite(n)) return false;
  const [mantissa, exponent = '0'] = String(n).split('e');
  return unsignedZero(movePoint(s, 0)) === unsignedZero(movePoint(mantissa, Number(exponent)));
}

/** '+5' is 5 and '-0' is 0, as a number prints them. */
function unsignedZero(decimal: string): string {
  const s = decimal.startsWith('+') ? decimal.slice(1) : decimal;
  return s === '-0' ? '0' : s;
}

/** A whole number within the safe range; NaN when it is not one. */
export function integerOf(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : NaN;
  const s = textOf(value);
  if (s === null || !INTEGER.test(s)) return NaN;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : NaN;
}

/** `;`-separated codes (full-width ；, blanks and repeated separators tolerated), de-duplicated in order. */
export function listOf(value: unknown): string[] {
  const s = textOf(value);
  if (s === null) return [];
  const seen = new Set<string>();
  for (const part of s.split(/[;；]/)) {
    const token = part.trim();
    if (token !== '') seen.add(token);
  }
  return [...seen];
}

/**
 * GB/T 4754-2017: the two-digit divisions that belong to each section letter.
 * A code whose division lies outside its section (Q9999) is not a real industry code.
 */
const SECTION_DIVISIONS: Record<string, readonly [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};
const INDUSTRY_CODE = /^([A-T])(\d{2})\d{2}$/;

export function industryCodeShapeOk(code: string): boolean {
  return INDUSTRY_CODE.test(code);
}

export function industryDivisionOk(code: string): boolean {
  const m = INDUSTRY_CODE.exec(code);
  if (!m) return false;
  const [low, high] = SECTION_DIVISIONS[m[1]];
  const division = +m[2];
  return division >= low && division <= high;
}

export const REGION_CODE = /^\d{6}$/;

/**
 * The resident ID shape (GB 11643): 17 digits and a digit or X. The check digit is NOT enforced:
 * the valid sample rows do not satisfy it, so the sources evidently do not guarantee it.
 */
export const RESIDENT_ID = /^\d{17}[\dX]$/;

export function normaliseResidentId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Inspection item codes: a department code, a dash and two digits (FIRE-02). */
export const ITEM_CODE = /^([A-Z]+)-\d{2}$/;
