import {
  aucReading,
  aucWithInterval,
  brierScore,
  calibrationBins,
  expectedCalibrationError,
  logLoss,
  newcombeDifference,
  populationStabilityIndex,
  proportion,
  proportionGap,
  stabilityVerdict,
  valueGap,
  wilsonInterval,
} from './audit-math.util';

const bins = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('Wilson intervals', () => {
  it('match the published figures', () => {
    // 5 of 10: the textbook example; 81 of 263: Newcombe (1998), method 3.
    expect(wilsonInterval(5, 10)).toEqual({ low: expect.closeTo(0.2366, 4), high: expect.closeTo(0.7634, 4) });
    expect(wilsonInterval(81, 263)).toEqual({ low: expect.closeTo(0.2553, 4), high: expect.closeTo(0.3662, 4) });
  });

  it('stay inside [0, 1] at the edges, where the normal approximation collapses to a point', () => {
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
  });

  it('say nothing about an empty group', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(proportion(0, 0)).toEqual({ count: 0, total: 0, rate: null, interval: null });
  });
});

describe('the difference of two shares (Newcombe method 10)', () => {
  it('matches Newcombe (1998) examples', () => {
    expect(newcombeDifference(proportion(56, 70), proportion(48, 80))).toEqual({ low: expect.closeTo(0.0524, 4), high: expect.closeTo(0.3339, 4) });
    expect(newcombeDifference(proportion(9, 10), proportion(3, 10))).toEqual({ low: expect.closeTo(0.1705, 4), high: expect.closeTo(0.809, 4) });
  });

  it('is null when either group is empty', () => {
    expect(newcombeDifference(proportion(1, 2), proportion(0, 0))).toBeNull();
  });
});

describe('population stability index', () => {
  it('is 0 for identical distributions, whatever their size', () => {
    expect(populationStabilityIndex(bins({ a: 10, b: 30, c: 60 }), bins({ a: 100, b: 300, c: 600 }))).toBeCloseTo(0, 12);
  });

  it('is Σ (a − e) ln(a / e) over the shares', () => {
    const expected = 0.25 * Math.log(2) + 0.25 * Math.log(1.5);
    expect(populationStabilityIndex(bins({ low: 50, high: 50 }), bins({ low: 25, high: 75 }))).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.2747, 4);
  });

  it('is symmetric', () => {
    const a = bins({ x: 5, y: 20, z: 75 });
    const b = bins({ x: 30, y: 30, z: 40 });
    expect(populationStabilityIndex(a, b)).toBeCloseTo(populationStabilityIndex(b, a) as number, 12);
  });

  it('floors an empty bin at 1e-4 so that a new category gives a large but finite index', () => {
    const psi = populationStabilityIndex(bins({ old: 100 }), bins({ old: 50, new: 50 }));
    expect(psi).toBeCloseTo(0.5 * Math.log(2) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), 9);
  });

  it('is undefined without observations on a side', () => {
    expect(populationStabilityIndex(bins({}), bins({ a: 1 }))).toBeNull();
  });

  it('is read as stable below 0.1 and significant above 0.25', () => {
    expect([0.05, 0.1, 0.2, 0.25, 0.9].map(stabilityVerdict)).toEqual(['stable', 'moderate-shift', 'moderate-shift', 'significant-shift', 'significant-shift']);
  });
});

