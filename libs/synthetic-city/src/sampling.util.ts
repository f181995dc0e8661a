/** Small sampling helpers over a uniform draw, so callers decide which Prng stream pays for them. */
export function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  return weights.map((w) => (running += w / total));
}

export function pickWeighted(cumulativeWeights: readonly number[], uniform: number): number {
  for (let i = 0; i < cumulativeWeights.length; i++) if (uniform < cumulativeWeights[i]) return i;
  return cumulativeWeights.length - 1;
}

const NICE_STEPS = [1, 2, 3, 5];

/** Registered capital is declared in round figures (10, 50, 100, 300, 1000 万元...). */
export function roundNice(value: number): number {
  if (value < 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  let best = magnitude;
  for (const step of NICE_STEPS) if (Math.abs(step * magnitude - value) < Math.abs(best - value)) best = step * magnitude;
  if (Math.abs(10 * magnitude - value) < Math.abs(best - value)) best = 10 * magnitude;
  return best;
}
