import { bootstrapInterval } from './bootstrap.util';
import { auc, budgetCapture, chicagoDaysEarlier, dateOrder, ece, firstHalfShare, riskOrder } from './metrics.util';

export interface TestWindowInput {
  /** Ranking score (higher = riskier), e.g. the logit. */
  score: Float64Array;
  probability: Float64Array;
  labels: Uint8Array;
  days: Int32Array;
  /** The generated city's true probabilities, when known. */
  truth: Float64Array | null;
  /** Seeds the bootstrap, so a backtest's intervals are reproducible. */
  seed: number;
}

export interface CaptureFigures {
  share: number;
  random: number;
  hitRate: number;
  randomHitRate: number;
}

/** What a backtest reports about its test window. */
export interface TestWindowMetrics {
  testRows: number;
  testPositiveRate: number;
  auc: number;
  /** 95 % bootstrap interval over the test inspections: how far another window like this one could put the figure. */
  aucInterval: [number, number];
  ece: number;
  capture10: CaptureFigures;
  capture20: CaptureFigures;
  daysEarlier: number;
  daysEarlierInterval: [number, number];
  firstHalfShare: number;
  baselineFirstHalfShare: number;
  /** AUC of the generated city's true probabilities; a model above it would betray leakage. */
  truthAuc: number | null;
  /** Why the ranking figures are empty (null in JSON), when the window holds one outcome only. */
  note?: string;
}

/** Resamples per interval: 1,000, fewer past 100,000 test rows (each costs a pass over them), never under 200. */
function repsFor(rows: number): number {
  return Math.min(1000, Math.max(200, Math.floor(1e8 / Math.max(rows, 1))));
}

/** Every figure a backtest reports about its test window, AUC and days earlier with their intervals. */
export function testWindowMetrics(input: TestWindowInput): TestWindowMetrics {
  const { score, probability, labels, days, truth } = input;
  const n = labels.length;
  const capture = (budget: number): CaptureFigures => {
    const c = budgetCapture(score, labels, budget);
    return { share: c.share, random: c.random, hitRate: c.hitRate, randomHitRate: c.randomHitRate };
  };
  const half = firstHalfShare(score, labels, days);
  const reps = repsFor(n);
  const byRisk = riskOrder(score, days);
  const ascending = [...byRisk].reverse();
  const byDate = dateOrder(days);
  const positives = labels.reduce((s, y) => s + y, 0);
  return {
    testRows: n,
    testPositiveRate: positives / Math.max(n, 1),
    auc: auc(score, labels),
    aucInterval: bootstrapInterval(n, (counts) => countedAuc(ascending, score, labels, counts), { reps, seed: input.seed }),
    ece: ece(probability, labels),
    capture10: capture(0.1),
    capture20: capture(0.2),
    daysEarlier: chicagoDaysEarlier(score, labels, days),
    daysEarlierInterval: bootstrapInterval(n, (counts) => countedDaysEarlier(byRisk, byDate, labels, days, counts), { reps, seed: input.seed + 1 }),
    firstHalfShare: half.riskOrdered,
    baselineFirstHalfShare: half.baseline,
    truthAuc: truth && !truth.some(Number.isNaN) ? auc(truth, labels) : null,
    ...oneOutcomeNote(n, positives),
  };
}

/** A window of one outcome has nothing to rank: its AUC, capture, days earlier and first-half share are empty, and this says why. */
function oneOutcomeNote(n: number, positives: number): { note?: string } {
  if (positives > 0 && positives < n) return {};
  const which = positives === 0 ? 'none of them found a violation' : 'every one found a violation';
  return {
    note: `the test window holds ${n} inspections and ${which}: AUC, capture, days earlier and first-half share need both outcomes, so they are empty; test on a longer window`,
  };
}

/**
 * AUC of a resample given as counts per row, from rows sorted by score ascending (ties adjacent):
 * the share of positive–negative pairs ranked right, ties counting one half, as `auc` does.
 */
export function countedAuc(ascending: number[], score: ArrayLike<number>, labels: ArrayLike<number>, counts: Int32Array): number {
  let below = 0;
  let pairs = 0;
  let positives = 0;
  for (let start = 0; start < ascending.length;) {
    let end = start;
    let p = 0;
    let q = 0;
    while (end < ascending.length && score[ascending[end]] === score[ascending[start]]) {
      const i = ascending[end++];
      if (labels[i] > 0) p += counts[i];
      else q += counts[i];
    }
    pairs += p * (below + q / 2);
    below += q;
    positives += p;
    start = end;
  }
  return positives > 0 && below > 0 ? pairs / (positives * below) : NaN;
}

/**
 * Chicago's days earlier of a resample given as counts per row: the drawn inspections' dates, in
 * date order, re-assigned to them in risk order, as `chicagoDaysEarlier` does with every row once.
 */
export function countedDaysEarlier(byRisk: number[], byDate: number[], labels: ArrayLike<number>, days: ArrayLike<number>, counts: Int32Array): number {
  let next = 0;
  let left = 0;
  let total = 0;
  let positives = 0;
  for (const i of byRisk) {
    for (let copy = 0; copy < counts[i]; copy++) {
      while (left === 0) left = counts[byDate[next++]];
      const assigned = days[byDate[next - 1]];
      left--;
      if (labels[i] > 0) {
        total += days[i] - assigned;
        positives++;
      }
    }
  }
  return positives > 0 ? total / positives : NaN;
}
