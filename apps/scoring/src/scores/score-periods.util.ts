import type { Colour } from '@tianping/contracts';
import type { FactorValue } from '@tianping/risk-model';

/** One stored score as the history reads it: its factors named, oldest first. */
export interface HistoryScore {
  scoreId: string;
  asOf: string;
  probability: number;
  colour: Colour;
  modelVersion: string;
  colourPolicyVersion: string;
  factors: { factor: string; value: FactorValue; contribution: number }[];
}

/** A factor whose part in the score moved from one period to the next. */
export interface FactorChange {
  factor: string;
  from: FactorValue | undefined;
  to: FactorValue | undefined;
  /** On the log-odds scale: above 0 raised the risk. */
  contributionChange: number;
}

/**
 * A stretch of days over which an enterprise's score stayed the same: same model, same colour policy,
 * every factor contributing the same (a day older within a bin is no change), so the same probability.
 */
export interface ScorePeriod {
  /** The latest score of the stretch. */
  scoreId: string;
  from: string;
  to: string;
  scores: number;
  probability: number;
  colour: Colour;
  modelVersion: string;
  colourPolicyVersion: string;
  /** What differs from the stretch before; null for the first one read. */
  change: { model: boolean; colourPolicy: boolean; factors: FactorChange[] } | null;
}

const SAME = 1e-9;

/** What moved between two scores, factor by factor (by name, so across models too), largest effect first. */
function changeBetween(before: HistoryScore, after: HistoryScore): NonNullable<ScorePeriod['change']> {
  const earlier = new Map(before.factors.map((f) => [f.factor, f]));
  const names = [...new Set([...before.factors.map((f) => f.factor), ...after.factors.map((f) => f.factor)])];
  const later = new Map(after.factors.map((f) => [f.factor, f]));
  const factors = names
    .map((factor) => {
      const [b, a] = [earlier.get(factor), later.get(factor)];
      return { factor, from: b?.value, to: a?.value, contributionChange: (a?.contribution ?? 0) - (b?.contribution ?? 0) };
    })
    .filter((f) => Math.abs(f.contributionChange) > SAME)
    .sort((x, y) => Math.abs(y.contributionChange) - Math.abs(x.contributionChange));
  return { model: before.modelVersion !== after.modelVersion, colourPolicy: before.colourPolicyVersion !== after.colourPolicyVersion, factors };
}

function sameScore(a: HistoryScore, b: HistoryScore): boolean {
  if (a.modelVersion !== b.modelVersion || a.colourPolicyVersion !== b.colourPolicyVersion || a.colour !== b.colour) return false;
  return (
    a.factors.length === b.factors.length &&
    a.factors.every((f, i) => f.factor === b.factors[i].factor && Math.abs(f.contribution - b.factors[i].contribution) <= SAME)
  );
}

/** Scores, oldest first, as stretches of the same score, newest first. */
export function scorePeriods(scores: readonly HistoryScore[]): ScorePeriod[] {
  const periods: { first: HistoryScore; last: HistoryScore; count: number; change: ScorePeriod['change'] }[] = [];
  for (const score of scores) {
    const open = periods[periods.length - 1];
    if (open && sameScore(open.last, score)) {
      open.last = score;
      open.count++;
    } else {
      periods.push({ first: score, last: score, count: 1, change: open ? changeBetween(open.last, score) : null });
    }
  }
  return periods.reverse().map(({ first, last, count, change }) => ({
    scoreId: last.scoreId,
    from: first.asOf,
    to: last.asOf,
    scores: count,
    probability: last.probability,
    colour: last.colour,
    modelVersion: last.modelVersion,
    colourPolicyVersion: last.colourPolicyVersion,
    change,
  }));
}
