import { createHash } from 'node:crypto';
import { FactorEncoder, encodeRows, fitEncoders, isOrdered, binCount } from '../encoding/bin-encoder.util';
import { auc, ece } from '../metrics/metrics.util';
import { GAM_MODEL_FORMAT, GamModel, LogitCalibration, ValidationReport, foldCalibration } from '../model/gam.model';
import { dayNumberToIso } from '../spec/date.util';
import { FactorSpec, FactorValues } from '../spec/factor-spec.model';
import { fitLogitCalibration } from './calibration.util';
import { DEFAULT_HYPER, GamDesign, GamFit, GamHyper, fitGam } from './gam-fit.util';

/** Training rows: factor values as of each inspection's date, its outcome, and its team. */
export interface TrainingData {
  factors: FactorValues[];
  labels: Uint8Array;
  days: Int32Array;
  nuisance: (string | null)[] | null;
}

export interface HyperGrid {
  smoothness: number[];
  l2: number[];
  nuisanceL2: number[];
}

export interface TrainOptions {
  seed: number;
  /** The last this-many days of the training period are the validation split (default 90). */
  validationDays?: number;
  grid?: Partial<HyperGrid>;
  hyper?: Partial<GamHyper>;
  /** Validate (and select) with the nuisance in the score, as a ranking that uses it would. */
  useNuisanceInRanking?: boolean;
  /** Report of each candidate, e.g. for a CLI's progress output. */
  onCandidate?: (candidate: CandidateResult) => void;
  /**
   * true (default): the refit stops at the Newton step that scored best on the validation split.
   * false: the penalty alone regularises; every fit runs to convergence (or maxIterations).
   */
  earlyStopping?: boolean;
  /** Rows weigh 2^(−age / halfLifeDays), age counted back from the last training day; unset: all 1. */
  halfLifeDays?: number;
}

export interface CandidateResult {
  hyper: Pick<GamHyper, 'smoothness' | 'l2' | 'nuisanceL2'>;
  iterations: number;
  validationLoss: number;
  validationAuc: number;
}

const DEFAULT_GRID: HyperGrid = { smoothness: [3, 30, 300], l2: [1, 10], nuisanceL2: [2, 20] };

/**
 * Fits the additive model: bins from the training rows, hyper-parameters chosen by validation loss
 * on the last months of the training period (never on any later data), calibration fitted on that
 * same validation split, then a refit on the whole training period with the chosen settings.
 */
