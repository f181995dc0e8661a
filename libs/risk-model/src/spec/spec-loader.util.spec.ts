import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltInSpec, loadSpecFile, parseSpec } from './spec-loader.util';

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

  it('refuses advice the fitted shape could contradict: a factor to lower must never lower the risk as it grows', () => {
    const loosened = (name: string, change: Record<string, unknown>) => ({
      ...spec,
      factors: spec.factors.map((f) => (f.name === name ? { ...f, ...change } : f)),
    });
    expect(() => parseSpec(loosened('shared_address_count', { monotone: undefined }))).toThrow(/told to decrease it.*"monotone": "increasing"/);
    expect(() => parseSpec(loosened('abnormal_listed', { monotone: 'decreasing' }))).toThrow(/"monotone": "increasing"/);
    expect(() => parseSpec(loosened('legal_rep_changes_2y', { lowerRiskDirection: 'increase' }))).toThrow(/told to increase it.*"monotone": "decreasing"/);
    // Advice with no direction ("any") and factors nobody is told to change keep their free shape.
    expect(() => parseSpec(loosened('shared_address_count', { monotone: undefined, lowerRiskDirection: 'any' }))).not.toThrow();
    expect(() => parseSpec(loosened('shared_address_count', { monotone: undefined, actionable: false }))).not.toThrow();
  });

  it('accepts the shipped specs, whose actionable factors are all conduct', () => {
    expect(() => parseSpec(actionable('complaints_12m'))).not.toThrow();
    for (const name of ['twelve-factor', 'chicago-enterprise', 'chicago-with-team'] as const) expect(() => loadBuiltInSpec(name)).not.toThrow();
  });
});

describe("a hand-written spec's mistakes are named before any fit", () => {
  const spec = loadBuiltInSpec('chicago-enterprise');
  const withFactor = (at: number, change: (f: Record<string, unknown>) => Record<string, unknown>) => ({
    ...spec,
    factors: spec.factors.map((f, i) => (i === at ? change({ ...f }) : f)),
  });
  const history = spec.factors.findIndex((f) => f.source.from === 'history' && f.source.stat === 'priorRate');

  it.each([
    ['an unknown kind', withFactor(0, (f) => ({ ...f, kind: 'number' })), /kind must be "numeric", "categorical" or "boolean"/],
    ['an unknown transform', withFactor(0, (f) => ({ ...f, transform: 'log' })), /transform must be one of "none", "log1p"/],
    ['no source', withFactor(0, ({ source: _, ...f }) => f), /needs a source/],
    ['a column source without its column', withFactor(0, (f) => ({ ...f, source: { from: 'column' } })), /names its column/],
    [
      'an unknown history stat',
      withFactor(history, (f) => ({ ...f, source: { from: 'history', stat: 'priorMean', column: 'x' } })),
      /history stat must be one of/,
    ],
    ['a rate without its column', withFactor(history, (f) => ({ ...f, source: { from: 'history', stat: 'priorRate' } })), /priorRate names the column/],
    ['a window of no days', withFactor(history, (f) => ({ ...f, source: { from: 'history', stat: 'priorCount', windowDays: 0 } })), /windowDays/],
    ['an unknown extractor', withFactor(0, (f) => ({ ...f, source: { from: 'enterprise', extractor: 'age' } })), /extractor must be one of "yearsInOperation"/],
    ['a penalty given as one number', { ...spec, fit: { ...spec.fit, l2: 30 } }, /fit: l2 must be a list of the values to try/],
    ['bins that are not a whole number', { ...spec, fit: { ...spec.fit, maxBins: 2.5 } }, /fit: maxBins must be a whole number/],
    ['a table without its label column', { ...spec, table: { ...spec.table, labelColumn: '' } }, /table: labelColumn must name a column/],
  ])('%s', (_, broken, message) => {
    expect(() => parseSpec(broken)).toThrow(message);
  });

  it('a file that is not JSON is named with the parser’s reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    writeFileSync(join(dir, 'broken.json'), '{"id": "x", ');
    expect(() => loadSpecFile(join(dir, 'broken.json'))).toThrow(/spec file .*broken\.json is not valid JSON/);
  });
});
