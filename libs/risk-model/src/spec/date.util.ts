/** Dates become whole day numbers (days since 1970-01-01) on China Standard Time's calendar. */

const MS_PER_DAY = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateInput = Date | string;

/**
 * A plain `YYYY-MM-DD` is that calendar day; a datetime or Date is the day it falls on in UTC+8,
 * so a clue received late in the evening in China counts on that Chinese day.
 */
export function toDayNumber(input: DateInput): number {
  if (typeof input === 'string') {
    const plain = PLAIN_DATE.exec(input);
    if (plain) return Date.UTC(+plain[1], +plain[2] - 1, +plain[3]) / MS_PER_DAY;
  }
  const ms = typeof input === 'string' ? Date.parse(input) : input.getTime();
  if (Number.isNaN(ms)) throw new Error(`not a date: ${String(input)}`);
  return Math.floor((ms + CST_OFFSET_MS) / MS_PER_DAY);
}

export function dayNumberToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export const DAYS_PER_YEAR = 365.25;
