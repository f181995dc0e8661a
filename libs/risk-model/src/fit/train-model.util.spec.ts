import { fitGam, DEFAULT_HYPER, GamDesign } from './gam-fit.util';
import { MIN_INSPECTIONS_OF_EACH_OUTCOME, recencyWeights, trainGamModel } from './train-model.util';
import { generatedCitySpec, generateCityTable } from '../testing/generated-city.util';
import { computeTableFactors } from '../table/table-factors.util';
import { scoreBatch } from '../score/score-batch.util';
import { dayNumberToIso } from '../spec/date.util';

/** A two-factor design with a clear effect in factor 0, small enough to fit in milliseconds. */
function smallDesign(): GamDesign {
  const rows = 400;
  const bins = new Int32Array(rows * 2);
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    bins[i * 2] = 1 + (i % 3);
    bins[i * 2 + 1] = 1 + ((i * 7) % 2);
    labels[i] = (i % 3 === 2 ? i % 2 : i % 5 === 0) ? 1 : 0;
  }
  return { rows, bins, factorBins: [4, 3], ordered: [true, false], nuisance: null, nuisanceLevels: 0, labels };
}

describe('recency weights', () => {
  it('halve every half-life back from the last day and average one', () => {
    const w = recencyWeights([0, 100, 200], 100)!;
    expect(w[1] / w[2]).toBeCloseTo(0.5, 6);
    expect(w[0] / w[2]).toBeCloseTo(0.25, 6);
    expect((w[0] + w[1] + w[2]) / 3).toBeCloseTo(1, 6);
  });

  it('are absent when no half-life is set, so every row weighs one', () => {
    expect(recencyWeights([0, 1, 2], undefined)).toBeNull();
  });
});

describe('weighted fitting', () => {
  it('a row of weight two fits as that row twice', async () => {
    const d = smallDesign();
    const doubled: GamDesign = {
      ...d,
      rows: d.rows + 1,
      bins: Int32Array.from([...d.bins, d.bins[0], d.bins[1]]),
      labels: Uint8Array.from([...d.labels, d.labels[0]]),
    };
    const weights = new Float32Array(d.rows).fill(1);
    weights[0] = 2;
    const hyper = { ...DEFAULT_HYPER, maxIterations: 20 };
    const a = await fitGam({ ...d, weights }, hyper, 1);
    const b = await fitGam(doubled, hyper, 1);
    // Centring is over rows, which differ; the logit of each bin combination must agree.
    for (const b0 of [1, 2, 3]) {
      const za = a.intercept + a.terms[0][b0] + a.terms[1][1];
      const zb = b.intercept + b.terms[0][b0] + b.terms[1][1];
      expect(Math.abs(za - zb)).toBeLessThan(1e-3);
    }
  });
});

describe('training without early stopping', () => {
  it('lets the penalty alone regularise and records the choice with the model', async () => {
    const spec = { ...generatedCitySpec(), fit: { maxBins: 6, validationDays: 120, smoothness: [30], l2: [3], nuisanceL2: [3], earlyStopping: false } };
    const table = computeTableFactors(generateCityTable(600, 3), spec);
    const data = { factors: table.factors, labels: table.labels, days: table.days, nuisance: table.nuisance };
    const model = await trainGamModel(spec, data, { seed: 1, halfLifeDays: 365 });
    expect(model.training.hyper.earlyStopping).toBe(false);
    expect(model.training.hyper.halfLifeDays).toBe(365);
    // Run to convergence: more than the one or two steps early stopping tends to keep.
    expect(model.training.iterations).toBeGreaterThan(2);
    expect(model.terms.every((t) => t.every(Number.isFinite))).toBe(true);
  });
});

