import { FactorDefinition, FactorSpec, FactorTransform, FactorValue, FactorValues } from '../spec/factor-spec.model';

/**
 * How one factor's value becomes a bin. Bin 0 is always "missing" (its own state, never zero).
 * Numeric: bins 1..edges.length+1 are ordered; a value falls in 1 + #(edges <= value).
 * Categorical: bin 1 is "other / unseen", 2.. are the training levels. Boolean: 1 false, 2 true.
 */
export type FactorEncoder = { kind: 'numeric'; transform: FactorTransform; edges: number[] } | { kind: 'categorical'; levels: string[] } | { kind: 'boolean' };

export const MISSING_BIN = 0;
const DEFAULT_MAX_BINS = 16;
const DEFAULT_MIN_LEVEL_COUNT = 30;

export function binCount(encoder: FactorEncoder): number {
  if (encoder.kind === 'numeric') return encoder.edges.length + 2;
  if (encoder.kind === 'categorical') return encoder.levels.length + 2;
  return 3;
}

/** Whether neighbouring bins are ordered, so the smoothness penalty applies (from bin 1 on). */
export function isOrdered(encoder: FactorEncoder): boolean {
  return encoder.kind === 'numeric';
}

export function transformValue(value: number, transform: FactorTransform): number {
  return transform === 'log1p' ? Math.log1p(Math.max(value, 0)) : value;
}

function numericOf(value: FactorValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

/** Fits an encoder from training values only (no labels are read, so binning cannot leak). */
export function fitEncoder(factor: FactorDefinition, values: FactorValue[], defaultMaxBins = DEFAULT_MAX_BINS): FactorEncoder {
  if (factor.kind === 'boolean') return { kind: 'boolean' };
  if (factor.kind === 'categorical') {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null && v !== '') counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    const minCount = factor.binning?.minLevelCount ?? DEFAULT_MIN_LEVEL_COUNT;
    const levels = [...counts]
      .filter(([, c]) => c >= minCount)
      .map(([level]) => level)
      .sort();
    return { kind: 'categorical', levels };
  }
  const transform = factor.transform ?? 'none';
  const xs: number[] = [];
  for (const v of values) {
    const x = numericOf(v);
    if (x !== null) xs.push(transformValue(x, transform));
  }
  return { kind: 'numeric', transform, edges: quantileEdges(xs, factor.binning?.maxBins ?? defaultMaxBins) };
}

/** Cut points at (about) equal-count quantiles, placed midway between distinct values. */
export function quantileEdges(xs: number[], maxBins: number): number[] {
  if (xs.length === 0) return [];
  const sorted = Float64Array.from(xs).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const x of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === x) counts[counts.length - 1]++;
    else {
      distinct.push(x);
      counts.push(1);
    }
  }
  if (distinct.length <= maxBins) return distinct.slice(1).map((x, i) => (distinct[i] + x) / 2);
  const edges: number[] = [];
  const target = sorted.length / maxBins;
  let cumulative = 0;
  let sinceCut = 0;
  for (let i = 0; i < distinct.length - 1; i++) {
    cumulative += counts[i];
    sinceCut += counts[i];
    const remaining = sorted.length - cumulative;
    // Cut when this bin has its share and enough remains for another bin.
    if (cumulative >= (edges.length + 1) * target && sinceCut >= target / 2 && remaining >= target / 2) {
      edges.push((distinct[i] + distinct[i + 1]) / 2);
      sinceCut = 0;
    }
  }
  return edges;
}

export function encodeValue(encoder: FactorEncoder, value: FactorValue | undefined): number {
  if (value === null || value === undefined || value === '') return MISSING_BIN;
  if (encoder.kind === 'boolean') {
    const truthy = value === true || value === 1 || value === '1' || value === 'true';
    return truthy ? 2 : 1;
  }
  if (encoder.kind === 'categorical') {
    const at = binarySearch(encoder.levels, String(value));
    return at < 0 ? 1 : at + 2;
  }
  const x = numericOf(value);
  if (x === null) return MISSING_BIN;
  return 1 + upperBound(encoder.edges, transformValue(x, encoder.transform));
}

/** Number of edges <= x. */
function upperBound(edges: number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function binarySearch(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === key) return mid;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function fitEncoders(spec: FactorSpec, rows: FactorValues[], defaultMaxBins?: number): FactorEncoder[] {
  return spec.factors.map((f) =>
    fitEncoder(
      f,
      rows.map((r) => r[f.name] ?? null),
      defaultMaxBins,
    ),
  );
}

/** Bins in row-major layout: bins[row * factors + f]. */
export function encodeRows(spec: FactorSpec, encoders: FactorEncoder[], rows: FactorValues[]): Int32Array {
  const F = spec.factors.length;
  const out = new Int32Array(rows.length * F);
  for (let f = 0; f < F; f++) {
    const name = spec.factors[f].name;
    const encoder = encoders[f];
    for (let i = 0; i < rows.length; i++) out[i * F + f] = encodeValue(encoder, rows[i][name]);
  }
  return out;
}

/** A readable name for a bin, for explanations and the oversight view. */
export function binDescription(encoder: FactorEncoder, bin: number): string {
  if (bin === MISSING_BIN) return 'missing';
  if (encoder.kind === 'boolean') return bin === 2 ? 'true' : 'false';
  if (encoder.kind === 'categorical') return bin === 1 ? 'other' : encoder.levels[bin - 2];
  const lo = bin === 1 ? -Infinity : encoder.edges[bin - 2];
  const hi = bin - 1 < encoder.edges.length ? encoder.edges[bin - 1] : Infinity;
  const scale = encoder.transform === 'log1p' ? (x: number) => Math.expm1(x) : (x: number) => x;
  return `[${round(scale(lo))}, ${round(scale(hi))})`;
}

function round(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : String(x);
}
