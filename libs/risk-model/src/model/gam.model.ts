import { FactorEncoder } from '../encoding/bin-encoder.util';
import { FactorSpec } from '../spec/factor-spec.model';

export const GAM_MODEL_FORMAT = 'tianping-gam/1';

/** The affine map of the logit fitted on validation rows; already folded into base and terms. */
export interface LogitCalibration {
  slope: number;
  offset: number;
}

export interface NuisanceTerm {
  name: string;
  /** Level names; level 0 is "unknown group" and has no name of its own. */
  levels: string[];
  effects: number[];
}

export interface TrainingRecord {
  seed: number;
  /** First and last training day (YYYY-MM-DD). */
  from: string;
  to: string;
  rows: number;
  positives: number;
  /** sha256 over the training rows' factor values and labels. */
  dataFingerprint: string;
  backend: string;
  hyper: Record<string, number | boolean>;
  iterations: number;
  validation: ValidationReport;
  trainedAt: string;
}

/**
 * Measured on the time-based validation split inside the training period. A split of one outcome can
 * measure nothing: the figures are null and `unusable` says why (the model is then uncalibrated).
 */
export interface ValidationReport {
  from: string;
  rows: number;
  logLoss: number | null;
  auc: number | null;
  ece: number | null;
  eceBeforeCalibration: number | null;
  unusable?: string;
}

/**
 * An exactly additive model on the log-odds scale:
 *   logit = base + Σ_f terms[f][bin_f(value_f)]
 * Everything needed to score and to explain travels in this object, so a stored model scores the
 * same anywhere. The nuisance term is kept for audit only; enterprise scores never read it.
 */
export interface GamModel {
  format: typeof GAM_MODEL_FORMAT;
  version: string;
  spec: FactorSpec;
  encoders: FactorEncoder[];
  base: number;
  terms: number[][];
  calibration: LogitCalibration;
  nuisance: NuisanceTerm | null;
  training: TrainingRecord;
}

export function modelToJson(model: GamModel): string {
  return JSON.stringify(model);
}

export function modelFromJson(json: string): GamModel {
  const model = JSON.parse(json) as GamModel;
  if (model.format !== GAM_MODEL_FORMAT) throw new Error(`unsupported model format ${String(model.format)}`);
  if (model.terms.length !== model.spec.factors.length || model.encoders.length !== model.spec.factors.length) {
    throw new Error(`model ${model.version} does not match its own spec`);
  }
  return model;
}

/** Folds an affine logit map into base and terms: a·(b + Σc) + o = (a·b + o) + Σ a·c, still additive. */
export function foldCalibration(
  base: number,
  terms: number[][],
  nuisance: number[] | null,
  calibration: LogitCalibration,
): { base: number; terms: number[][]; nuisance: number[] | null } {
  const a = calibration.slope;
  return {
    base: a * base + calibration.offset,
    terms: terms.map((t) => t.map((c) => a * c)),
    nuisance: nuisance ? nuisance.map((c) => a * c) : null,
  };
}
