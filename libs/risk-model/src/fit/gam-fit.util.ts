import { Prng } from '@tianping/common';
import { solveSpd } from './linear-solve.util';
import { MonotoneChain, projectMonotone, solveMonotoneQp } from './monotone-step.util';
import { ParameterLayout, PenaltyWeights, parameterLayout, penaltyMatrix } from './penalty.util';
import type { Tensor } from '@tensorflow/tfjs';
import { Tf, tensorflow } from './tf-backend.util';

/** Encoded training rows: per row the active bin of each factor, and optionally a nuisance level. */
export interface GamDesign {
  rows: number;
  /** Row-major bins[row * factors + f]. */
  bins: Int32Array;
  factorBins: number[];
  ordered: boolean[];
  /** Level per row, 0..nuisanceLevels-1; level 0 is reserved for "unknown group". */
  nuisance: Int32Array | null;
  nuisanceLevels: number;
  labels: Uint8Array;
  /** Optional per-row weight in the training loss (e.g. recency); absent means 1 for every row. */
  weights?: Float32Array | null;
  /** Per factor: +1 its shape may only rise over bins 1.., −1 only fall, 0 (or absent) free. */
  monotone?: number[];
}

export interface GamHyper extends PenaltyWeights {
  maxIterations: number;
  /** Converged when no parameter moves more than this in a step. */
  tolerance: number;
  /** Rows per dense chunk handed to TF.js (bounds memory on a million rows). */
  chunkRows: number;
  /** Whether the validation loss counts the nuisance term (only when ranking will use it). */
  validateWithNuisance: boolean;
}

export const DEFAULT_HYPER: GamHyper = {
  smoothness: 100,
  l2: 10,
  nuisanceL2: 3,
  maxIterations: 30,
  tolerance: 1e-6,
  chunkRows: 8_192,
  validateWithNuisance: false,
};

export interface GamFit {
  intercept: number;
  /** Per factor, per bin, centred so each term averages zero over the training rows. */
  terms: number[][];
  nuisanceEffects: number[] | null;
  iterations: number;
  validationLoss: number | null;
  backend: string;
}

/**
 * Penalised logistic GAM by Newton's method (penalised IRLS):
 *   minimise Σ logloss + θᵀPθ/2,   logit = b + Σ_f θ[f, bin_f] (+ nuisance[level]).
 * TF.js computes the gradient and Hessian by gathers and scatter-adds over each row's active bins;
 * the small (a few hundred square) system is solved here. Newton, unlike Adam, moves rare bins and
 * common bins at their own pace, so the penalty (chosen on validation) decides the fit.
 * With `validation`, the iterate with the best validation loss is kept (early stopping).
 */
export async function fitGam(design: GamDesign, hyper: GamHyper, seed: number, validation?: GamDesign): Promise<GamFit> {
  const { tf, backend } = await tensorflow();
  const layout = parameterLayout(design.factorBins, design.ordered, design.nuisanceLevels);
  const K = layout.size + 1; // the intercept is the last parameter, unpenalised
  const P = penaltyMatrix(layout, hyper);
  const prng = new Prng(seed).fork('gam-init');
  const chains = monotoneChains(design, layout);
  let theta: Float64Array = Float64Array.from({ length: K }, () => prng.normal(0, 1e-3));
  if (chains.length > 0) theta = projectMonotone(theta, chains);
  const positives = design.labels.reduce((s, y) => s + y, 0);
  const rate = Math.min(Math.max(positives / Math.max(design.rows, 1), 1e-4), 1 - 1e-4);
  theta[K - 1] = Math.log(rate / (1 - rate));

  let best = { loss: Infinity, iteration: 0, theta: theta.slice() };
  let iteration = 0;
  const chunks = makeChunks(tf, design, layout, hyper.chunkRows);
  for (; iteration < hyper.maxIterations; iteration++) {
    const { gradient, hessian } = derivatives(tf, chunks, theta);
    for (let i = 0; i < layout.size; i++) {
      let pTheta = 0;
      for (let j = 0; j < layout.size; j++) pTheta += P[i * layout.size + j] * theta[j];
      gradient[i] += pTheta;
      for (let j = 0; j < layout.size; j++) hessian[i * K + j] += P[i * layout.size + j];
    }
    hessian[K * K - 1] += 1e-9;
    const step = newtonStep(hessian, gradient, theta, K, chains);
    let largest = 0;
    for (let i = 0; i < K; i++) {
      theta[i] -= step[i];
      largest = Math.max(largest, Math.abs(step[i]));
    }
    if (validation) {
      const loss = validationLoss(validation, layout, theta, hyper.validateWithNuisance);
      if (loss < best.loss) best = { loss, iteration: iteration + 1, theta: theta.slice() };
    }
    if (largest < hyper.tolerance) {
      iteration++;
      break;
    }
  }
  disposeChunks(chunks);
  const final = validation ? best.theta : theta;
  return {
    ...centre(design, layout, final),
    iterations: validation ? best.iteration : iteration,
    validationLoss: validation ? best.loss : null,
    backend,
  };
}

