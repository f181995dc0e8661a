import { isIsoDay } from '@tianping/common';

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

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A day written YYYY-MM-DD (its start in China, UTC+8), or an ISO-8601 instant with its zone. */
export function dayOrInstant(value: string, name: string): Date {
  const text = value.trim();
  const at = isIsoDay(text) ? new Date(`${text}T00:00:00+08:00`) : INSTANT.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new Error(`${name} must be a day YYYY-MM-DD (China time) or an instant like 2026-01-01T00:00:00Z, got "${value}"`);
  return at;
}
