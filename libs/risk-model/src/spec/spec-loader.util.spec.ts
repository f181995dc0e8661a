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
