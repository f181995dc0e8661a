/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), without Date objects in the hot path:
 * a million enterprises produce tens of millions of dates.
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses `YYYY-MM-DD` strictly; throws on anything else because options are programmer input. */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`endDate must be YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayFromCivil(year, month, day);
  const back = civilFromDay(dayNumber);
  if (back.month !== month || back.day !== day) throw new Error(`endDate is not a calendar date: "${text}"`);
  return dayNumber;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** The four date spellings Platform A uses. */
export type DateStyle = 'iso' | 'slash' | 'chinese' | 'compact';
export const DATE_STYLES: readonly DateStyle[] = ['iso', 'slash', 'chinese', 'compact'];

export function formatDay(dayNumber: number, style: DateStyle = 'iso'): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return formatCivil(year, month, day, style);
}

/** Also used to spell impossible dates (month 13, 30 February) for quarantined rows. */
export function formatCivil(year: number, month: number, day: number, style: DateStyle): string {
  switch (style) {
    case 'iso':
      return `${year}-${pad2(month)}-${pad2(day)}`;
    case 'slash':
      return `${year}/${month}/${day}`;
    case 'chinese':
      return `${year}年${month}月${day}日`;
    case 'compact':
      return `${year}${pad2(month)}${pad2(day)}`;
  }
}

/** `YYYY-MM-DD HH:mm:ss`, local China Standard Time, as Platform A writes it. */
export function formatDateTime(dayNumber: number, secondOfDay: number): string {
  return `${formatDay(dayNumber)} ${clock(secondOfDay)}`;
}

/** ISO-8601 with the +08:00 offset, as Platform B writes it. */
export function formatIsoOffset(dayNumber: number, secondOfDay: number): string {
  return `${formatDay(dayNumber)}T${clock(secondOfDay)}+08:00`;
}

function clock(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** Comparable instant in seconds, so versions can be ordered without parsing text. */
export function instant(dayNumber: number, secondOfDay: number): number {
  return dayNumber * 86400 + secondOfDay;
}