export async function trainGamModel(spec: FactorSpec, data: TrainingData, options: TrainOptions): Promise<GamModel> {
  const n = data.labels.length;
  if (n === 0) throw new Error('no training rows');
  requireBothOutcomes(data.labels, 'the training period');
  const encoders = fitEncoders(spec, data.factors, spec.fit?.maxBins);
  const bins = encodeRows(spec, encoders, data.factors);
  const levels = nuisanceLevels(spec, data.nuisance);
  const groups = levels ? groupIndex(levels, data.nuisance!) : null;
  const halfLife = options.halfLifeDays ?? spec.fit?.halfLifeDays;
  const full = { ...design(spec, encoders, bins, data.labels, groups, levels?.length ?? 0), weights: recencyWeights(data.days, halfLife) };

  const lastDay = data.days.reduce((m, d) => Math.max(m, d), -Infinity);
  const firstDay = data.days.reduce((m, d) => Math.min(m, d), Infinity);
  const validationDays = options.validationDays ?? spec.fit?.validationDays ?? 90;
  const validationFrom = lastDay - validationDays + 1;
  const isValidation = Uint8Array.from(data.days, (d) => (d >= validationFrom ? 1 : 0));
  const inner = {
    ...subset(full, isValidation, 0),
    weights: recencyWeights(
      data.days.filter((d) => d < validationFrom),
      halfLife,
    ),
  };
  const validation = subset(full, isValidation, 1);
  if (inner.rows === 0 || validation.rows === 0)
    throw new Error(
      `training period too short for a validation split: its inspections run from ${dayNumberToIso(firstDay)} to ${dayNumberToIso(lastDay)}, and the last ${validationDays} days are held back to validate; train on a longer period`,
    );
  // A split of one outcome can neither choose the settings nor calibrate (a fit on it drives the
  // log-odds without bound). The model is still fitted on the whole period, which holds both, with
  // middle settings and no calibration, and its record says why nothing was validated.
  const unusable =
    oneOutcome(inner.labels, `the months before the validation split (before ${dayNumberToIso(validationFrom)})`) ??
    oneOutcome(validation.labels, `the validation split (${dayNumberToIso(validationFrom)} to ${dayNumberToIso(lastDay)})`);

  const grid = { ...DEFAULT_GRID, ...spec.fit, ...options.grid } as HyperGrid;
  const withNuisance = !!options.useNuisanceInRanking;
  const earlyStopping = !unusable && (options.earlyStopping ?? spec.fit?.earlyStopping ?? true);
  const maxIterations = options.hyper?.maxIterations ?? spec.fit?.maxIterations ?? DEFAULT_HYPER.maxIterations;
  const base: GamHyper = { ...DEFAULT_HYPER, ...options.hyper, maxIterations, validateWithNuisance: withNuisance };
  const middle = (values: number[]) => values[Math.floor(values.length / 2)];
  let chosen: { hyper: GamHyper; iterations: number; calibration: LogitCalibration; report: ValidationReport };
  if (unusable) {
    const hyper = { ...base, smoothness: middle(grid.smoothness), l2: middle(grid.l2), nuisanceL2: levels ? middle(grid.nuisanceL2) : base.nuisanceL2 };
    chosen = {
      hyper,
      iterations: maxIterations,
      calibration: { slope: 1, offset: 0 },
      report: { from: dayNumberToIso(validationFrom), rows: validation.rows, logLoss: null, auc: null, ece: null, eceBeforeCalibration: null, unusable },
    };
  } else {
    let best: { hyper: GamHyper; fit: GamFit; loss: number; auc: number } | null = null;
    for (const smoothness of grid.smoothness) {
      for (const l2 of grid.l2) {
        for (const nuisanceL2 of levels ? grid.nuisanceL2 : [base.nuisanceL2]) {
          const hyper = { ...base, smoothness, l2, nuisanceL2 };
          const fit = await fitGam(inner, hyper, options.seed, earlyStopping ? validation : undefined);
          if (!earlyStopping) fit.validationLoss = meanLogLoss(designLogits(validation, fit, withNuisance), validation.labels);
          const logits = designLogits(validation, fit, withNuisance);
          const candidateAuc = auc(logits, validation.labels);
          options.onCandidate?.({
            hyper: { smoothness, l2, nuisanceL2 },
            iterations: fit.iterations,
            validationLoss: fit.validationLoss!,
            validationAuc: candidateAuc,
          });
          if (!best || fit.validationLoss! < best.loss) best = { hyper, fit, loss: fit.validationLoss!, auc: candidateAuc };
        }
      }
    }
    const { hyper, fit, loss, auc: bestAuc } = best!;
    // Calibrate the score as it will be used: the enterprise score alone, or (a benchmark ranking
    // with the team) the score with the team's term, so its probabilities are calibrated too.
    const validationLogits = designLogits(validation, fit, withNuisance);
    const calibration: LogitCalibration = fitLogitCalibration(validationLogits, validation.labels);
    const calibrated = Array.from(validationLogits, (z) => 1 / (1 + Math.exp(-(calibration.slope * z + calibration.offset))));
    const raw = Array.from(validationLogits, (z) => 1 / (1 + Math.exp(-z)));
    chosen = {
      hyper,
      iterations: fit.iterations,
      calibration,
      report: {
        from: dayNumberToIso(validationFrom),
        rows: validation.rows,
        logLoss: loss,
        auc: bestAuc,
        ece: ece(calibrated, validation.labels),
        eceBeforeCalibration: ece(raw, validation.labels),
      },
    };
  }
  const calibration = chosen.calibration;

  const finalHyper = earlyStopping ? { ...chosen.hyper, maxIterations: Math.max(chosen.iterations, 1) } : chosen.hyper;
  const finalFit = await fitGam(full, finalHyper, options.seed);
  const folded = foldCalibration(finalFit.intercept, finalFit.terms, finalFit.nuisanceEffects, calibration);
  const fingerprint = dataFingerprint(spec, data);
  const positives = data.labels.reduce((s, y) => s + y, 0);
  return {
    format: GAM_MODEL_FORMAT,
    version: `${spec.id}@${spec.version}+${fingerprint.slice(0, 12)}.s${options.seed}`,
    spec,
    encoders,
    base: folded.base,
    terms: folded.terms,
    calibration,
    nuisance: levels && folded.nuisance ? { name: spec.nuisance!.name, levels, effects: folded.nuisance } : null,
    training: {
      seed: options.seed,
      from: dayNumberToIso(firstDay),
      to: dayNumberToIso(lastDay),
      rows: n,
      positives,
      dataFingerprint: fingerprint,
      backend: finalFit.backend,
      hyper: {
        smoothness: chosen.hyper.smoothness,
        l2: chosen.hyper.l2,
        nuisanceL2: chosen.hyper.nuisanceL2,
        useNuisanceInRanking: withNuisance,
        earlyStopping,
        ...(halfLife ? { halfLifeDays: halfLife } : {}),
      },
      iterations: finalFit.iterations,
      validation: chosen.report,
      // A fixed timestamp would lie; the model's identity is its fingerprint and seed, not this.
      trainedAt: new Date().toISOString(),
    },
  };
}

/** Why a set of rows has nothing to learn or check from (one outcome only), or null when it holds both. */
function oneOutcome(labels: Uint8Array, where: string): string | null {
  const positives = labels.reduce((s, y) => s + (y > 0 ? 1 : 0), 0);
  if (positives === 0) return `no inspection in ${where} found a violation (${labels.length} inspections)`;
  if (positives === labels.length) return `every inspection in ${where} found a violation (${labels.length} inspections)`;
  return null;
}

