import { binCount, fitEncoders } from '../encoding/bin-encoder.util';
import { GAM_MODEL_FORMAT, GamModel } from '../model/gam.model';
import { loadBuiltInSpec } from '../spec/spec-loader.util';
import { FactorSpec, FactorValues } from '../spec/factor-spec.model';
import { scoreBatch } from './score-batch.util';

const POLICY = { version: 'p', thresholds: { yellow: 0.2, red: 0.4 } };

/** A model over `spec` whose terms are all zero but the given ones: a fit that data unlike the demo could give. */
function handModel(spec: FactorSpec, rows: FactorValues[], terms: Record<string, number[]>): GamModel {
  const encoders = fitEncoders(spec, rows);
  return {
    format: GAM_MODEL_FORMAT,
    version: 'hand@1',
    spec,
    encoders,
    base: -1.5,
    terms: spec.factors.map((f, i) => terms[f.name] ?? new Array<number>(binCount(encoders[i])).fill(0)),
    calibration: { slope: 1, offset: 0 },
    nuisance: null,
    training: {} as GamModel['training'],
  };
}

describe('what an enterprise could change', () => {
  const spec = loadBuiltInSpec('twelve-factor');
  const enterprise = (abnormal: boolean | null): FactorValues => ({
    ...Object.fromEntries(spec.factors.map((f) => [f.name, null])),
    abnormal_listed: abnormal,
  });

  it('never tells an enterprise that is not on the abnormal list to leave it, even where the fit ranks "not listed" riskier', () => {
    // Bins: missing, false, true. Here "not listed" raised the risk and "listed" lowered it.
    const model = handModel(spec, [enterprise(false), enterprise(true)], { abnormal_listed: [0, 0.3, -0.5] });
    const notListed = scoreBatch(model, [enterprise(false)], POLICY).explain(0);
    expect(notListed.factors.find((f) => f.factor === 'abnormal_listed')!.contribution).toBeGreaterThan(0);
    expect(notListed.suggestions.map((s) => s.factor)).not.toContain('abnormal_listed');
  });

  it('tells a listed enterprise to leave the list when being listed raises its risk', () => {
    const model = handModel(spec, [enterprise(false), enterprise(true)], { abnormal_listed: [0, -0.2, 0.6] });
    const listed = scoreBatch(model, [enterprise(true)], POLICY).explain(0);
    const suggestion = listed.suggestions.find((s) => s.factor === 'abnormal_listed')!;
    expect(suggestion.contributionAfter).toBeCloseTo(-0.2, 12);
  });
});
