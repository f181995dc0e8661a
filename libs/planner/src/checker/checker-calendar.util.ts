import { PlanningWindow, WorkCalendar } from '../planner.model';

/**
 * The checker's own calendar arithmetic, written apart from the planner's on purpose: a checker
 * that shared the planner's helpers would share its bugs.
 */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workingDays) return calendar.workingDays.includes(date);
  if ((calendar.makeUpWorkdays ?? []).includes(date)) return true;
  if ((calendar.holidays ?? []).includes(date)) return false;
  return !isWeekend(date);
}

/** Sakamoto's weekday rule: 0 = Sunday. */
export function isWeekend(date: string): boolean {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month < 3) year -= 1;
  const weekday = (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + offsets[month - 1] + day) % 7;
  return weekday === 0 || weekday === 6;
}

export function isInWindow(date: string, window: PlanningWindow): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= window.start && date <= window.end;
}

/** "Within the past 12 months" of a date: on or after the same calendar date a year earlier, strictly before it. */
export function isWithinPastYear(earlier: string, date: string): boolean {
  const yearAgo = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return earlier >= yearAgo && earlier < date;
}
