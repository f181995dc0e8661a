import { dayNumber, isoFromDayNumber } from '@tianping/planner';

/** The longest rectification deadline (整改期限) a visit's results may set, in days after the visit. */
export const MAX_RECTIFICATION_DAYS = 180;
export const RECTIFY = '责令整改';

/**
 * The deadline a visit's results set, or null when no item orders rectification. Given, it must come
 * after the visit's day and at most 180 days later; omitted, it is the visit's day + the policy's days.
 * Returns the problem in words instead when the deadline given cannot stand.
 */
export function rectificationDeadline(
  visitDate: string,
  results: readonly { result: string }[],
  given: string | undefined,
  defaultDays: number,
): { rectifyBy: string | null } | { problem: string } {
  if (!results.some((r) => r.result === RECTIFY)) {
    return given ? { problem: `rectifyBy is for results ordering rectification (${RECTIFY}); no item does` } : { rectifyBy: null };
  }
  const visitDay = dayNumber(visitDate);
  if (!given) return { rectifyBy: isoFromDayNumber(visitDay + Math.min(defaultDays, MAX_RECTIFICATION_DAYS)) };
  const days = dayNumber(given) - visitDay;
  if (days < 1) return { problem: `rectifyBy ${given} must come after the visit's day ${visitDate}` };
  if (days > MAX_RECTIFICATION_DAYS) return { problem: `rectifyBy ${given} is more than ${MAX_RECTIFICATION_DAYS} days after the visit's day ${visitDate}` };
  return { rectifyBy: given };
}