/** Fewer inspections than this of either outcome leave a twelve-factor fit nothing honest to learn. */
export const MIN_INSPECTIONS_OF_EACH_OUTCOME = 10;

/** Refuses a training period of one outcome only, or too few of either: there is no risk to learn from it. */
function requireBothOutcomes(labels: Uint8Array, where: string): void {
  const problem = oneOutcome(labels, where);
  if (problem) throw new Error(`cannot train: ${problem}`);
  const positives = labels.reduce((s, y) => s + (y > 0 ? 1 : 0), 0);
  const fewer = Math.min(positives, labels.length - positives);
  if (fewer >= MIN_INSPECTIONS_OF_EACH_OUTCOME) return;
  const what = fewer === positives ? 'found a violation' : 'found none';
  throw new Error(
    `cannot train: only ${fewer} of the ${labels.length} inspections in ${where} ${what}; a fit needs at least ${MIN_INSPECTIONS_OF_EACH_OUTCOME} of each outcome: train on a longer period`,
  );
}

/** Recency weights normalised to mean 1, so the penalty keeps its meaning whatever the half-life. */
export function recencyWeights(days: ArrayLike<number>, halfLifeDays: number | undefined): Float32Array | null {
  if (!halfLifeDays || !(halfLifeDays > 0) || days.length === 0) return null;
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) last = Math.max(last, days[i]);
  const raw = Float64Array.from(days, (d) => Math.pow(2, -(last - d) / halfLifeDays));
  const mean = raw.reduce((s, w) => s + w, 0) / raw.length;
  return Float32Array.from(raw, (w) => w / mean);
}

/** Mean log loss of logits (stable for large |z|). */
function meanLogLoss(logits: Float64Array, labels: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i];
    total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i] * z;
  }
  return total / Math.max(logits.length, 1);
}

function nuisanceLevels(spec: FactorSpec, groups: (string | null)[] | null): string[] | null {
  if (!spec.nuisance || !groups) return null;
  const names = new Set<string>();
  for (const g of groups) if (g) names.add(g);
  return ['', ...[...names].sort()];
}

function groupIndex(levels: string[], groups: (string | null)[]): Int32Array {
  const index = new Map(levels.map((l, i) => [l, i]));
  return Int32Array.from(groups, (g) => (g ? (index.get(g) ?? 0) : 0));
}

function design(spec: FactorSpec, encoders: FactorEncoder[], bins: Int32Array, labels: Uint8Array, groups: Int32Array | null, levels: number): GamDesign {
  const monotone = spec.factors.map((f) => (f.monotone === 'increasing' ? 1 : f.monotone === 'decreasing' ? -1 : 0));
  return {
    monotone,
    rows: labels.length,
    bins,
    factorBins: encoders.map(binCount),
    ordered: encoders.map(isOrdered),
    nuisance: groups,
    nuisanceLevels: levels,
    labels,
  };
}

function subset(d: GamDesign, mask: Uint8Array, keep: number): GamDesign {
  const F = d.factorBins.length;
  const rows: number[] = [];
  for (let i = 0; i < d.rows; i++) if (mask[i] === keep) rows.push(i);
  const bins = new Int32Array(rows.length * F);
  rows.forEach((i, k) => bins.set(d.bins.subarray(i * F, i * F + F), k * F));
  return {
    ...d,
    rows: rows.length,
    bins,
    nuisance: d.nuisance ? Int32Array.from(rows, (i) => d.nuisance![i]) : null,
    labels: Uint8Array.from(rows, (i) => d.labels[i]),
    weights: d.weights ? Float32Array.from(rows, (i) => d.weights![i]) : null,
  };
}

function designLogits(d: GamDesign, fit: GamFit, withNuisance: boolean): Float64Array {
  const F = d.factorBins.length;
  const out = new Float64Array(d.rows);
  for (let i = 0; i < d.rows; i++) {
    let z = fit.intercept;
    for (let f = 0; f < F; f++) z += fit.terms[f][d.bins[i * F + f]];
    if (withNuisance && d.nuisance && fit.nuisanceEffects) z += fit.nuisanceEffects[d.nuisance[i]];
    out[i] = z;
  }
  return out;
}

/** sha256 over the training rows in a canonical form: day, label, team, factor values in spec order. */
export function dataFingerprint(spec: FactorSpec, data: TrainingData): string {
  const hash = createHash('sha256');
  hash.update(`${spec.id}@${spec.version}\n`);
  for (let i = 0; i < data.labels.length; i++) {
    const values = spec.factors.map((f) => data.factors[i][f.name] ?? null);
    hash.update(JSON.stringify([data.days[i], data.labels[i], data.nuisance?.[i] ?? null, values]));
    hash.update('\n');
  }
  return hash.digest('hex');
}
