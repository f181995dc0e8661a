/** The groups the fairness audit compares enterprises across, and how each enterprise is placed in one. */

export type Dimension = 'industry' | 'district' | 'size' | 'age';

export const DIMENSIONS: readonly { dimension: Dimension; label: { zh: string; en: string } }[] = [
  { dimension: 'industry', label: { zh: '行业门类', en: 'industry section (GB/T 4754)' } },
  { dimension: 'district', label: { zh: '所在区县', en: 'district' } },
  { dimension: 'size', label: { zh: '规模（用工人数）', en: 'size band (employees)' } },
  { dimension: 'age', label: { zh: '存续年限', en: 'age band (years since establishment)' } },
];

export const UNKNOWN_GROUP = 'unknown';

/** A band is [lower, next band's lower); thresholds are the lower bounds after the first band. */
interface Bands {
  thresholds: number[];
  labels: string[];
}

/** Employees: micro, small, medium, large — one scale across industries, so groups stay comparable. */
export const SIZE_BANDS: Bands = { thresholds: [10, 100, 1000], labels: ['0-9', '10-99', '100-999', '1000+'] };

/** Years since establishment, as of the end of the audited period. */
export const AGE_BANDS: Bands = { thresholds: [1, 3, 5, 10], labels: ['<1y', '1-3y', '3-5y', '5-10y', '10y+'] };

/**
 * The band label of a PostgreSQL `width_bucket(value, thresholds)` result: 0 is below the first
 * threshold, i is at or above the i-th; null (value unknown) is its own group.
 */
export function bandLabel(bands: Bands, bucket: number | null): string {
  if (bucket === null || bucket === undefined) return UNKNOWN_GROUP;
  return bands.labels[Math.min(Math.max(bucket, 0), bands.labels.length - 1)];
}

/** The sort order of groups in a dimension: bands in their own order, others alphabetically, unknown last. */
export function groupOrder(dimension: Dimension): (a: string, b: string) => number {
  const bands = dimension === 'size' ? SIZE_BANDS.labels : dimension === 'age' ? AGE_BANDS.labels : null;
  const rank = (g: string) => (g === UNKNOWN_GROUP ? Number.MAX_SAFE_INTEGER : bands ? bands.indexOf(g) : 0);
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}
