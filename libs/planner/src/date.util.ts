import { PlanningWindow, WorkCalendar } from './planner.model';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date; arithmetic on day numbers avoids time zones entirely. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Number of days in the window, both ends included. */
export function windowLength(window: PlanningWindow): number {
  return dayNumber(window.end) - dayNumber(window.start) + 1;
}

/** The first day that still counts as "within the past 12 months" of a date (same date a year earlier). */
export function yearBefore(iso: string): string {
  const date = new Date(dayNumber(iso) * DAY_MS);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/** Working days inside the window, ascending. */
export function workingDaysIn(window: PlanningWindow, calendar: WorkCalendar): string[] {
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  if (calendar.workingDays) {
    return [...new Set(calendar.workingDays)].filter((d) => dayNumber(d) >= first && dayNumber(d) <= last).sort();
  }
  const holidays = new Set(calendar.holidays ?? []);
  const makeUp = new Set(calendar.makeUpWorkdays ?? []);
  const days: string[] = [];
  for (let n = first; n <= last; n++) {
    const iso = isoFromDayNumber(n);
    const weekday = new Date(n * DAY_MS).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (makeUp.has(iso) || (!weekend && !holidays.has(iso))) days.push(iso);
  }
  return days;
}
