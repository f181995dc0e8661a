// Calendar days as the API writes them (YYYY-MM-DD), counted in whole days whatever the browser's time zone.

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A day in China time (UTC+8), offset by whole days from today. */
export function isoDay(offsetDays) {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
