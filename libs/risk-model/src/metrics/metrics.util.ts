/** Evaluation measures. Scores rank (higher = riskier); labels are 0/1. */

type Numbers = ArrayLike<number>;

/** Area under the ROC curve; tied scores count one half (average ranks). */
export function auc(scores: Numbers, labels: Numbers): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k]] > 0) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Expected calibration error over equal-width probability bins, weighted by bin size. */
export function ece(probabilities: Numbers, labels: Numbers, bins = 10): number {
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < probabilities.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(probabilities[i] * bins)));
    count[b]++;
    sumP[b] += probabilities[i];
    sumY[b] += labels[i];
  }
  let total = 0;
  for (let b = 0; b < bins; b++) total += Math.abs(sumP[b] - sumY[b]);
  return probabilities.length > 0 ? total / probabilities.length : NaN;
}

export interface BudgetCapture {
  budget: number;
  inspected: number;
  /** Share of all violations found by inspecting the riskiest `budget` share. */
  share: number;
  /** Expected share under random selection of the same number. */
  random: number;
  /** Violations found per inspection, risk order vs random. */
  hitRate: number;
  randomHitRate: number;
}

/** Ties at the cut are shared fractionally, so the measure does not depend on row order. */
export function budgetCapture(scores: Numbers, labels: Numbers, budget: number): BudgetCapture {
  const n = scores.length;
  const k = Math.round(budget * n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const totalPositives = Array.from(labels).reduce((s, y) => s + (y > 0 ? 1 : 0), 0);
  let found = 0;
  let taken = 0;
  for (let start = 0; start < n && taken < k;) {
    let end = start;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    let tiePositives = 0;
    for (let j = start; j < end; j++) tiePositives += labels[order[j]] > 0 ? 1 : 0;
    const take = Math.min(end - start, k - taken);
    found += (tiePositives * take) / (end - start);
    taken += take;
    start = end;
  }
  const share = totalPositives > 0 ? found / totalPositives : NaN;
  const base = n > 0 ? totalPositives / n : NaN;
  return { budget, inspected: k, share, random: n > 0 ? k / n : NaN, hitRate: k > 0 ? found / k : NaN, randomHitRate: base };
}

/**
 * The risk order of the Chicago evaluation: riskiest first; tied scores keep their actual date order
 * (then input order), so ties earn nothing.
 */
export function riskOrder(scores: Numbers, days: Numbers): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || days[a] - days[b] || a - b);
}

/** Business as usual: the inspections in the order they were made (then input order). */
export function dateOrder(days: Numbers): number[] {
  return Array.from({ length: days.length }, (_, i) => i).sort((a, b) => days[a] - days[b] || a - b);
}

/**
 * Chicago's "days earlier": the period's actual dates, in date order, are re-assigned to the
 * inspections in risk order; the mean over positives of (actual − simulated) date, in days.
 */
export function chicagoDaysEarlier(scores: Numbers, labels: Numbers, days: Numbers): number {
  const dates = dateOrder(days).map((i) => days[i]);
  const order = riskOrder(scores, days);
  let total = 0;
  let positives = 0;
  order.forEach((i, position) => {
    if (labels[i] <= 0) return;
    total += days[i] - dates[position];
    positives++;
  });
  return positives > 0 ? total / positives : NaN;
}

export interface FirstHalfShare {
  /** Share of positives among the first half of inspections in business-as-usual (date) order. */
  baseline: number;
  /** The same in risk order. */
  riskOrdered: number;
}

/** The first half is the first floor(n/2) inspections of each order. */
export function firstHalfShare(scores: Numbers, labels: Numbers, days: Numbers): FirstHalfShare {
  const half = Math.floor(scores.length / 2);
  const share = (order: number[]) => {
    const total = order.reduce((s, i) => s + (labels[i] > 0 ? 1 : 0), 0);
    const first = order.slice(0, half).reduce((s, i) => s + (labels[i] > 0 ? 1 : 0), 0);
    return total > 0 ? first / total : NaN;
  };
  return { baseline: share(dateOrder(days)), riskOrdered: share(riskOrder(scores, days)) };
}

export function meanLogLoss(probabilities: Numbers, labels: Numbers): number {
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(Math.max(probabilities[i], 1e-12), 1 - 1e-12);
    total -= labels[i] > 0 ? Math.log(p) : Math.log(1 - p);
  }
  return total / Math.max(probabilities.length, 1);
}
