import { join } from 'node:path';
import { solveSpd } from '../fit/linear-solve.util';
import { toDayNumber } from '../spec/date.util';
import { readCsvTable } from '../table/csv-table.util';
import type { TableRow } from '../table/table-factors.util';
import { auc, chicagoDaysEarlier, firstHalfShare } from './metrics.util';

/**
 * The yardstick measured against its own publication: the Chicago data set's README gives figures of
 * plain logistic regressions on its published split. Fitting the same regression here (the city's
 * features, transformed as the city's `30a_glmnet_model.R` does) must reproduce them through this
 * library's measures, so a "days earlier" reported by `backtest` means what the city's does.
 */
const CSV = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'chicago', 'chicago_inspections.csv');

/** The city's ten features: counts capped at one, licence age as "over four years", heat capped. */
function cityFeatures(r: TableRow): number[] {
  const n = (column: string) => Number(r[column]);
  return [
    Math.min(n('past_serious'), 1),
    Math.min(n('past_critical'), 1),
    n('time_since_last'),
    n('age_at_inspection') > 4 ? 1 : 0,
    n('consumption_on_premises'),
    n('tobacco'),
    n('temperature_max'),
    Math.min(n('heat_burglary'), 70),
    Math.min(n('heat_sanitation'), 70),
    Math.min(n('heat_garbage'), 50),
  ];
}

/** Unpenalised logistic regression by Newton's method (R's glm), returning the coefficients. */
function logisticRegression(x: number[][], y: number[]): Float64Array {
  const k = x[0].length;
  const w = new Float64Array(k);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Float64Array(k);
    const hessian = new Float64Array(k * k);
    x.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * w[j], 0)));
      for (let a = 0; a < k; a++) {
        gradient[a] += (p - y[i]) * row[a];
        for (let b = 0; b < k; b++) hessian[a * k + b] += p * (1 - p) * row[a] * row[b];
      }
    });
    const step = solveSpd(hessian, gradient, k);
    step.forEach((s, j) => (w[j] -= s));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
}

describe('the Chicago measures reproduce the data set’s published reference figures', () => {
  const rows = readCsvTable(CSV);
  const day = (r: TableRow) => toDayNumber(r.inspection_date);
  const train = rows.filter((r) => day(r) < toDayNumber('2014-08-02'));
  const test = rows.filter((r) => day(r) >= toDayNumber('2014-09-02') && day(r) <= toDayNumber('2014-10-31'));
  const teams = [...new Set(rows.map((r) => r.sanitarian))].sort();
  const label = (r: TableRow) => Number(r.critical_found);

  function measure(withTeam: boolean) {
    // An intercept, the ten features, and one indicator per team but the first (R's treatment coding).
    const design = (r: TableRow) => [1, ...cityFeatures(r), ...(withTeam ? teams.slice(1).map((t) => (r.sanitarian === t ? 1 : 0)) : [])];
    const w = logisticRegression(train.map(design), train.map(label));
    const scores = test.map((r) => design(r).reduce((s, v, j) => s + v * w[j], 0));
    const labels = test.map(label);
    const days = test.map(day);
    return { daysEarlier: chicagoDaysEarlier(scores, labels, days), firstHalf: firstHalfShare(scores, labels, days), auc: auc(scores, labels) };
  }

  it('uses the published split: 17,116 training and 1,665 test inspections', () => {
    expect([train.length, test.length]).toEqual([17_116, 1_665]);
  });

  it('the city’s features with the inspector team: 7.59 days earlier, first half 69.2 % against 55.1 %, AUC 0.675', () => {
    const m = measure(true);
    expect(m.daysEarlier).toBeCloseTo(7.59, 2);
    expect(m.firstHalf.riskOrdered).toBeCloseTo(0.692, 3);
    expect(m.firstHalf.baseline).toBeCloseTo(0.551, 3);
    expect(m.auc).toBeCloseTo(0.675, 3);
  });

  it('the same without the team: 2.22 days earlier, first half 57.0 %, AUC 0.571', () => {
    const m = measure(false);
    expect(m.daysEarlier).toBeCloseTo(2.22, 2);
    expect(m.firstHalf.riskOrdered).toBeCloseTo(0.57, 3);
    expect(m.auc).toBeCloseTo(0.571, 3);
  });
});