/** The ordered bins (1..B−1) of every shape-constrained factor, as parameter runs. */
function monotoneChains(design: GamDesign, layout: ParameterLayout): MonotoneChain[] {
  const chains: MonotoneChain[] = [];
  design.factorBins.forEach((bins, f) => {
    const sign = design.monotone?.[f] ?? 0;
    if (sign !== 0 && bins > 2) chains.push({ first: layout.offsets[f] + 1, length: bins - 1, sign: sign > 0 ? 1 : -1 });
  });
  return chains;
}

/** The Newton step H⁻¹g; with shape constraints, the step to the best point of the quadratic model that honours them. */
function newtonStep(hessian: Float64Array, gradient: Float64Array, theta: Float64Array, K: number, chains: MonotoneChain[]): Float64Array {
  if (chains.length === 0) return solveSpd(hessian, gradient, K);
  // Quadratic model in the new point x: ½xᵀHx + (g − Hθ)ᵀx.
  const c = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    let hTheta = 0;
    for (let j = 0; j < K; j++) hTheta += hessian[i * K + j] * theta[j];
    c[i] = gradient[i] - hTheta;
  }
  const next = solveMonotoneQp(hessian, c, K, chains, theta);
  return Float64Array.from(theta, (t, i) => t - next[i]);
}

interface Chunk {
  rows: number;
  columns: number;
  /** Active parameter of each row and column (the last column is the intercept). */
  index: Tensor;
  flatIndex: Tensor;
  /** Flat K×K position of every pair of active parameters in a row, for the Hessian. */
  pairIndex: Tensor;
  labels: Tensor;
  weights: Tensor | null;
}

/** Chunks of the design as sparse indices, built once per fit. */
function makeChunks(tf: Tf, design: GamDesign, layout: ParameterLayout, chunkRows: number): Chunk[] {
  const F = design.factorBins.length;
  const K = layout.size + 1;
  const useNuisance = design.nuisance !== null && layout.nuisanceLevels > 0;
  const C = F + (useNuisance ? 1 : 0) + 1;
  const chunks: Chunk[] = [];
  for (let start = 0; start < design.rows; start += chunkRows) {
    const m = Math.min(start + chunkRows, design.rows) - start;
    const index = new Int32Array(m * C);
    const pairs = new Int32Array(m * C * C);
    for (let k = 0; k < m; k++) {
      const i = start + k;
      const at = k * C;
      for (let f = 0; f < F; f++) index[at + f] = layout.offsets[f] + design.bins[i * F + f];
      if (useNuisance) index[at + F] = layout.nuisanceOffset + design.nuisance![i];
      index[at + C - 1] = K - 1;
      for (let a = 0; a < C; a++) for (let b = 0; b < C; b++) pairs[(at + a) * C + b] = index[at + a] * K + index[at + b];
    }
    chunks.push({
      rows: m,
      columns: C,
      index: tf.tensor2d(index, [m, C], 'int32'),
      flatIndex: tf.tensor2d(index, [m * C, 1], 'int32'),
      pairIndex: tf.tensor2d(pairs, [m * C * C, 1], 'int32'),
      labels: tf.tensor1d(Float32Array.from(design.labels.subarray(start, start + m))),
      weights: design.weights ? tf.tensor1d(design.weights.slice(start, start + m)) : null,
    });
  }
  return chunks;
}

