// What a day's route is said to be, in the same words wherever it is shown (a visit's page, my route, a
// plan's routes): how many stops, and which of them have no coordinates to be drawn at.
import { fmtNumber, plural, t } from '../i18n.js';

/** "当天路线只有这一站" or "共 3 站": the length of a route of `n` stops. */
export function routeLength(n) {
  return n === 1 ? t('visit.routeAlone') : t('route.stops', { n: fmtNumber(n) });
}

/**
 * The stops of a route of `total` that are not drawn, by their numbers on it (1-based, as the sketch numbers
 * them); null when every stop is drawn. A route of one stop speaks of "this stop", not of "another".
 */
export function unlocatedNote(numbers, total) {
  if (numbers.length === 0) return null;
  if (total === 1) return t('route.aloneUnlocated');
  return plural('route.unlocatedStops', numbers.length, { stops: numbers.join(t('common.listSep')) });
}
