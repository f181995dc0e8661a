import { DEFAULT_HYPER, GamDesign, fitGam } from './gam-fit.util';
import { projectMonotone, solveMonotoneQp } from './monotone-step.util';

/** ½xᵀHx + cᵀx for a diagonal-plus-coupling H, to compare candidate points. */
function objective(H: Float64Array, c: Float64Array, x: Float64Array): number {
  const k = x.length;
  let q = 0;
  for (let i = 0; i < k; i++) {
    q += c[i] * x[i];
    for (let j = 0; j < k; j++) q += 0.5 * x[i] * H[i * k + j] * x[j];
  }
  return q;
}

describe('the shape-constrained Newton step', () => {
  it('is the plain solution when that already rises', () => {
    const H = Float64Array.from([2, 0, 0, 0, 2, 0, 0, 0, 2]);
    const c = Float64Array.from([-2, -4, -6]); // optimum 1, 2, 3
    const x = solveMonotoneQp(H, c, 3, [{ first: 0, length: 3, sign: 1 }], new Float64Array(3));
    expect(Array.from(x).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 2, 3]);
  });

  it('pools the values that would fall, to their (weighted) mean', () => {
    // Unconstrained optimum 3, 1, 2 with weights 1, 1, 2: the rising fit is 2, 2, 2 (the weighted mean).
    const H = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 2]);
    const c = Float64Array.from([-3, -1, -4]);
    const x = solveMonotoneQp(H, c, 3, [{ first: 0, length: 3, sign: 1 }], new Float64Array(3));
    for (const v of x) expect(v).toBeCloseTo(2, 9);
  });

  it('finds a point no worse than any other rising point, with coupled parameters', () => {
    const k = 5;
    const H = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      H[i * k + i] = 3;
      if (i + 1 < k) H[i * k + i + 1] = H[(i + 1) * k + i] = 1;
    }
    const c = Float64Array.from([1, -2, 3, -1, 0.5]);
    const chains = [{ first: 1, length: 4, sign: -1 as const }];
    const x = solveMonotoneQp(H, c, k, chains, new Float64Array(k));
    for (let j = 1; j < 4; j++) expect(x[j + 1]).toBeLessThanOrEqual(x[j] + 1e-12);
    const best = objective(H, c, x);
    // Random feasible points (projections of random points) never beat it.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 4 - 2;
    for (let t = 0; t < 500; t++) {
      const y = projectMonotone(Float64Array.from({ length: k }, random), chains);
      expect(objective(H, c, y)).toBeGreaterThanOrEqual(best - 1e-9);
    }
  });
});

describe('a GAM factor constrained to rise', () => {
  it('never lowers the risk for a higher value, even where the data dip', async () => {
    // Five ordered bins whose observed violation rates dip in the middle: 20%, 40%, 10%, 50%, 60%.
    const rates = [0.2, 0.4, 0.1, 0.5, 0.6];
    const perBin = 200;
    const rows = rates.length * perBin;
    const bins = new Int32Array(rows);
    const labels = new Uint8Array(rows);
    rates.forEach((rate, b) => {
      for (let k = 0; k < perBin; k++) {
        bins[b * perBin + k] = b + 1;
        labels[b * perBin + k] = k < rate * perBin ? 1 : 0;
      }
    });
    const base: GamDesign = { rows, bins, factorBins: [6], ordered: [true], nuisance: null, nuisanceLevels: 0, labels };
    const hyper = { ...DEFAULT_HYPER, smoothness: 0.01, l2: 0.01 };
    const free = await fitGam(base, hyper, 1);
    const rising = await fitGam({ ...base, monotone: [1] }, hyper, 1);
    const t = rising.terms[0];
    expect(free.terms[0][3]).toBeLessThan(free.terms[0][2]); // the free fit follows the dip
    for (let b = 1; b + 1 < t.length; b++) expect(t[b + 1]).toBeGreaterThanOrEqual(t[b] - 1e-9);
    // The dip is pooled with its neighbour; the ends keep their own levels.
    expect(t[2]).toBeCloseTo(t[3], 6);
    expect(t[5]).toBeGreaterThan(t[4]);
  });
});
