import { populationStabilityIndex, stabilityVerdict, type StabilityVerdict } from './audit-math.util';

/** Quantiles of the baseline that cut a numeric factor into (up to) ten bins. */
export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * How the repository names bins: `bin:<i>` is PostgreSQL's width_bucket against the baseline's
 * cut points, `level:<v>` a category or boolean, `number` a number where the baseline had none,
 * `null` an unknown value.
 */
export type BinCounts = Map<string, number>;

export interface DriftBin {
  bin: string;
  label: string;
  baselineShare: number;
  currentShare: number;
}

export interface FactorDrift {
  factor: string;
  baselineCount: number;
  currentCount: number;
  psi: number | null;
  verdict: StabilityVerdict | null;
  bins: DriftBin[];
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** A readable label for a bin, given the baseline's cut points for its factor. */
export function binLabel(bin: string, edges: number[] | undefined): string {
  if (bin === 'null') return 'unknown';
  if (bin === 'number') return 'any number';
  if (bin.startsWith('level:')) return bin.slice('level:'.length);
  const i = Number(bin.slice('bin:'.length));
  if (!edges || edges.length === 0) return bin;
  if (i <= 0) return `< ${format(edges[0])}`;
  if (i >= edges.length) return `≥ ${format(edges[edges.length - 1])}`;
  return `[${format(edges[i - 1])}, ${format(edges[i])})`;
}

function binRank(bin: string): [number, number | string] {
  if (bin.startsWith('bin:')) return [0, Number(bin.slice(4))];
  if (bin.startsWith('level:')) return [1, bin];
  return [bin === 'number' ? 2 : 3, bin];
}

function compareBins(a: string, b: string): number {
  const [ga, ka] = binRank(a);
  const [gb, kb] = binRank(b);
  if (ga !== gb) return ga - gb;
  return typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
}

/** The PSI of one factor (or of the scores) between its baseline and current distributions. */
export function factorDrift(factor: string, baseline: BinCounts, current: BinCounts, edges?: number[]): FactorDrift {
  const total = (m: BinCounts) => [...m.values()].reduce((s, v) => s + v, 0);
  const baselineCount = total(baseline);
  const currentCount = total(current);
  const psi = populationStabilityIndex(baseline, current);
  const bins = [...new Set([...baseline.keys(), ...current.keys()])].sort(compareBins).map((bin) => ({
    bin,
    label: binLabel(bin, edges),
    baselineShare: baselineCount > 0 ? (baseline.get(bin) ?? 0) / baselineCount : 0,
    currentShare: currentCount > 0 ? (current.get(bin) ?? 0) / currentCount : 0,
  }));
  return { factor, baselineCount, currentCount, psi, verdict: psi === null ? null : stabilityVerdict(psi), bins };
}

/**
 * Whether the period can be compared with its baselines: a baseline inside the period compares the
 * period with itself, so its PSI says nothing. `comparableFrom` is the first day after every baseline.
 */
export interface DriftComparison {
  comparable: boolean;
  reason: 'baseline-in-period' | null;
  comparableFrom: string | null;
}

export function driftComparison(period: { from: string; to: string }, baselines: readonly ({ from: string; to: string } | null)[]): DriftComparison {
  const present = baselines.filter((b): b is { from: string; to: string } => b !== null);
  const lastDay = present
    .map((b) => b.to)
    .sort()
    .at(-1);
  const comparableFrom = lastDay ? new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null;
  const overlaps = present.some((b) => b.from <= period.to && b.to >= period.from);
  return { comparable: !overlaps, reason: overlaps ? 'baseline-in-period' : null, comparableFrom };
}

/** Distinct ascending cut points: tied quantiles (a factor that is mostly 0) collapse into one. */
export function cutPoints(quantiles: number[]): number[] {
  return [...new Set(quantiles.filter((q) => Number.isFinite(q)))].sort((a, b) => a - b);
}
