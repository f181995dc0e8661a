import { Prng } from '@tianping/common';

export interface BootstrapOptions {
  /** Resamples drawn (default 1000). */
  reps?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
  seed: number;
}

/**
 * A percentile bootstrap interval of a statistic over n rows: the rows are drawn again with
 * replacement `reps` times and the statistic recomputed on each draw, given as how many times each
 * row was drawn. Reproducible from the seed. How much a figure measured on one test window could
 * move on another window like it: a difference inside it is not evidence of a better model.
 * Where the statistic is undefined on more than 1 − level of the resamples (an AUC on a few rows,
 * many of whose resamples hold one outcome only), no interval is given ([NaN, NaN]): the percentiles
 * of the defined ones alone would claim a certainty the window does not have (two rows give [1, 1]).
 */
export function bootstrapInterval(n: number, statistic: (counts: Int32Array) => number, options: BootstrapOptions): [number, number] {
  const reps = options.reps ?? 1000;
  const level = options.level ?? 0.95;
  const prng = new Prng(options.seed).fork('bootstrap');
  const values: number[] = [];
  const counts = new Int32Array(n);
  for (let r = 0; r < reps; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(prng.next() * n)]++;
    const value = statistic(counts);
    if (Number.isFinite(value)) values.push(value);
  }
  if (values.length === 0 || reps - values.length > (1 - level) * reps) return [NaN, NaN];
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}
