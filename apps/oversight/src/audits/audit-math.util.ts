/** Statistics of the algorithm audits: plain functions, no I/O. Every figure the audits publish comes from here. */
import { auc } from '@tianping/risk-model';

/** The normal quantile of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** A share with its count, denominator and 95 % Wilson interval; rate and interval are null when nothing was counted. */
export interface Proportion {
  count: number;
  total: number;
  rate: number | null;
  interval: Interval | null;
}

/**
 * The Wilson score interval (Wilson 1927): unlike the normal approximation it stays inside [0, 1]
 * and keeps its coverage for small groups and rates near 0 or 1 — the common case in an audit.
 */
export function wilsonInterval(count: number, total: number, z = Z95): Interval | null {
  if (total <= 0) return null;
  const p = count / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  // At 0 of n (n of n) the bound is exactly 0 (1); rounding would leave a hair's breadth.
  return { low: count === 0 ? 0 : Math.max(0, centre - half), high: count === total ? 1 : Math.min(1, centre + half) };
}

export function proportion(count: number, total: number): Proportion {
  return { count, total, rate: total > 0 ? count / total : null, interval: wilsonInterval(count, total) };
}

/**
 * 95 % interval of the difference p1 − p2 of two independent shares, from their Wilson intervals
 * (Newcombe 1998, method 10): well behaved for small groups, where the Wald interval is not.
 */
export function newcombeDifference(a: Proportion, b: Proportion): Interval | null {
  if (a.rate === null || b.rate === null || !a.interval || !b.interval) return null;
  const d = a.rate - b.rate;
  const lower = Math.sqrt((a.rate - a.interval.low) ** 2 + (b.interval.high - b.rate) ** 2);
  const upper = Math.sqrt((a.interval.high - a.rate) ** 2 + (b.rate - b.interval.low) ** 2);
  return { low: d - lower, high: d + upper };
}

/** Smallest share given to an empty bin, so that an empty bin on one side does not make the PSI infinite. */
export const PSI_FLOOR = 1e-4;

/**
 * Population stability index: Σ (a − e)·ln(a / e) over bins, shares floored at PSI_FLOOR.
 * Bins are matched by name; a bin on one side only counts as empty on the other.
 */
export function populationStabilityIndex(expected: ReadonlyMap<string, number>, actual: ReadonlyMap<string, number>): number | null {
  const expectedTotal = sum(expected.values());
  const actualTotal = sum(actual.values());
  if (expectedTotal <= 0 || actualTotal <= 0) return null;
  let psi = 0;
  for (const bin of new Set([...expected.keys(), ...actual.keys()])) {
    const e = Math.max((expected.get(bin) ?? 0) / expectedTotal, PSI_FLOOR);
    const a = Math.max((actual.get(bin) ?? 0) / actualTotal, PSI_FLOOR);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

export type StabilityVerdict = 'stable' | 'moderate-shift' | 'significant-shift';

/** The customary reading of a PSI: below 0.1 stable, up to 0.25 a moderate shift, above that significant. */
export function stabilityVerdict(psi: number): StabilityVerdict {
  if (psi < 0.1) return 'stable';
  if (psi < 0.25) return 'moderate-shift';
  return 'significant-shift';
}

export interface AucEstimate {
  value: number;
  /** 95 % interval from the Hanley–McNeil (1982) standard error (at a perfect ranking, half a pair inside it); clipped to [0, 1]. */
  interval: Interval;
}

/** Area under the ROC curve (ties count one half) with its interval; null without both outcomes. */
export function aucWithInterval(scores: ArrayLike<number>, labels: ArrayLike<number>): AucEstimate | null {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] > 0) positives++;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const a = auc(scores, labels);
  // Hanley–McNeil's variance is 0 at a perfect (or perfectly wrong) ranking, which on a few
  // inspections would read as certainty ([1, 1] from two): there it is taken half a pair inside.
  const half = 0.5 / (positives * negatives);
  const v = Math.min(Math.max(a, half), 1 - half);
  const q1 = v / (2 - v);
  const q2 = (2 * v * v) / (1 + v);
  const variance = (v * (1 - v) + (positives - 1) * (q1 - v * v) + (negatives - 1) * (q2 - v * v)) / (positives * negatives);
  const se = Math.sqrt(Math.max(variance, 0));
  return { value: a, interval: { low: Math.max(0, a - Z95 * se), high: Math.min(1, a + Z95 * se) } };
}

/** Fewest inspections of each outcome (violation found, none found) an AUC is read on. */
export const AUC_MIN_EACH = 10;
/** Widest 95 % interval an AUC is read with: wider, it cannot tell a coin toss (0.5) from a good ranking (0.75). */
export const AUC_MAX_WIDTH = 0.5;

/** Whether an AUC is a measurement or noise: `measured` false says why (too few of an outcome, or too wide an interval). */
export interface AucReading {
  measured: boolean;
  reason: 'too-few' | 'too-wide' | null;
  violations: number;
  clean: number;
  minEach: number;
  maxWidth: number;
}

export function aucReading(estimate: AucEstimate | null, labels: ArrayLike<number>): AucReading {
  let violations = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] > 0) violations++;
  const clean = labels.length - violations;
  const base = { violations, clean, minEach: AUC_MIN_EACH, maxWidth: AUC_MAX_WIDTH };
  if (!estimate || Math.min(violations, clean) < AUC_MIN_EACH) return { measured: false, reason: 'too-few', ...base };
  if (estimate.interval.high - estimate.interval.low > AUC_MAX_WIDTH) return { measured: false, reason: 'too-wide', ...base };
  return { measured: true, reason: null, ...base };
}

