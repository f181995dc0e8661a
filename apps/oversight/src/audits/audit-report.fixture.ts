/** Audit figures and reports built from hand-written counts, for the tests of what is published. */
import { accuracyFigures } from './accuracy.util';
import type { DriftAudit, FairnessAudit } from './audits.service';
import { driftComparison, type FactorDrift } from './drift.util';
import { fairnessByDimension, fairnessOverall, NO_COUNTS, type FairnessCell } from './fairness.util';
import type { AuditReportBody } from './public-report.util';
import { reportHeadline } from './report-headline.util';

export const FIXTURE_PERIOD = { from: '2026-01-01', to: '2026-03-31' };

/** One combination of industry, district, size and age: nothing counted unless told. */
export function fairnessCell(over: Partial<FairnessCell>): FairnessCell {
  return { industry: 'C', district: '440604', sizeBucket: 1, ageBucket: 2, ...NO_COUNTS, ...over };
}

/** The counts of one enterprise, red, drawn at random, inspected and found in violation: what a small group must not tell. */
export const ONE_RED_VIOLATOR: Partial<FairnessCell> = {
  population: 1,
  flagged: 1,
  selected: 1,
  inspected: 1,
  violations: 1,
  sampleInspections: 1,
  sampleViolations: 1,
  truePositives: 1,
  predictedSum: 0.7,
};

/** A stored report over these cells (fairness on the random share, red flagged), no inspections for accuracy, these factors' drift. */
export function fixtureReport(id: string, cells: FairnessCell[], options: { minGroupSize: number; factors: FactorDrift[] }): AuditReportBody {
  const fairness: FairnessAudit = {
    period: FIXTURE_PERIOD,
    flaggedColours: ['red'],
    sample: { name: 'random', reasons: ['exploration', 'random'] },
    minGroupSize: options.minGroupSize,
    overall: fairnessOverall(cells),
    redAwaitingConfirmation: 0,
    dimensions: fairnessByDimension(cells, options.minGroupSize),
  };
  const accuracy = { period: FIXTURE_PERIOD, model: null, ...accuracyFigures([]) };
  const scored = Math.max(0, ...options.factors.map((f) => f.currentCount));
  const drift: DriftAudit = {
    period: FIXTURE_PERIOD,
    modelVersion: 'm-1',
    trainingWindow: null,
    baselines: { factors: null, score: null },
    comparison: driftComparison(FIXTURE_PERIOD, []),
    current: { factors: scored, score: 0 },
    factors: options.factors,
    score: null,
    largestFactorShift: null,
  };
  return {
    format: 'tianping.algorithm-audit.v1',
    id,
    trigger: 'on-demand',
    period: FIXTURE_PERIOD,
    generatedAt: '2026-04-01T00:00:00.000Z',
    headline: reportHeadline(fairness, accuracy, drift),
    model: null,
    fairness,
    accuracy,
    drift,
    method: { zh: '方法', en: 'method' },
  };
}
