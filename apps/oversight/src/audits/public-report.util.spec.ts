import { canonicalJson } from '@tianping/audit-log';
import { fairnessCell, fixtureReport, ONE_RED_VIOLATOR } from './audit-report.fixture';
import { factorDrift } from './drift.util';
import type { FairnessCell } from './fairness.util';
import { FAMILIES, type Family, type PublicFairnessAudit, type PublicFairnessGroup } from './public-fairness.util';
import { publicReport, withheldCells, type AuditReportBody } from './public-report.util';

const cell = (over: Partial<FairnessCell>) => fairnessCell({ ageBucket: 4, ...over });

/**
 * Three districts of 40, 35 and 50 enterprises and one (440699) of a single enterprise, red, drawn,
 * inspected at random and found in violation: exactly what a small district must not tell.
 */
const CELLS = [
  cell({
    district: '440604',
    population: 40,
    flagged: 20,
    selected: 24,
    inspected: 24,
    violations: 10,
    sampleInspections: 12,
    sampleViolations: 5,
    truePositives: 4,
    falsePositives: 3,
    predictedSum: 5,
  }),
  cell({
    district: '440605',
    industry: 'F',
    population: 35,
    flagged: 5,
    selected: 8,
    inspected: 8,
    violations: 2,
    sampleInspections: 6,
    sampleViolations: 2,
    truePositives: 1,
    falsePositives: 1,
    predictedSum: 1.5,
  }),
  cell({
    district: '440606',
    population: 50,
    flagged: 10,
    selected: 15,
    inspected: 15,
    violations: 6,
    sampleInspections: 15,
    sampleViolations: 6,
    truePositives: 3,
    falsePositives: 2,
    predictedSum: 4.5,
  }),
  cell({ district: '440699', industry: 'Q', ...ONE_RED_VIOLATOR }),
];

function report(cells: FairnessCell[]): AuditReportBody {
  const industry = factorDrift(
    'industry',
    new Map([
      ['level:C', 90],
      ['level:F', 35],
    ]),
    new Map([
      ['level:C', 90],
      ['level:F', 35],
      ['level:Q', 1],
    ]),
  );
  const abnormal = factorDrift(
    'abnormal_listed',
    new Map([['level:false', 125]]),
    new Map([
      ['level:false', 124],
      ['level:true', 2],
    ]),
  );
  return fixtureReport('r-1', cells, { minGroupSize: 5, factors: [industry, abnormal] });
}

/** Every count a family publishes, so what a reader can subtract: population, selected, flagged; inspections, violations; … */
const COUNTS: Record<Family, (g: PublicFairnessGroup) => (number | null | undefined)[]> = {
  population: (g) => [g.population, g.selectionRate?.count, g.flaggedRate?.count],
  inspections: (g) => [g.violationFoundRate?.total, g.violationFoundRate?.count],
  sample: (g) => [g.sample.inspections, g.sample.observed?.count],
  truePositiveRate: (g) => [g.sample.truePositiveRate?.total, g.sample.truePositiveRate?.count],
  falsePositiveRate: (g) => [g.sample.falsePositiveRate?.total, g.sample.falsePositiveRate?.count],
};

/** Per dimension and family, the withheld groups and what subtraction gives of them: only their sums, each of k or more. */
function subtraction(copy: PublicFairnessAudit, k: number) {
  const found: { dimension: string; family: Family; groups: string[]; sizes: number[] }[] = [];
  for (const d of copy.dimensions) {
    for (const family of FAMILIES) {
      if (copy.overall.withheld?.[family]) continue;
      const overall = COUNTS[family](copy.overall) as number[];
      const hidden = d.groups.filter((g) => g.withheld?.[family]);
      if (hidden.length === 0) continue;
      const published = d.groups.filter((g) => !g.withheld?.[family]).map((g) => COUNTS[family](g) as number[]);
      const sizes = overall.map((total, i) => total - published.reduce((s, counts) => s + counts[i], 0));
      found.push({ dimension: d.dimension, family, groups: hidden.map((g) => g.group), sizes });
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(sizes[0]).toBeGreaterThanOrEqual(k);
    }
  }
  return found;
}

