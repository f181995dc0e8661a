import { backtestTable, generatedCitySpec, generateCityTable, modelToJson, scoreBatch, computeTableFactors } from '@tianping/risk-model';
import { modelFactors } from './model-factors.util';

describe('a model version’s factors, as the legal sign-off reads them', () => {
  it('names every factor of the spec with the exact range of its contribution', async () => {
    const spec = generatedCitySpec();
    const table = generateCityTable(1500, 11);
    const { model } = await backtestTable(table, spec, { trainUntil: '2021-06-01', testFrom: '2021-07-01', testTo: '2021-12-31', seed: 5 });
    const read = modelFactors(modelToJson(model));
    expect(read.version).toBe(model.version);
    expect(read.factors.map((f) => f.name)).toEqual(spec.factors.map((f) => f.name));
    // Every contribution a real score carries lies inside the range given for its factor.
    const scores = scoreBatch(model, computeTableFactors(table, spec).factors, { version: 'p', thresholds: { yellow: 0.2, red: 0.4 } });
    read.factors.forEach((f, j) => {
      expect(f.effect.low).toBeLessThanOrEqual(f.effect.high);
      for (let i = 0; i < scores.rows; i++) {
        const c = scores.contributions[i * read.factors.length + j];
        expect(c).toBeGreaterThanOrEqual(f.effect.low - 1e-9);
        expect(c).toBeLessThanOrEqual(f.effect.high + 1e-9);
      }
    });
    expect(read.factors.find((f) => f.name === spec.factors[0].name)?.label).toEqual(spec.factors[0].label);
  });
});
