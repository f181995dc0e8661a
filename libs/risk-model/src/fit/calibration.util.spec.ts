import { Prng } from '@tianping/common';
import { fitLogitCalibration } from './calibration.util';

const calibrated = (z: number, c: { slope: number; offset: number }) => 1 / (1 + Math.exp(-(c.slope * z + c.offset)));

describe('calibration on the validation split', () => {
  it('stays finite and claims no certainty when a small split is separated perfectly', () => {
    // Two inspections each way, every violation ranked above every clean one: hard 0/1 targets have no optimum.
    const c = fitLogitCalibration([-1, -0.5, 0.5, 1], [0, 0, 1, 1]);
    expect(Number.isFinite(c.slope) && Number.isFinite(c.offset)).toBe(true);
    expect(c.slope).toBeLessThan(10);
    for (const z of [-1, -0.5, 0.5, 1]) {
      expect(calibrated(z, c)).toBeGreaterThan(0.1);
      expect(calibrated(z, c)).toBeLessThan(0.9);
    }
  });

  it('does not blow one violation among a hundred up into near-certainty', () => {
    const logits = Array.from({ length: 100 }, (_, i) => -2 + i / 100);
    const labels = logits.map((_, i) => (i === 99 ? 1 : 0));
    const c = fitLogitCalibration(logits, labels);
    expect(calibrated(logits[99], c)).toBeLessThan(0.7);
    expect(calibrated(logits[0], c)).toBeGreaterThan(1e-4);
  });

  it('leaves a large split where plain Platt scaling puts it', () => {
    const prng = new Prng(4).fork('calibration');
    const logits = Array.from({ length: 20_000 }, () => prng.normal(-1.5, 1));
    const labels = logits.map((z) => (prng.bernoulli(1 / (1 + Math.exp(-(0.8 * z + 0.2)))) ? 1 : 0));
    const c = fitLogitCalibration(logits, labels);
    expect(c.slope).toBeCloseTo(0.8, 1);
    expect(c.offset).toBeCloseTo(0.2, 1);
  });
});
