import { loadBuiltInSpec, parseSpec } from './spec-loader.util';

describe('loading a spec with shape constraints', () => {
  const spec = loadBuiltInSpec('twelve-factor');

  it('keeps the constraint the default spec declares on past violations', () => {
    expect(spec.factors.find((f) => f.name === 'violations_3y')?.monotone).toBe('increasing');
  });

  it('refuses a constraint on a factor without an order, or an unknown shape', () => {
    const industry = spec.factors.findIndex((f) => f.kind === 'categorical');
    const withShape = (at: number, monotone: string) => ({ ...spec, factors: spec.factors.map((f, i) => (i === at ? { ...f, monotone } : f)) });
    expect(() => parseSpec(withShape(industry, 'increasing'))).toThrow(/categorical/);
    expect(() => parseSpec(withShape(0, 'upward'))).toThrow(/increasing or decreasing/);
  });
});

describe('what a spec may call actionable', () => {
  const spec = loadBuiltInSpec('twelve-factor');
  const actionable = (name: string) => ({
    ...spec,
    factors: spec.factors.map((f) => (f.name === name ? { ...f, actionable: true, change: { zh: '改变', en: 'change it' } } : f)),
  });

  it('refuses a spec that would have enterprises told to change their age, industry, size or inspection dates', () => {
    for (const name of ['years_in_operation', 'industry', 'registered_capital', 'shareholder_subscribed_capital', 'employees', 'days_since_last_inspection']) {
      expect(() => parseSpec(actionable(name))).toThrow(/cannot be actionable/);
    }
  });

  it('accepts the shipped specs, whose actionable factors are all conduct', () => {
    expect(() => parseSpec(actionable('complaints_12m'))).not.toThrow();
    for (const name of ['twelve-factor', 'chicago-enterprise', 'chicago-with-team'] as const) expect(() => loadBuiltInSpec(name)).not.toThrow();
  });
});
