/**
 * Checks for command-line arguments, so a typo is a one-line error naming the flag rather than a
 * database error, or an empty answer that looks like "nothing there".
 */

/** A whole number written in digits, within [min, max]. */
export function wholeNumber(value: string, name: string, range: { min?: number; max?: number } = {}): number {
  const min = range.min ?? 0;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const bounds = range.max === undefined ? `${min} or more` : `from ${min} to ${max}`;
    throw new Error(`${name} must be a whole number ${bounds}, got "${value}"`);
  }
  return n;
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
