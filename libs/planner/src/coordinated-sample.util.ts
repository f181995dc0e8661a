import { Prng, hashSeed } from '@tianping/common';

/**
 * Permanent random numbers (协调抽样): each enterprise gets one uniform number from the seed and its
 * credit code. A department takes the n smallest numbers in a stratum, which is a simple random
 * sample at its own ratio; departments sharing the numbers pick overlapping samples, so their
 * checks fall on the same enterprises and bundle into fewer visits.
 */
export function permanentRandomNumber(seed: string, stream: string, creditCode: string): number {
  return new Prng(hashSeed(`${seed}|${stream}|${creditCode}`)).next();
}

/** Indices 0..n-1 sorted by their random number (ties, vanishingly rare, by index). */
export function orderByNumber(numbers: Float64Array): Int32Array {
  const order = Int32Array.from({ length: numbers.length }, (_, i) => i);
  order.sort((a, b) => numbers[a] - numbers[b] || a - b);
  return order;
}

/** Rounds up with probability equal to the fraction, so expected sample sizes equal ratio × frame exactly. */
export function randomRound(value: number, prng: Prng): number {
  const whole = Math.floor(value);
  return whole + (prng.bernoulli(value - whole) ? 1 : 0);
}

/** Walks the order and keeps the first `count` indices that `accept` admits. */
export function takeSmallest(order: Int32Array, accept: (index: number) => boolean, count: number): number[] {
  const taken: number[] = [];
  for (let k = 0; k < order.length && taken.length < count; k++) {
    if (accept(order[k])) taken.push(order[k]);
  }
  return taken;
}
