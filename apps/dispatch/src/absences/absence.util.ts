import { isIsoDay } from '@tianping/common';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';

/** What an absence is, never why: a reason such as sick leave is health data. */
export const ABSENCE_KINDS = ['leave', 'training', 'secondment', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** The longest absence one entry may hold: a longer one is a change of the register, not an absence. */
export const MAX_ABSENCE_DAYS = 366;

export interface AbsenceDays {
  officerId: string;
  from: string;
  to: string;
}

/** Why a range of days cannot be an absence, or null when it can. */
export function absenceRangeProblem(from: string, to: string, maxDays = MAX_ABSENCE_DAYS): string | null {
  if (!isIsoDay(from) || !isIsoDay(to)) return 'from and to must be real days written YYYY-MM-DD';
  if (from > to) return `the absence must not end (${to}) before it starts (${from})`;
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days > maxDays) return `an absence spans at most ${maxDays} days (this one ${days}): enter it in parts or change the officer's status`;
  return null;
}

/** How the record names one absence: the officer and its days. */
export function absenceKey(a: AbsenceDays): string {
  return `${a.officerId}/${a.from}/${a.to}`;
}

/** Each officer's absent days within a window, in order: what the draw and a replacement read. */
export function absentDatesIn(absences: readonly AbsenceDays[], window: { start: string; end: string }): Map<string, string[]> {
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  const days = new Map<string, Set<string>>();
  for (const a of absences) {
    const set = days.get(a.officerId) ?? new Set<string>();
    for (let d = Math.max(first, dayNumber(a.from)); d <= Math.min(last, dayNumber(a.to)); d++) set.add(isoFromDayNumber(d));
    if (set.size > 0) days.set(a.officerId, set);
  }
  return new Map([...days].map(([id, set]) => [id, [...set].sort()]));
}
