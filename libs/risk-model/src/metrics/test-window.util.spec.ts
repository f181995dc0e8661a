import { Prng } from '@tianping/common';
import { bootstrapInterval } from './bootstrap.util';
import { auc, chicagoDaysEarlier, dateOrder, riskOrder } from './metrics.util';
import { countedAuc, countedDaysEarlier, testWindowMetrics } from './test-window.util';

/** A test window with tied scores and several inspections a day, where risk is weakly informative. */
function window(n: number, seed: number) {
  const prng = new Prng(seed);
  const score = Float64Array.from({ length: n }, () => Math.round(prng.normal() * 4) / 4);
  const labels = Uint8Array.from(score, (s) => (prng.next() < 1 / (1 + Math.exp(-(s - 1.5))) ? 1 : 0));
  const days = Int32Array.from({ length: n }, () => 16000 + prng.int(0, 59));
  return { score, labels, days, probability: Float64Array.from(score, (s) => 1 / (1 + Math.exp(-s))), truth: null };
}

describe('figures of a resampled test window', () => {
  it('with every row drawn once are the plain figures', () => {
    const w = window(500, 1);
    const ones = new Int32Array(500).fill(1);
    const byRisk = riskOrder(w.score, w.days);
    expect(countedAuc([...byRisk].reverse(), w.score, w.labels, ones)).toBeCloseTo(auc(w.score, w.labels), 12);
    expect(countedDaysEarlier(byRisk, dateOrder(w.days), w.labels, w.days, ones)).toBeCloseTo(chicagoDaysEarlier(w.score, w.labels, w.days), 12);
  });

  it('with rows drawn several times are the figures of the window with those rows repeated', () => {
    const w = window(300, 2);
    const prng = new Prng(3);
    const counts = Int32Array.from({ length: 300 }, () => prng.int(0, 3));
    const rows = Array.from(counts).flatMap((c, i) => Array<number>(c).fill(i));
    const pick = <T extends Float64Array | Uint8Array | Int32Array>(xs: T) => rows.map((i) => xs[i]);
    const byRisk = riskOrder(w.score, w.days);
    expect(countedAuc([...byRisk].reverse(), w.score, w.labels, counts)).toBeCloseTo(auc(pick(w.score), pick(w.labels)), 12);
    expect(countedDaysEarlier(byRisk, dateOrder(w.days), w.labels, w.days, counts)).toBeCloseTo(
      chicagoDaysEarlier(pick(w.score), pick(w.labels), pick(w.days)),
      12,
    );
  });
});

describe('bootstrap intervals', () => {
  it('hold the measured figure, are the same from the same seed, and narrow as the window grows', () => {
    const small = testWindowMetrics({ ...window(200, 4), seed: 9 });
    const again = testWindowMetrics({ ...window(200, 4), seed: 9 });
    const large = testWindowMetrics({ ...window(3200, 4), seed: 9 });
    expect(small.aucInterval).toEqual(again.aucInterval);
    expect(small.daysEarlierInterval).toEqual(again.daysEarlierInterval);
    expect(small.aucInterval[0]).toBeLessThan(small.auc);
    expect(small.aucInterval[1]).toBeGreaterThan(small.auc);
    expect(small.daysEarlierInterval[0]).toBeLessThan(small.daysEarlier);
    expect(small.daysEarlierInterval[1]).toBeGreaterThan(small.daysEarlier);
    const width = (i: [number, number]) => i[1] - i[0];
    expect(width(large.aucInterval)).toBeLessThan(width(small.aucInterval) / 2);
    expect(width(large.daysEarlierInterval)).toBeLessThan(width(small.daysEarlierInterval) / 2);
  });

  it('cover the mean of a known distribution about as often as they claim', () => {
    // 200 samples of 50 draws from {0, 1} with mean 0.3: a 90 % interval should miss 0.3 about 20 times.
    const prng = new Prng(5);
    let misses = 0;
    for (let k = 0; k < 200; k++) {
      const xs = Uint8Array.from({ length: 50 }, () => (prng.next() < 0.3 ? 1 : 0));
      const mean = (counts: Int32Array) => counts.reduce((s, c, i) => s + c * xs[i], 0) / 50;
      const [low, high] = bootstrapInterval(50, mean, { reps: 400, level: 0.9, seed: k });
      if (0.3 < low || 0.3 > high) misses++;
    }
    expect(misses).toBeGreaterThan(8);
    expect(misses).toBeLessThan(40);
  });

  it('are not given for a window too small for one, rather than a certainty it does not have', () => {
    // Two rows, one violation: half the resamples hold one outcome; the rest all rank it right.
    const tiny = testWindowMetrics({
      score: Float64Array.from([2, 1]),
      probability: Float64Array.from([0.6, 0.4]),
      labels: Uint8Array.from([1, 0]),
      days: Int32Array.from([16000, 16001]),
      truth: null,
      seed: 1,
    });
    expect(tiny.auc).toBe(1);
    expect(tiny.aucInterval.every(Number.isNaN)).toBe(true);
    expect(tiny.daysEarlierInterval.every(Number.isNaN)).toBe(true);
    // A statistic undefined on about 2 % of the resamples only still has its interval.
    const mostly = bootstrapInterval(100, (counts) => (counts[0] > 3 ? NaN : counts[1]), { reps: 400, seed: 2 });
    expect(mostly.every(Number.isFinite)).toBe(true);
  });
});

describe('a test window of one outcome', () => {
  it('says why its ranking figures are empty, and a window of both outcomes says nothing', () => {
    const w = window(120, 6);
    expect(testWindowMetrics({ ...w, seed: 1 }).note).toBeUndefined();
    for (const [label, which] of [
      [0, 'none of them found a violation'],
      [1, 'every one found a violation'],
    ] as const) {
      const figures = testWindowMetrics({ ...w, labels: new Uint8Array(120).fill(label), seed: 1 });
      expect(figures.note).toBe(
        `the test window holds 120 inspections and ${which}: AUC, capture, days earlier and first-half share need both outcomes, so they are empty; test on a longer window`,
      );
      expect(Number.isNaN(figures.auc)).toBe(true);
    }
  });
});
