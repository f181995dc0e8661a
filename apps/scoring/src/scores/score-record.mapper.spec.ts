import { binCount, fitEncoders, GAM_MODEL_FORMAT, loadBuiltInSpec, scoreBatch, type FactorValues, type GamModel } from '@tianping/risk-model';
import type { StoredScore } from './scores.repository';
import { explainStored, suggestionFigures, toScoreRecord } from './score-record.mapper';

describe("a score's suggestions as the enterprise's page reads them", () => {
  const spec = loadBuiltInSpec('twelve-factor');
  const listed: FactorValues = { ...Object.fromEntries(spec.factors.map((f) => [f.name, null])), abnormal_listed: true };
  const encoders = fitEncoders(spec, [listed, { ...listed, abnormal_listed: false }]);
  const model: GamModel = {
    format: GAM_MODEL_FORMAT,
    version: 'hand@1',
    spec,
    encoders,
    base: -1.5,
    // Being listed raises the odds; leaving the list is the step suggested.
    terms: spec.factors.map((f, i) => (f.name === 'abnormal_listed' ? [0, -0.2, 0.9] : new Array<number>(binCount(encoders[i])).fill(0))),
    calibration: { slope: 1, offset: 0 },
    nuisance: null,
    training: {} as GamModel['training'],
  };
  const policy = { version: 'p', thresholds: { yellow: 0.2, red: 0.4 } };
  const batch = scoreBatch(model, [listed], policy);
  const stored: StoredScore = {
    id: '7',
    credit_code: '91440605MA4UJ1234X',
    as_of: '2026-11-01',
    probability: batch.probability[0],
    logit: batch.logit[0],
    colour: batch.colour[0],
    contributions: Array.from(batch.contributions),
    factor_values: spec.factors.map((f) => listed[f.name] ?? null),
    computed_at: new Date('2026-11-01T00:00:00Z'),
    run_id: '1',
    model_version: 'hand@1',
    policy_version: 'p',
  };

  it("gives each the step without a figure and the probability after it, on the score's own scale, leaving the record as published", () => {
    const [explanation] = explainStored(model, policy, [stored]);
    const record = toScoreRecord(model, stored, explanation);
    const [figure] = suggestionFigures(record, explanation);
    expect(figure.factor).toBe('abnormal_listed');
    expect({ zh: figure.zh, en: figure.en }).toEqual({ zh: record.suggestions[0].zh, en: record.suggestions[0].en });
    expect(figure.change.zh).not.toMatch(/%/);
    expect(figure.change.en).not.toMatch(/%/);
    expect(record.suggestions[0].en.startsWith(figure.change.en)).toBe(true);
    // The step moves the logit from 0.9 to -0.2: the probability after it is σ(logit − 1.1), below the score's.
    expect(figure.probabilityAfter).toBeCloseTo(1 / (1 + Math.exp(-(stored.logit - 1.1))), 12);
    expect(figure.probabilityAfter).toBeLessThan(record.probability);
  });
});
