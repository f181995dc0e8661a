import { chinaDay, isIsoDay } from '@tianping/common';

/** Audit periods: whole days in China Standard Time, quarters by the calendar. */

export interface AuditPeriod {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
}

/** The quarter a day falls in. */
export function quarterOf(day: string): AuditPeriod & { label: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const lastDay = new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from, to: lastDay, label: `${year}Q${q + 1}` };
}

/** The last quarter that has ended by `now` (China time): what the scheduled audit covers. */
export function lastCompleteQuarter(now: Date): AuditPeriod & { label: string } {
  const current = quarterOf(chinaDay(now));
  const dayBefore = new Date(Date.parse(`${current.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return quarterOf(dayBefore);
}

/** An on-demand audit without dates covers the current quarter so far. */
export function resolvePeriod(from: string | undefined, to: string | undefined, now: Date): AuditPeriod {
  const today = chinaDay(now);
  const end = to ?? today;
  const start = from ?? quarterOf(end).from;
  for (const day of [start, end]) if (!isIsoDay(day)) throw new RangeError(`${day} is not a real day written YYYY-MM-DD`);
  if (start > end) throw new RangeError('the period must not end before it starts');
  return { from: start, to: end };
}

/**
 * A period that ends on `to` (today, China time, without one) and starts on `from`, or a year before
 * its end: the default look back at past inspections, long enough that each colour holds some.
 */
export function resolveYearPeriod(from: string | undefined, to: string | undefined, now: Date): AuditPeriod {
  const end = to ?? chinaDay(now);
  if (from !== undefined || !isIsoDay(end)) return resolvePeriod(from, end, now);
  const start = new Date(Date.parse(`${end}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  return { from: start, to: end };
}
