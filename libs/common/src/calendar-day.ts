/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar day (YYYY-MM-DD) in China at an instant, by default now: the calendar every as-of
 * date, visit date and audit period is on, whatever the server's own time zone.
 */
export function chinaDay(at: Date | number = Date.now()): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a text is a day that exists, written YYYY-MM-DD (not 2026-02-30, not 2026-13-01). */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}
