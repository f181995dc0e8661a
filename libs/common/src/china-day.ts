/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar day (YYYY-MM-DD) in China at an instant, by default now: the calendar every as-of
 * date, visit date and audit period is on, whatever the server's own time zone.
 */
export function chinaDay(at: Date | number = Date.now()): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