describe("a spec that constrains a factor's shape", () => {
  it('yields a model whose contribution never falls as that factor rises, even after calibration', async () => {
    const city = generatedCitySpec();
    const factors = city.factors.map((f) =>
      f.name === 'age' ? { ...f, monotone: 'decreasing' as const } : f.name === 'prior_rate' ? { ...f, monotone: 'increasing' as const } : f,
    );
    const spec = { ...city, factors, fit: { maxBins: 12, validationDays: 120, smoothness: [1], l2: [0.1], nuisanceL2: [3], earlyStopping: false } };
    const table = computeTableFactors(generateCityTable(800, 4), spec);
    const model = await trainGamModel(spec, { factors: table.factors, labels: table.labels, days: table.days, nuisance: table.nuisance }, { seed: 2 });
    const term = (name: string) => model.terms[spec.factors.findIndex((f) => f.name === name)].slice(1); // bin 0 (missing) is free
    const age = term('age');
    const prior = term('prior_rate');
    for (let b = 0; b + 1 < age.length; b++) expect(age[b + 1]).toBeLessThanOrEqual(age[b] + 1e-9);
    for (let b = 0; b + 1 < prior.length; b++) expect(prior[b + 1]).toBeGreaterThanOrEqual(prior[b] - 1e-9);
  });
});

describe('training on data with nothing to learn from', () => {
  const spec = generatedCitySpec();
  const city = () => {
    const table = computeTableFactors(generateCityTable(600, 1), spec);
    return { factors: table.factors, labels: table.labels, days: table.days, nuisance: table.nuisance };
  };
  const lastDay = (days: Int32Array) => days.reduce((m, d) => Math.max(m, d), -Infinity);
  const inValidation = (days: Int32Array, day: number) => day > lastDay(days) - 120;

  it('refuses when no training inspection found a violation, rather than scoring everyone near zero', async () => {
    const data = city();
    data.labels.fill(0);
    await expect(trainGamModel(spec, data, { seed: 1 })).rejects.toThrow(/no inspection in the training period found a violation/);
  });

  it('refuses when every training inspection found one', async () => {
    const data = city();
    data.labels.fill(1);
    await expect(trainGamModel(spec, data, { seed: 1 })).rejects.toThrow(/every inspection in the training period found a violation/);
  });

  it('refuses when too few training inspections found a violation to learn from', async () => {
    const data = city();
    let kept = 0;
    data.labels.forEach((y, i) => {
      if (y === 1 && ++kept > MIN_INSPECTIONS_OF_EACH_OUTCOME - 1) data.labels[i] = 0;
    });
    await expect(trainGamModel(spec, data, { seed: 1 })).rejects.toThrow(
      `cannot train: only ${MIN_INSPECTIONS_OF_EACH_OUTCOME - 1} of the ${data.labels.length} inspections in the training period found a violation; a fit needs at least ${MIN_INSPECTIONS_OF_EACH_OUTCOME} of each outcome`,
    );
  });

  it('says how long the period is and how much validation holds back when it is too short to split', async () => {
    const data = city();
    const last = lastDay(data.days);
    data.days.forEach((d, i) => (data.days[i] = last - (i % 60)));
    await expect(trainGamModel(spec, data, { seed: 1 })).rejects.toThrow(
      `training period too short for a validation split: its inspections run from ${dayNumberToIso(last - 59)} to ${dayNumberToIso(last)}, and the last ${spec.fit!.validationDays} days are held back to validate; train on a longer period`,
    );
  });

  it('fits, uncalibrated and saying why, when the validation split holds one outcome only: it can neither choose nor calibrate', async () => {
    const data = city();
    data.days.forEach((d, i) => {
      if (inValidation(data.days, d)) data.labels[i] = 0;
    });
    const model = await trainGamModel(spec, data, { seed: 1 });
    expect(model.calibration).toEqual({ slope: 1, offset: 0 });
    expect(model.training.validation).toMatchObject({ auc: null, ece: null, logLoss: null });
    expect(model.training.validation.unusable).toMatch(/no inspection in the validation split .*found a violation/);
    // Still a model of the whole period's risk: finite, and not everyone near zero.
    const probabilities = scoreBatch(model, data.factors, { version: 'p', thresholds: { yellow: 0.2, red: 0.4 } }).probability;
    expect(probabilities.every((p) => Number.isFinite(p) && p > 1e-4 && p < 1)).toBe(true);
  });

  it('does the same when the months before the validation split hold one outcome only', async () => {
    const data = city();
    data.days.forEach((d, i) => {
      if (!inValidation(data.days, d)) data.labels[i] = 0;
    });
    const model = await trainGamModel(spec, data, { seed: 1 });
    expect(model.calibration).toEqual({ slope: 1, offset: 0 });
    expect(model.training.validation.unusable).toMatch(/no inspection in the months before the validation split .*found a violation/);
  });
});
