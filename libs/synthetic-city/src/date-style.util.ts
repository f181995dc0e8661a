import type { Prng } from '@tianping/common';
import { DATE_STYLES, formatCivil, formatDay, type DateStyle } from './calendar.util';
import { cumulative, pickWeighted } from './sampling.util';

const STYLE_CUMULATIVE = cumulative([0.55, 0.2, 0.13, 0.12]);

/** Platform A spells a date any of four ways; ISO is the most common. */
export function anyDateStyle(prng: Prng): DateStyle {
  return DATE_STYLES[pickWeighted(STYLE_CUMULATIVE, prng.next())];
}

export function formatAnyStyle(day: number, prng: Prng): string {
  return formatDay(day, anyDateStyle(prng));
}

/** A date that no calendar has (month 13, 30 February, 31 April), in a random spelling. */
export function impossibleDate(prng: Prng): string {
  const year = prng.int(2010, 2025);
  const [month, day] = prng.pick([
    [13, 5],
    [2, 30],
    [4, 31],
    [0, 12],
    [6, 31],
    [11, 0],
  ] as const);
  return formatCivil(year, month, day, anyDateStyle(prng));
}

/** Decades ahead, so that it is in the future whatever clock the reader uses. */
export function futureDate(prng: Prng): string {
  return formatCivil(prng.int(2088, 2099), prng.int(1, 12), prng.int(1, 28), anyDateStyle(prng));
}

export function brokenDateTime(prng: Prng): string {
  return prng.pick(['not a date', '2024-05-06 25:61:00', '2023-02-30 10:00:00', '昨天下午', '2024/13/01 08:00:00']);
}
