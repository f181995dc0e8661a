import { solveSpd } from './linear-solve.util';

/** A run of parameters whose values must move one way: sign·(x[first+k+1] − x[first+k]) ≥ 0. */
export interface MonotoneChain {
  first: number;
  length: number;
  /** +1: non-decreasing along the chain; −1: non-increasing. */
  sign: 1 | -1;
}

const TOLERANCE = 1e-10;

/**
 * Minimises ½xᵀHx + cᵀx subject to the chains' order constraints, by a primal active-set method
 * started from the feasible point `start`. A binding constraint pools two neighbouring parameters
 * into one (their values are equal), so each trial point is one smaller Cholesky solve; a pool is
 * split again where its Lagrange multiplier says the objective wants the two apart.
 * `H` is k×k row-major and positive definite. Every iterate stays feasible, so stopping at the
 * iteration cap still returns a point that honours every constraint.
 */
export function solveMonotoneQp(H: Float64Array, c: Float64Array, k: number, chains: MonotoneChain[], start: Float64Array): Float64Array {
  const x = start.slice();
  // tied[i]: parameter i is pooled with i+1 (an active constraint); only set inside chains.
  const tied = new Uint8Array(k);
  const constrained = new Uint8Array(k);
  for (const chain of chains) {
    for (let j = chain.first; j < chain.first + chain.length - 1; j++) {
      constrained[j] = 1;
      if (Math.abs(x[j + 1] - x[j]) <= TOLERANCE) tied[j] = 1;
    }
  }
  const chainSign = new Int8Array(k);
  for (const chain of chains) for (let j = chain.first; j < chain.first + chain.length - 1; j++) chainSign[j] = chain.sign;

  const maxIterations = 10 + 4 * constrained.reduce((s, v) => s + v, 0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const target = pooledSolve(H, c, k, tied);
    // Walk toward the pooled optimum until the first loose constraint would break.
    let alpha = 1;
    let blocking = -1;
    for (let j = 0; j < k - 1; j++) {
      if (!constrained[j] || tied[j]) continue;
      const s = chainSign[j];
      const slack = s * (x[j + 1] - x[j]);
      const move = s * (target[j + 1] - target[j] - (x[j + 1] - x[j]));
      if (move < 0 && slack + move < -TOLERANCE) {
        const a = Math.max(slack, 0) / -move;
        if (a < alpha) {
          alpha = a;
          blocking = j;
        }
      }
    }
    for (let i = 0; i < k; i++) x[i] += alpha * (target[i] - x[i]);
    if (blocking >= 0) {
      tied[blocking] = 1;
      x[blocking + 1] = x[blocking];
      continue;
    }
    const release = mostNegativeMultiplier(H, c, k, x, tied, chainSign);
    if (release < 0) return x;
    tied[release] = 0;
  }
  return x;
}

/** Solves the unconstrained problem with every tied neighbour pair sharing one value. */
function pooledSolve(H: Float64Array, c: Float64Array, k: number, tied: Uint8Array): Float64Array {
  const group = new Int32Array(k);
  let groups = 0;
  for (let i = 0; i < k; i++) {
    group[i] = groups;
    if (!tied[i]) groups++;
  }
  if (groups === k) {
    const minusC = Float64Array.from(c, (v) => -v);
    return solveSpd(H, minusC, k);
  }
  const Hr = new Float64Array(groups * groups);
  const br = new Float64Array(groups);
  for (let i = 0; i < k; i++) {
    const gi = group[i] * groups;
    br[group[i]] -= c[i];
    for (let j = 0; j < k; j++) Hr[gi + group[j]] += H[i * k + j];
  }
  const z = solveSpd(Hr, br, groups);
  return Float64Array.from(group, (g) => z[g]);
}

/**
 * The tied constraint whose multiplier is most negative (the objective gains by splitting the pool
 * there), or −1 when all are non-negative (x is optimal). Within a pool starting at a, the
 * multiplier of the tie after position t is −sign·Σ_{a..t} ∇_i, with ∇ = Hx + c.
 */
function mostNegativeMultiplier(H: Float64Array, c: Float64Array, k: number, x: Float64Array, tied: Uint8Array, sign: Int8Array): number {
  let worst = -1;
  let worstValue = -1e-9;
  let running = 0;
  for (let i = 0; i < k; i++) {
    if (i === 0 || !tied[i - 1]) running = 0;
    if (!tied[i]) continue;
    running += gradientAt(H, c, k, x, i);
    const multiplier = -sign[i] * running;
    if (multiplier < worstValue) {
      worstValue = multiplier;
      worst = i;
    }
  }
  return worst;
}

function gradientAt(H: Float64Array, c: Float64Array, k: number, x: Float64Array, i: number): number {
  let g = c[i];
  for (let j = 0; j < k; j++) g += H[i * k + j] * x[j];
  return g;
}

/** The nearest point to `x` (in plain distance) that honours the chains: pool-adjacent-violators per chain. */
export function projectMonotone(x: Float64Array, chains: MonotoneChain[]): Float64Array {
  const out = x.slice();
  for (const chain of chains) {
    const values: number[] = [];
    const sizes: number[] = [];
    for (let j = 0; j < chain.length; j++) {
      values.push(chain.sign * x[chain.first + j]);
      sizes.push(1);
      while (values.length > 1 && values[values.length - 2] > values[values.length - 1]) {
        const v = values.pop()!;
        const s = sizes.pop()!;
        const at = values.length - 1;
        values[at] = (values[at] * sizes[at] + v * s) / (sizes[at] + s);
        sizes[at] += s;
      }
    }
    let j = chain.first;
    values.forEach((v, b) => {
      for (let t = 0; t < sizes[b]; t++) out[j++] = chain.sign * v;
    });
  }
  return out;
}