describe('AUC with its Hanley–McNeil interval', () => {
  it('gives the known value and the standard error of Hanley and McNeil (1982)', () => {
    const estimate = aucWithInterval([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    // A = 0.75, Q1 = A/(2−A), Q2 = 2A²/(1+A), n+ = n− = 2.
    const a = 0.75;
    const se = Math.sqrt((a * (1 - a) + (a / (2 - a) - a * a) + ((2 * a * a) / (1 + a) - a * a)) / 4);
    expect(estimate?.value).toBe(0.75);
    expect(estimate?.interval.low).toBeCloseTo(0.75 - 1.959964 * se, 5);
    expect(estimate?.interval.high).toBe(1);
  });

  it('gives a perfect ranking of a few inspections a wide interval, not certainty', () => {
    const two = aucWithInterval([0.9, 0.1], [1, 0]);
    expect(two?.value).toBe(1);
    expect(two!.interval.high).toBe(1);
    expect(two!.interval.low).toBeLessThan(0.1);
    const wrong = aucWithInterval([0.1, 0.9], [1, 0]);
    expect(wrong?.value).toBe(0);
    expect(wrong!.interval.high).toBeGreaterThan(0.9);
    // Many inspections ranked perfectly: narrow, as it should be.
    const many = aucWithInterval(
      Array.from({ length: 400 }, (_, i) => i),
      Array.from({ length: 400 }, (_, i) => (i >= 200 ? 1 : 0)),
    );
    expect(many!.interval.low).toBeGreaterThan(0.99);
  });

  it('counts ties as one half and needs both outcomes', () => {
    expect(aucWithInterval([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1])?.value).toBe(0.5);
    expect(aucWithInterval([0.1, 0.9], [1, 1])).toBeNull();
  });
});

describe('calibration', () => {
  it('bins predictions by tenths and compares them with what was observed', () => {
    const calibration = calibrationBins([0.05, 0.05, 0.95, 0.95], [0, 1, 1, 1]);
    expect(calibration).toHaveLength(10);
    expect(calibration[0]).toMatchObject({ from: 0, to: 0.1, n: 2, meanPredicted: 0.05, observed: { count: 1, total: 2, rate: 0.5 } });
    expect(calibration[9]).toMatchObject({ from: 0.9, to: 1, n: 2, observed: { rate: 1 } });
    expect(calibration[5]).toMatchObject({ n: 0, meanPredicted: null, observed: { rate: null } });
    expect(expectedCalibrationError(calibration)).toBeCloseTo((2 * 0.45 + 2 * 0.05) / 4, 12);
  });

  it('puts a probability of exactly 1 in the last bin', () => {
    expect(calibrationBins([1], [1])[9].n).toBe(1);
  });

  it('scores probabilities by Brier score and log loss', () => {
    expect(brierScore([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(brierScore([], [])).toBeNull();
  });
});

describe('gaps between groups', () => {
  it('compares the highest and lowest share among groups large enough, with the Newcombe interval and the four-fifths ratio', () => {
    const gap = proportionGap(
      'selectionRate',
      [
        { group: 'A', value: proportion(56, 70) },
        { group: 'B', value: proportion(48, 80) },
        { group: 'tiny', value: proportion(0, 2) },
      ],
      10,
    );
    expect(gap).toMatchObject({ metric: 'selectionRate', groupsCompared: 2, highest: { group: 'A', value: 0.8 }, lowest: { group: 'B', value: 0.6 } });
    expect(gap.difference).toBeCloseTo(0.2, 12);
    expect(gap.ratio).toBeCloseTo(0.75, 12);
    expect(gap.interval?.low).toBeCloseTo(0.0524, 4);
  });

  it('has nothing to compare with fewer than two eligible groups', () => {
    expect(proportionGap('x', [{ group: 'A', value: proportion(1, 50) }], 10)).toMatchObject({ groupsCompared: 1, difference: null, interval: null });
  });

  it('compares plain numbers without an interval', () => {
    const gap = valueGap(
      'calibrationGap',
      [
        { group: 'A', value: 0.1, total: 40 },
        { group: 'B', value: -0.05, total: 40 },
        { group: 'C', value: null, total: 40 },
      ],
      30,
    );
    expect(gap).toMatchObject({ groupsCompared: 2, highest: { group: 'A' }, lowest: { group: 'B' }, interval: null, ratio: null });
    expect(gap.difference).toBeCloseTo(0.15, 12);
  });
});

describe('what the audit makes of a gap', () => {
  it('does not act on a ratio of 0 from a handful: the interval includes 0', () => {
    const gap = proportionGap(
      'selectionRate',
      [
        { group: 'A', value: proportion(2, 40) },
        { group: 'B', value: proportion(0, 35) },
      ],
      30,
    );
    expect(gap).toMatchObject({ ratio: 0, finding: 'not-significant', lowest: { group: 'B', count: 0, total: 35 } });
  });

  it('acts only on a real gap under four fifths, and watches a real one within them', () => {
    const wide = proportionGap(
      'selectionRate',
      [
        { group: 'A', value: proportion(300, 1000) },
        { group: 'B', value: proportion(100, 1000) },
      ],
      30,
    );
    expect(wide).toMatchObject({ finding: 'act' });
    const narrow = proportionGap(
      'selectionRate',
      [
        { group: 'A', value: proportion(2000, 20000) },
        { group: 'B', value: proportion(1800, 20000) },
      ],
      30,
    );
    expect(narrow.ratio).toBeGreaterThan(0.8);
    expect(narrow).toMatchObject({ finding: 'watch' });
  });

  it('compares nothing when fewer than two groups are big enough or all are at 0', () => {
    expect(proportionGap('x', [{ group: 'A', value: proportion(1, 50) }], 10).finding).toBe('not-compared');
    const zeros = proportionGap(
      'x',
      [
        { group: 'A', value: proportion(0, 50) },
        { group: 'B', value: proportion(0, 50) },
      ],
      10,
    );
    expect(zeros.finding).toBe('not-compared');
  });
});

describe('whether an AUC is a measurement', () => {
  it('is not on six inspections, whatever its value', () => {
    const labels = [1, 0, 1, 0, 0, 0];
    const reading = aucReading(aucWithInterval([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], labels), labels);
    expect(reading).toMatchObject({ measured: false, reason: 'too-few', violations: 2, clean: 4 });
  });

  it('is with enough inspections of each outcome and a narrow interval', () => {
    const labels = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const scores = labels.map((y, i) => (y ? 0.6 : 0.3) + (i % 7) * 0.01);
    expect(aucReading(aucWithInterval(scores, labels), labels)).toMatchObject({ measured: true, reason: null, violations: 50, clean: 150 });
  });
});
