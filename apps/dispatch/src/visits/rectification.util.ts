import { dayNumber, isoFromDayNumber } from '@tianping/planner';
import { REINSPECTION_DAYS_AFTER_DEADLINE } from '../draw/follow-up-orders.util';

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

/** The deadline in force: the one recorded (or last extended to), else, for results recorded before deadlines were, the visit's day + the policy's days. */
export function currentDeadline(visit: { date: string; rectifyBy: string | null }, defaultDays: number): string {
  return visit.rectifyBy ?? isoFromDayNumber(dayNumber(visit.date) + defaultDays);
}

/** The first day a re-inspection may be after `deadline`, as SQL's `reinspectionFrom`: the enterprise keeps the deadline day. */
export function firstReinspectionDay(deadline: string): string {
  return isoFromDayNumber(dayNumber(deadline) + REINSPECTION_DAYS_AFTER_DEADLINE);
}

/** The last day a deadline may be moved to: 180 days after the visit, as when it was first set. */
export function latestDeadline(visitDate: string): string {
  return isoFromDayNumber(dayNumber(visitDate) + MAX_RECTIFICATION_DAYS);
}

/**
 * Why a deadline cannot be extended (延期整改) from `current` to `to`, or null when it can: the new day
 * must come after the current deadline and at most 180 days after the visit.
 */
export function extensionRefusal(visitDate: string, current: string, to: string): { code: 'not_later' | 'beyond_cap'; message: string } | null {
  if (to <= current) return { code: 'not_later', message: `rectifyBy ${to} must come after the current deadline ${current}` };
  const latest = latestDeadline(visitDate);
  if (to > latest)
    return {
      code: 'beyond_cap',
      message: `rectifyBy ${to} is more than ${MAX_RECTIFICATION_DAYS} days after the visit's day ${visitDate} (at most ${latest})`,
    };
  return null;
}
