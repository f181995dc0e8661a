import { encodeValue } from '../encoding/bin-encoder.util';
import { GamModel } from '../model/gam.model';
import { FactorColumn, FactorValues } from '../spec/factor-spec.model';
import { COLOURS, ColourPolicy, RiskColour, colourIndex, validateColourPolicy } from './colour-policy.model';
import { ScoreExplanation, explainRow } from './explain.util';

/**
 * Scores in columns (typed arrays) so a million rows cost a few arrays, not a million objects;
 * `explain(i)` builds row i's full explanation on demand.
 */
export interface ScoreBatch {
  modelVersion: string;
  policyVersion: string;
  rows: number;
  factorNames: string[];
  base: number;
  logit: Float64Array;
  probability: Float64Array;
  /** Row-major contributions[row * factors + f]; base + their row sum = logit. */
  contributions: Float64Array;
  /** Row-major bins[row * factors + f]. */
  bins: Int32Array;
  colour: Uint8Array;
  colourOf(row: number): RiskColour;
  explain(row: number): ScoreExplanation;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Scores rows of factor values. The nuisance (team) term is never read here. */
export function scoreBatch(model: GamModel, rows: FactorValues[], policy: ColourPolicy): ScoreBatch {
  const F = model.spec.factors.length;
  const bins = new Int32Array(rows.length * F);
  for (let f = 0; f < F; f++) {
    const name = model.spec.factors[f].name;
    const encoder = model.encoders[f];
    for (let i = 0; i < rows.length; i++) bins[i * F + f] = encodeValue(encoder, rows[i][name]);
  }
  return scoreEncoded(model, bins, (row) => rows[row], policy);
}

/**
 * Scores factor values given in columns, one per factor in the model's order (`columns[f][row]`), as a
 * bulk run reads them: no object per row. Each row's values are gathered only when it is explained.
 */
export function scoreColumns(model: GamModel, columns: FactorColumn[], policy: ColourPolicy): ScoreBatch {
  const F = model.spec.factors.length;
  if (columns.length !== F) throw new Error(`${columns.length} factor columns for a model of ${F} factors`);
  const n = F === 0 ? 0 : columns[0].length;
  const bins = new Int32Array(n * F);
  for (let f = 0; f < F; f++) {
    const column = columns[f];
    if (column.length !== n) throw new Error(`factor column ${model.spec.factors[f].name} has ${column.length} rows, not ${n}`);
    const encoder = model.encoders[f];
    for (let i = 0; i < n; i++) bins[i * F + f] = encodeValue(encoder, column[i]);
  }
  return scoreEncoded(model, bins, (row) => factorRow(model.spec.factors, columns, row), policy);
}

/** Row `row` of factor columns as a record by factor name; NaN (a column's missing value) as null. */
export function factorRow(factors: readonly { name: string }[], columns: FactorColumn[], row: number): FactorValues {
  const values: FactorValues = {};
  factors.forEach((f, k) => {
    const value = columns[k][row];
    values[f.name] = typeof value === 'number' && Number.isNaN(value) ? null : value;
  });
  return values;
}

/** Scores rows already encoded into bins (row-major, model's factor order); `valuesOf` gives a row's values for its explanation. */
export function scoreEncoded(model: GamModel, bins: Int32Array, valuesOf: ((row: number) => FactorValues) | null, policy: ColourPolicy): ScoreBatch {
  validateColourPolicy(policy);
  const F = model.spec.factors.length;
  const n = bins.length / F;
  const terms = model.terms.map((t) => Float64Array.from(t));
  const logit = new Float64Array(n);
  const probability = new Float64Array(n);
  const contributions = new Float64Array(n * F);
  const colour = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = model.base;
    const at = i * F;
    for (let f = 0; f < F; f++) {
      const c = terms[f][bins[at + f]];
      contributions[at + f] = c;
      z += c;
    }
    logit[i] = z;
    const p = sigmoid(z);
    probability[i] = p;
    colour[i] = colourIndex(p, policy);
  }
  const factorNames = model.spec.factors.map((f) => f.name);
  return {
    modelVersion: model.version,
    policyVersion: policy.version,
    rows: n,
    factorNames,
    base: model.base,
    logit,
    probability,
    contributions,
    bins,
    colour,
    colourOf: (row) => COLOURS[colour[row]],
    explain: (row) =>
      explainRow(model, policy, {
        bins: bins.subarray(row * F, row * F + F),
        values: valuesOf ? valuesOf(row) : null,
        logit: logit[row],
        probability: probability[row],
        colour: COLOURS[colour[row]],
      }),
  };
}

/** The nuisance effect of each group, for backtests that rank as the city did; 0 when unknown. */
export function nuisanceOffsets(model: GamModel, groups: (string | null)[]): Float64Array {
  const out = new Float64Array(groups.length);
  if (!model.nuisance) return out;
  const index = new Map(model.nuisance.levels.map((level, i) => [level, i]));
  groups.forEach((g, i) => {
    const level = g === null ? undefined : index.get(g);
    out[i] = level === undefined ? 0 : model.nuisance!.effects[level];
  });
  return out;
}
