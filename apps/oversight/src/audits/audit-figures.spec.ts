import { accuracyFigures, sampleOf } from './accuracy.util';
import { bandLabel, SIZE_BANDS } from './audit-groups.util';
import { lastCompleteQuarter, quarterOf, resolvePeriod } from './audit-period.util';
import { binLabel, cutPoints, factorDrift } from './drift.util';
import { fairnessCell } from './audit-report.fixture';
import { fairnessByDimension, type FairnessCell } from './fairness.util';

const cell = (over: Partial<FairnessCell>) => fairnessCell({ ageBucket: 2, ...over });

describe('audit periods', () => {
  it('knows the calendar quarters', () => {
    expect(quarterOf('2026-02-14')).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2026Q1' });
    expect(quarterOf('2024-12-31')).toEqual({ from: '2024-10-01', to: '2024-12-31', label: '2024Q4' });
  });

  it('schedules the last quarter that has ended in China, even when it is still the previous day in UTC', () => {
    // 2026-04-01 01:00 in Beijing is 2026-03-31 17:00 UTC: Q1 has ended there.
    expect(lastCompleteQuarter(new Date('2026-03-31T17:00:00Z'))).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(lastCompleteQuarter(new Date('2026-03-31T15:00:00Z'))).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('defaults an on-demand period to the quarter so far, and refuses impossible dates', () => {
    expect(resolvePeriod(undefined, undefined, new Date('2026-05-20T04:00:00Z'))).toEqual({ from: '2026-04-01', to: '2026-05-20' });
    expect(() => resolvePeriod('2026-02-30', undefined, new Date())).toThrow(RangeError);
    expect(() => resolvePeriod('2026-03-02', '2026-03-01', new Date())).toThrow(RangeError);
  });
});

describe('fairness by group', () => {
  it('adds up cells per dimension and reads rates, intervals and gaps per group', () => {
    const cells = [
      cell({
        district: '440604',
        sizeBucket: 0,
        population: 40,
        selected: 20,
        flagged: 16,
        inspected: 20,
        violations: 8,
        sampleInspections: 10,
        sampleViolations: 4,
        truePositives: 3,
        falsePositives: 2,
        predictedSum: 3.5,
      }),
      cell({
        district: '440605',
        sizeBucket: 0,
        population: 60,
        selected: 12,
        flagged: 6,
        inspected: 12,
        violations: 3,
        sampleInspections: 10,
        sampleViolations: 2,
        truePositives: 1,
        falsePositives: 1,
        predictedSum: 1.5,
      }),
      cell({ district: null, sizeBucket: null, population: 5, selected: 1 }),
    ];
    const [industry, district, size] = fairnessByDimension(cells, 30);
    expect(industry.groups.map((g) => [g.group, g.population])).toEqual([['C', 105]]);
    expect(district.groups.map((g) => g.group)).toEqual(['440604', '440605', 'unknown']);
    const chancheng = district.groups[0];
    expect(chancheng.selectionRate).toMatchObject({ count: 20, total: 40, rate: 0.5 });
    expect(chancheng.sample.truePositiveRate).toMatchObject({ count: 3, total: 4, rate: 0.75 });
    expect(chancheng.sample.falsePositiveRate).toMatchObject({ count: 2, total: 6 });
    expect(chancheng.sample.calibrationGap).toBeCloseTo(0.4 - 0.35, 12);
    const selection = district.gaps.find((g) => g.metric === 'selectionRate')!;
    // The unknown district has only 5 enterprises: below 30, it is shown but not compared.
    expect(selection).toMatchObject({ groupsCompared: 2, highest: { group: '440604', value: 0.5 }, lowest: { group: '440605', value: 0.2 } });
    expect(selection.difference).toBeCloseTo(0.3, 12);
    expect(selection.ratio).toBeCloseTo(0.4, 12);
    expect(size.groups.map((g) => g.group)).toEqual(['0-9', 'unknown']);
  });

  it('names size bands from width_bucket results, unknown for a missing value', () => {
    expect([0, 1, 2, 3, null].map((b) => bandLabel(SIZE_BANDS, b))).toEqual(['0-9', '10-99', '100-999', '1000+', 'unknown']);
  });
});

describe('accuracy on the random share', () => {
  it('sorts inspections by why they were drawn', () => {
    expect(['exploration', 'random', 'risk', 'complaint', 'follow-up', null].map(sampleOf)).toEqual([
      'random',
      'random',
      'model',
      'complaint',
      'follow-up',
      'unmatched',
    ]);
  });

  it('measures the random share apart from the model-chosen one and shows the selection effect', () => {
    const figures = accuracyFigures([
      { reason: 'exploration', probability: 0.9, colour: 'red', violationFound: true },
      { reason: 'exploration', probability: 0.2, colour: 'green', violationFound: false },
      { reason: 'random', probability: 0.6, colour: 'yellow', violationFound: false },
      { reason: 'exploration', probability: null, colour: null, violationFound: true },
      { reason: 'risk', probability: 0.8, colour: 'red', violationFound: true },
      { reason: 'risk', probability: 0.7, colour: 'red', violationFound: true },
    ]);
    expect(figures.samples.random).toMatchObject({ inspections: 4, unscored: 1, violationRate: { count: 1, total: 3 } });
    expect(figures.samples.random.auc?.value).toBe(1);
    expect(figures.samples.random.atRed).toMatchObject({ flagged: 1, truePositiveRate: { rate: 1 }, falsePositiveRate: { count: 0, total: 2 } });
    expect(figures.samples.random.atYellowOrRed.falsePositiveRate).toMatchObject({ count: 1, total: 2 });
    expect(figures.samples.model.violationRate.rate).toBe(1);
    expect(figures.selectionEffect.difference).toBeCloseTo(1 - 1 / 3, 12);
    expect(figures.samples.all.inspections).toBe(6);
  });
});

describe('drift', () => {
  it('labels bins by the baseline cut points', () => {
    const edges = cutPoints([2, 2, 5, 8.5]);
    expect(edges).toEqual([2, 5, 8.5]);
    expect(['bin:0', 'bin:1', 'bin:3', 'level:C', 'null'].map((b) => binLabel(b, edges))).toEqual(['< 2', '[2, 5)', '≥ 8.5', 'C', 'unknown']);
  });

  it('gives each factor its PSI, verdict and shares bin by bin', () => {
    const same = factorDrift(
      'industry',
      new Map([
        ['level:C', 10],
        ['level:F', 30],
      ]),
      new Map([
        ['level:F', 3],
        ['level:C', 1],
      ]),
    );
    expect(same).toMatchObject({ psi: 0, verdict: 'stable', baselineCount: 40, currentCount: 4 });
    expect(same.bins.map((b) => b.label)).toEqual(['C', 'F']);
    const moved = factorDrift(
      'score',
      new Map([
        ['bin:0', 50],
        ['bin:1', 50],
      ]),
      new Map([
        ['bin:0', 25],
        ['bin:1', 75],
      ]),
      [0.5],
    );
    expect(moved.psi).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 12);
    expect(moved.verdict).toBe('significant-shift');
  });
});