export interface CalibrationBin {
  /** [from, to) of predicted probability; the last bin includes 1. */
  from: number;
  to: number;
  n: number;
  meanPredicted: number | null;
  observed: Proportion;
}

/** Predicted against observed in equal-width probability bins, each observed share with its Wilson interval. */
export function calibrationBins(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const positives = new Array<number>(bins).fill(0);
  for (let i = 0; i < probabilities.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(probabilities[i] * bins)));
    count[b]++;
    sumP[b] += probabilities[i];
    positives[b] += labels[i] > 0 ? 1 : 0;
  }
  return count.map((n, b) => ({
    from: round(b / bins),
    to: round((b + 1) / bins),
    n,
    meanPredicted: n > 0 ? sumP[b] / n : null,
    observed: proportion(positives[b], n),
  }));
}

/** Expected calibration error: the bin-size-weighted mean of |observed − predicted|. */
export function expectedCalibrationError(bins: CalibrationBin[]): number | null {
  const total = bins.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  return bins.reduce((s, b) => s + (b.n > 0 ? b.n * Math.abs((b.observed.rate ?? 0) - (b.meanPredicted ?? 0)) : 0), 0) / total;
}

/** Mean squared error of the probabilities against 0/1 outcomes. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  if (probabilities.length === 0) return null;
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) total += (probabilities[i] - (labels[i] > 0 ? 1 : 0)) ** 2;
  return total / probabilities.length;
}

/** Mean negative log-likelihood, probabilities clipped away from 0 and 1. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  if (probabilities.length === 0) return null;
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
    total -= labels[i] > 0 ? Math.log(p) : Math.log(1 - p);
  }
  return total / probabilities.length;
}

export interface GroupValue {
  group: string;
  value: number;
  /** The count and denominator behind a share (absent for a plain number). */
  count?: number;
  total?: number;
}

/** The four-fifths rule: a group selected at under 0.8 of the highest group's rate fails it. */
export const FOUR_FIFTHS = 0.8;

/**
 * What the audit makes of a gap, the one reading every page follows: `act` only when the gap is real
 * (its 95 % interval excludes 0) and the ratio is under four fifths; `watch` when real but within
 * four fifths; `not-significant` when the interval includes 0 (too few cases to judge: a ratio of 0
 * from a handful is no evidence); `not-compared` with fewer than two groups big enough, or none above 0;
 * `untested` for a plain number, which has no interval.
 */
export type GapFinding = 'act' | 'watch' | 'not-significant' | 'not-compared' | 'untested';

export interface Gap {
  metric: string;
  /** Groups with enough observations to be compared. */
  groupsCompared: number;
  highest: GroupValue | null;
  lowest: GroupValue | null;
  /** highest − lowest. */
  difference: number | null;
  /** 95 % interval of the difference (Newcombe) when the metric is a share; null otherwise. */
  interval: Interval | null;
  /** lowest / highest: under 0.8 fails the customary four-fifths rule for selection rates. */
  ratio: number | null;
  finding: GapFinding;
}

/** The audit's reading of a share gap (see GapFinding). */
export function gapFinding(interval: Interval | null, ratio: number | null, highest: number | null): GapFinding {
  if (highest === null || highest === 0 || !interval) return 'not-compared';
  if (interval.low <= 0) return 'not-significant';
  return ratio !== null && ratio < FOUR_FIFTHS ? 'act' : 'watch';
}

/** The widest gap of a share between groups that have at least `minTotal` observations. */
export function proportionGap(metric: string, groups: { group: string; value: Proportion }[], minTotal: number): Gap {
  const eligible = groups.filter((g) => g.value.total >= minTotal && g.value.rate !== null);
  if (eligible.length < 2) return emptyGap(metric, eligible.length);
  const sorted = [...eligible].sort((a, b) => (b.value.rate as number) - (a.value.rate as number) || a.group.localeCompare(b.group));
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  const highRate = high.value.rate as number;
  const lowRate = low.value.rate as number;
  const interval = newcombeDifference(high.value, low.value);
  const ratio = highRate > 0 ? lowRate / highRate : null;
  return {
    metric,
    groupsCompared: eligible.length,
    highest: { group: high.group, value: highRate, count: high.value.count, total: high.value.total },
    lowest: { group: low.group, value: lowRate, count: low.value.count, total: low.value.total },
    difference: highRate - lowRate,
    interval,
    ratio,
    finding: gapFinding(interval, ratio, highRate),
  };
}

/** The widest gap of a plain number between eligible groups (no interval, no ratio: it may be negative). */
export function valueGap(metric: string, groups: { group: string; value: number | null; total: number }[], minTotal: number): Gap {
  const eligible = groups.filter((g): g is { group: string; value: number; total: number } => g.total >= minTotal && g.value !== null);
  if (eligible.length < 2) return emptyGap(metric, eligible.length);
  const sorted = [...eligible].sort((a, b) => b.value - a.value || a.group.localeCompare(b.group));
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  return {
    metric,
    groupsCompared: eligible.length,
    highest: { group: high.group, value: high.value },
    lowest: { group: low.group, value: low.value },
    difference: high.value - low.value,
    interval: null,
    ratio: null,
    finding: 'untested',
  };
}

function emptyGap(metric: string, groupsCompared: number): Gap {
  return { metric, groupsCompared, highest: null, lowest: null, difference: null, interval: null, ratio: null, finding: 'not-compared' };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
