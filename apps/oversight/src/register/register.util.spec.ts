import { buildRegisterEntry, type RegisterFacts } from './register.util';

const facts: RegisterFacts = {
  generatedAt: '2026-04-02T00:00:00.000Z',
  deployment: { organization: null, contactEmail: 'algorithms@example.gov.cn', area: null, adoptingDecision: null },
  model: {
    version: 'm-2026.1',
    state: 'active',
    specName: 'twelve-factor',
    trainingWindow: { from: '2023-01-01', to: '2025-12-31' },
    dataFingerprint: 'abc',
    metrics: { validationAuc: 0.71, trainRows: 5000, trainPositives: 900 },
    approved: true,
    activatedAt: '2026-01-05T08:00:00.000Z',
  },
  factors: ['employees', 'industry'],
  scoring: { enterprises: 1200, latestAsOf: '2026-03-31', lastComputedAt: '2026-03-31T20:00:00.000Z' },
  colourPolicy: { version: 'cp-2', thresholds: { yellow: 0.2, red: 0.5 }, since: '2026-01-06T00:00:00.000Z' },
  killSwitch: { suspended: false, since: null },
  draws: { lastYear: 4, latestExplorationShare: 0.1, latestDrawAt: '2026-03-01T00:00:00.000Z', randomShareInspections: 40 },
  appeals: {},
  audits: { latest: null, latestPublished: null },
};

describe('the register entry', () => {
  it('fills the standard fields in Chinese and English from live facts', () => {
    const entry = buildRegisterEntry(facts);
    for (const key of ['goal', 'lawful_basis', 'source_data', 'methods_and_models', 'performance', 'human_intervention', 'objection_procedure'] as const) {
      expect(entry[key].zh.length).toBeGreaterThan(0);
      expect(entry[key].en.length).toBeGreaterThan(0);
    }
    expect(entry.status).toMatchObject({ value: 'operational', en: 'in operation' });
    expect(entry.methods_and_models.facts).toMatchObject({ modelVersion: 'm-2026.1', specName: 'twelve-factor' });
    expect(entry.performance.facts.validation).toEqual({ validationAuc: 0.71, trainRows: 5000, trainPositives: 900 });
    expect(entry.training_data.facts).toMatchObject({ trainingWindow: { from: '2023-01-01', to: '2025-12-31' }, trainRows: 5000 });
    expect(entry.contact_email).toEqual({ value: 'algorithms@example.gov.cn' });
    expect(entry.organization).toEqual({ zh: '未配置', en: 'not configured' });
    expect(entry.last_change_date).toBe('2026-01-06');
  });

  it('says so when the kill switch has suspended the model, and when no model is active', () => {
    expect(buildRegisterEntry({ ...facts, killSwitch: { suspended: true, since: '2026-03-02T00:00:00.000Z' } }).status.en).toMatch(
      /suspended by the kill switch/,
    );
    expect(buildRegisterEntry({ ...facts, model: null }).status).toMatchObject({ value: 'planned' });
  });
});
