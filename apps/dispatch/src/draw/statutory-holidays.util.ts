import type { PlanningWindow } from '@tianping/planner';

/**
 * The public holidays whose solar dates the law fixes (《全国年节及纪念日放假办法》, as revised in 2024): New Year's
 * Day, Labour Day (two days) and National Day (three days). The others (Spring Festival, Qingming, Dragon Boat,
 * Mid-Autumn) move with the lunar calendar or the solar terms, and the make-up working days (调休) are announced
 * each year by the State Council, so only a calendar the bureau enters knows them.
 */
const FIXED_DAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

/** The years a window touches, ascending. */
export function yearsOf(window: PlanningWindow): number[] {
  const first = Number(window.start.slice(0, 4));
  const last = Number(window.end.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The fixed-date public holidays of `years` that fall inside the window, ascending. */
export function fixedHolidaysIn(window: PlanningWindow, years: number[]): string[] {
  return years
    .flatMap((year) => FIXED_DAYS.map((day) => `${year}-${day}`))
    .filter((date) => date >= window.start && date <= window.end)
    .sort();
}
