/** Small-group disclosure control for what is published: the threshold rule with complementary suppression. */
import { numberSetting } from '@tianping/common';

/**
 * Why a published figure is withheld: `under-k` it counts fewer than k enterprises (or inspections);
 * `complement` it is large enough, but withheld too so that an `under-k` figure cannot be worked out
 * by subtracting the published ones from the published total.
 */
export type Withheld = 'under-k' | 'complement';

/**
 * The default k: counts from 1 to 9 are not published, as in public-health small-numbers rules
 * ("suppress all non-zero counts less than ten", with secondary suppression against subtraction).
 * Business statistics often stop at 3 or 5 (the threshold rule of the OECD glossary of statistical
 * disclosure control), but there the attribute is a turnover; here it is a red flag or a violation
 * found, and a district or industry names its enterprises to anyone with the business register.
 */
export const DEFAULT_PUBLIC_MIN_GROUP = 10;

/** TIANPING_PUBLIC_MIN_GROUP: the smallest number of enterprises or inspections a published figure may count. */
export function publicMinGroup(env: NodeJS.ProcessEnv = process.env): number {
  return numberSetting(env, 'TIANPING_PUBLIC_MIN_GROUP', {
    fallback: DEFAULT_PUBLIC_MIN_GROUP,
    min: 2,
    max: 1000,
    integer: true,
    takes: 'a whole number from 2 to 1000',
  });
}

/** One row of a table whose rows add up to a published total: `size` is what the row counts. */
export interface TableRow {
  key: string;
  size: number;
}

/**
 * The rows of one table to withhold. Primary: every row counting 1 to k−1, and those in `seed`
 * (already withheld for another reason, kept with theirs). Complementary: while the withheld rows
 * together count fewer than k, the smallest published row that counts anything joins them; and a
 * withheld row never stays alone (the total less the published rows would be exactly it), so the
 * smallest published row joins it, even one that counts nothing. Ties go by key: the result is a
 * pure function of the table. The published rows and the total then give away only the withheld
 * rows' sum, which counts k or more — unless the total itself does not, and its own threshold
 * withholds it.
 */
export function withheldRows(rows: readonly TableRow[], k: number, seed: ReadonlyMap<string, Withheld> = new Map()): Map<string, Withheld> {
  const withheld = new Map<string, Withheld>();
  for (const row of rows) {
    const reason = seed.get(row.key) ?? (row.size > 0 && row.size < k ? 'under-k' : undefined);
    if (reason) withheld.set(row.key, reason);
  }
  if (withheld.size === 0) return withheld;
  let sum = rows.reduce((s, row) => s + (withheld.has(row.key) ? row.size : 0), 0);
  const smallestFirst = rows.filter((row) => !withheld.has(row.key)).sort((a, b) => a.size - b.size || a.key.localeCompare(b.key));
  for (;;) {
    const next = sum < k ? smallestFirst.find((row) => row.size > 0) : withheld.size < 2 ? smallestFirst[0] : undefined;
    if (!next) return withheld;
    smallestFirst.splice(smallestFirst.indexOf(next), 1);
    withheld.set(next.key, 'complement');
    sum += next.size;
  }
}

/** A total is published unless it counts 1 to k−1 itself. */
export function withheldTotal(size: number, k: number): Withheld | null {
  return size > 0 && size < k ? 'under-k' : null;
}
