/** Layout of the single parameter vector: each factor's bins, then the nuisance levels. */
export interface ParameterLayout {
  factorBins: number[];
  ordered: boolean[];
  offsets: number[];
  nuisanceOffset: number;
  nuisanceLevels: number;
  size: number;
}

export interface PenaltyWeights {
  /** Second-difference (smoothness) penalty on ordered bins. */
  smoothness: number;
  /** Ridge on every bin, pulling rare bins toward the average. */
  l2: number;
  /** Ridge on nuisance levels: a random-effect-like shrinkage of team effects. */
  nuisanceL2: number;
}

export function parameterLayout(factorBins: number[], ordered: boolean[], nuisanceLevels: number): ParameterLayout {
  const offsets: number[] = [];
  let size = 0;
  for (const bins of factorBins) {
    offsets.push(size);
    size += bins;
  }
  return { factorBins, ordered, offsets, nuisanceOffset: size, nuisanceLevels, size: size + nuisanceLevels };
}

/**
 * The penalty θᵀPθ/2 as a dense symmetric matrix (a few hundred parameters, so dense is cheap).
 * Ordered factors get the second difference over bins 1..B-1; bin 0 (missing) stands apart.
 */
export function penaltyMatrix(layout: ParameterLayout, weights: PenaltyWeights): Float32Array {
  const K = layout.size;
  const P = new Float32Array(K * K);
  const add = (i: number, j: number, v: number) => {
    P[i * K + j] += v;
  };
  layout.factorBins.forEach((bins, f) => {
    const o = layout.offsets[f];
    for (let b = 0; b < bins; b++) add(o + b, o + b, weights.l2);
    if (!layout.ordered[f]) return;
    // Row r of D2 touches bins r, r+1, r+2 (all >= 1) with coefficients 1, -2, 1.
    for (let r = 1; r + 2 < bins; r++) {
      const idx = [o + r, o + r + 1, o + r + 2];
      const coef = [1, -2, 1];
      for (let a = 0; a < 3; a++) for (let c = 0; c < 3; c++) add(idx[a], idx[c], weights.smoothness * coef[a] * coef[c]);
    }
  });
  for (let g = 0; g < layout.nuisanceLevels; g++) add(layout.nuisanceOffset + g, layout.nuisanceOffset + g, weights.nuisanceL2);
  return P;
}
