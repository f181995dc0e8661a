/** Dates and datetimes as the two platforms write them. All failures are codes, never exceptions. */

export type DateFailure = 'format' | 'invalid_date';
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: DateFailure };

const CST_OFFSET_MS = 8 * 3600_000;

// 2021-03-05, 2021/3/5, 2021年3月5日 (month/day with or without a leading zero), 20210305.
const SEPARATED_DATE = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const CST_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T]+(\d{2}):(\d{2}):(\d{2})$/;
// ISO 8601 extended (2024-03-01T09:15:00+08:00) or basic (20240301T091500+0800) format, the fraction
// after a full stop or a comma (ISO prefers the comma), T and Z in either case as RFC 3339 allows, and
// RFC 3339's space for the T (the contract says ISO-8601, which some senders read as RFC 3339's profile).
const ISO_OFFSET_DATETIME = /^(\d{4})-?(\d{2})-?(\d{2})[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** A contract date in any of the four accepted spellings, as `YYYY-MM-DD`. */
export function parseContractDate(text: string): Parsed<string> {
  const s = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const compact = COMPACT_DATE.exec(s);
  if (compact) {
    [year, month, day] = [+compact[1], +compact[2], +compact[3]];
  } else {
    const m = SEPARATED_DATE.exec(s);
    if (!m) return { ok: false, code: 'format' };
    year = +m[1];
    month = +(m[2] ?? m[4] ?? m[6]);
    day = +(m[3] ?? m[5] ?? m[7]);
  }
  if (!isRealDay(year, month, day)) return { ok: false, code: 'invalid_date' };
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** `YYYY-MM-DD HH:mm:ss` in China Standard Time (UTC+8, no daylight saving). */
export function parseCstDateTime(text: string): Parsed<Date> {
  const m = CST_DATETIME.exec(text.trim());
  if (!m) return { ok: false, code: 'format' };
  const [year, month, day, hour, minute, second] = [+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, code: 'invalid_date' };
  }
  return { ok: true, value: new Date(Date.UTC(year, month - 1, day, hour, minute, second) - CST_OFFSET_MS) };
}

/** ISO-8601 with an explicit offset (`Z` or `±HH:MM`); a datetime without one is ambiguous and refused. */
export function parseIsoOffsetDateTime(text: string): Parsed<Date> {
  const m = ISO_OFFSET_DATETIME.exec(text.trim());
  if (!m) return { ok: false, code: 'format' };
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : +m[6];
  const millis = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, code: 'invalid_date' };
  }
  const offset = parseOffsetMinutes(m[8]);
  if (offset === null) return { ok: false, code: 'invalid_date' };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  return { ok: true, value: new Date(utc) };
}

function parseOffsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = +digits.slice(0, 2);
  const minutes = digits.length > 2 ? +digits.slice(2, 4) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Today's date in China Standard Time, `YYYY-MM-DD`: the platforms' notion of 'today'. */
export function cstDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + CST_OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}`;
}