/**
 * Gradient Xᵀ(p−y) and Hessian Xᵀdiag(p(1−p))X of Σ logloss for the one-hot design, as TF.js
 * gathers and scatter-adds over active indices (no dense one-hot matrix), accumulated in float64.
 */
function derivatives(tf: Tf, chunks: Chunk[], theta: Float64Array) {
  const K = theta.length;
  const gradient = new Float64Array(K);
  const hessian = new Float64Array(K * K);
  const thetaTensor = tf.tensor1d(Float32Array.from(theta));
  for (const chunk of chunks) {
    const [g, h] = tf.tidy(() => {
      const p = tf.sigmoid(tf.sum(tf.gather(thetaTensor, chunk.index), 1));
      const w = chunk.weights;
      const residual = w ? tf.mul(tf.sub(p, chunk.labels), w) : tf.sub(p, chunk.labels);
      const weight = w ? tf.mul(tf.mul(p, tf.sub(1, p)), w) : tf.mul(p, tf.sub(1, p));
      const spread = (v: Tensor, times: number) => tf.reshape(tf.tile(tf.reshape(v, [-1, 1]), [1, times]), [-1]);
      return [
        tf.scatterND(chunk.flatIndex, spread(residual, chunk.columns), [K]),
        tf.scatterND(chunk.pairIndex, spread(weight, chunk.columns * chunk.columns), [K * K]),
      ];
    });
    const gData = g.dataSync();
    const hData = h.dataSync();
    for (let i = 0; i < K; i++) gradient[i] += gData[i];
    for (let i = 0; i < K * K; i++) hessian[i] += hData[i];
    g.dispose();
    h.dispose();
  }
  thetaTensor.dispose();
  return { gradient, hessian };
}

function disposeChunks(chunks: Chunk[]): void {
  for (const c of chunks) for (const t of [c.index, c.flatIndex, c.pairIndex, c.labels, c.weights]) t?.dispose();
}

function validationLoss(d: GamDesign, layout: ParameterLayout, theta: Float64Array, withNuisance: boolean): number {
  const F = d.factorBins.length;
  const intercept = theta[layout.size];
  let total = 0;
  for (let i = 0; i < d.rows; i++) {
    let z = intercept;
    for (let f = 0; f < F; f++) z += theta[layout.offsets[f] + d.bins[i * F + f]];
    if (withNuisance && d.nuisance) z += theta[layout.nuisanceOffset + d.nuisance[i]];
    // log(1 + e^z) − y·z, stable for large |z|.
    total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - d.labels[i] * z;
  }
  return total / Math.max(d.rows, 1);
}

/** Moves each term's training-row mean into the intercept, so contributions read "versus average". */
function centre(design: GamDesign, layout: ParameterLayout, theta: Float64Array) {
  const F = design.factorBins.length;
  let intercept = theta[layout.size];
  const terms = design.factorBins.map((bins, f) => {
    const w = Array.from(theta.subarray(layout.offsets[f], layout.offsets[f] + bins));
    let mean = 0;
    for (let i = 0; i < design.rows; i++) mean += w[design.bins[i * F + f]];
    mean /= Math.max(design.rows, 1);
    intercept += mean;
    return w.map((x) => x - mean);
  });
  let nuisanceEffects: number[] | null = null;
  if (design.nuisance && layout.nuisanceLevels > 0) {
    const g = Array.from(theta.subarray(layout.nuisanceOffset, layout.nuisanceOffset + layout.nuisanceLevels));
    let mean = 0;
    for (let i = 0; i < design.rows; i++) mean += g[design.nuisance[i]];
    mean /= Math.max(design.rows, 1);
    intercept += mean;
    nuisanceEffects = g.map((x) => x - mean);
  }
  return { intercept, terms, nuisanceEffects };
}