describe('the public copy of an audit report', () => {
  const full = report(CELLS);
  const copy = publicReport(full, 'a'.repeat(64), 10);

  it('has no figure of a one-enterprise district, and none that subtraction gives back', () => {
    const district = copy.fairness.dimensions.find((d) => d.dimension === 'district')!;
    const small = district.groups.find((g) => g.group === '440699')!;
    expect(small).toEqual({
      group: '440699',
      population: null,
      selectionRate: null,
      flaggedRate: null,
      violationFoundRate: null,
      sample: { inspections: null, truePositiveRate: null, falsePositiveRate: null, meanPredicted: null, observed: null, calibrationGap: null },
      withheld: { population: 'under-k', inspections: 'under-k', sample: 'under-k', truePositiveRate: 'under-k', falsePositiveRate: 'under-k' },
    });
    // Its population (1) with the next smallest (35 in 440605): 36, not 1.
    expect(district.groups.find((g) => g.group === '440605')!.withheld).toMatchObject({ population: 'complement' });
    const sums = subtraction(copy.fairness, 10);
    expect(sums.find((s) => s.dimension === 'district' && s.family === 'population')).toEqual({
      dimension: 'district',
      family: 'population',
      groups: ['440605', '440699'],
      sizes: [36, 9, 6],
    });
    // Industry Q is the same one enterprise, withheld with F; size and age hold everyone in one band, and publish it.
    expect(sums.map((s) => s.dimension)).not.toContain('size');
    const industry = copy.fairness.dimensions.find((d) => d.dimension === 'industry')!;
    expect(industry.groups.find((g) => g.group === 'Q')).toMatchObject({ population: null, flaggedRate: null, withheld: { population: 'under-k' } });
  });

  it('withholds the random-share rates of a group whose random share is withheld', () => {
    for (const d of copy.fairness.dimensions) {
      for (const g of d.groups) {
        if (g.withheld?.sample) expect(g.withheld).toMatchObject({ truePositiveRate: expect.any(String), falsePositiveRate: expect.any(String) });
      }
    }
    // 440606 has 15 random-share inspections (published) but only 6 with a violation behind its true-positive rate.
    const district = copy.fairness.dimensions.find((d) => d.dimension === 'district')!;
    const g = district.groups.find((x) => x.group === '440606')!;
    expect(g.sample.inspections).toBe(15);
    expect(g.withheld?.truePositiveRate).toBe('under-k');
    expect(g.sample.truePositiveRate).toBeNull();
    // 440605's 6 are withheld, with the one of 440699; 440604's 12 join them so that they count 19, not 7.
    expect(district.groups.map((x) => x.withheld?.sample ?? null)).toEqual(['complement', 'under-k', null, 'under-k']);
  });

  it('reads gaps and the headline from published groups only', () => {
    const district = copy.fairness.dimensions.find((d) => d.dimension === 'district')!;
    const selection = district.gaps.find((g) => g.metric === 'selectionRate')!;
    expect([selection.highest?.group, selection.lowest?.group]).toEqual(['440604', '440606']);
    // The full report compares 440605 (8 of 35 drawn) as the lowest: the public one cannot name it.
    expect(full.fairness.dimensions.find((d) => d.dimension === 'district')!.gaps.find((g) => g.metric === 'selectionRate')!.lowest?.group).toBe('440605');
    expect(JSON.stringify(copy.headline)).not.toContain('440605');
  });

  it('publishes how many reds await confirmation only when it counts k or more', () => {
    const awaiting = (n: number) =>
      publicReport({ ...full, fairness: { ...full.fairness, redAwaitingConfirmation: n } }, 'a'.repeat(64), 10).fairness.redAwaitingConfirmation;
    expect(awaiting(3)).toBeNull();
    expect(awaiting(0)).toBe(0);
    expect(awaiting(12)).toBe(12);
  });

  it("withholds the industry factor's drift bins when a section has fewer than k enterprises, and keeps its PSI", () => {
    const industry = copy.drift.factors.find((f) => f.factor === 'industry')!;
    expect(industry).toMatchObject({ bins: [], binsWithheld: 'under-k', psi: full.drift.factors[0].psi });
    // A factor that names no group keeps its bins, small or not.
    expect(copy.drift.factors.find((f) => f.factor === 'abnormal_listed')!.bins).toHaveLength(2);
    expect(copy.accuracy).toBe(full.accuracy);
  });

  it('says the rule and k, names the full report by its hash, and is the same bytes every time', () => {
    expect(copy.disclosure).toMatchObject({ minGroupSize: 10, reportSha256: 'a'.repeat(64) });
    expect(copy.disclosure.rule.zh).toContain('少于 10 家企业');
    expect(copy.disclosure.rule.en).toContain('fewer than 10 enterprises');
    expect(canonicalJson(publicReport(JSON.parse(canonicalJson(full)) as AuditReportBody, 'a'.repeat(64), 10))).toBe(canonicalJson(copy));
  });

  it('tells the officers which cells the public copy withholds', () => {
    expect(withheldCells(copy)).toMatchObject({
      minGroupSize: 10,
      overall: {},
      groups: { district: { '440699': { population: 'under-k' }, '440605': { population: 'complement' } } },
      driftFactors: ['industry'],
    });
  });

  it('withholds the whole of a city smaller than k, overall figures included', () => {
    const tiny = publicReport(
      report([cell({ district: '440604', population: 6, flagged: 2, inspected: 3, violations: 1 }), cell({ district: '440605', population: 3 })]),
      'b'.repeat(64),
      10,
    );
    expect(tiny.fairness.overall).toMatchObject({ population: null, selectionRate: null, violationFoundRate: null, withheld: { population: 'under-k' } });
    expect(tiny.fairness.dimensions.every((d) => d.groups.every((g) => g.population === null))).toBe(true);
  });

  it('publishes everything when every group counts k or more', () => {
    const big = CELLS.slice(0, 3).map((c) => ({
      ...c,
      inspected: 20,
      violations: 5,
      sampleInspections: 20,
      sampleViolations: 10,
      truePositives: 4,
      falsePositives: 2,
    }));
    const open = publicReport(report(big), 'c'.repeat(64), 10);
    expect(open.fairness.dimensions.flatMap((d) => d.groups).filter((g) => g.withheld)).toEqual([]);
    expect(open.fairness.dimensions.map((d) => d.gaps)).toEqual(report(big).fairness.dimensions.map((d) => d.gaps));
  });
});
