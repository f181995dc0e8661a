import { PoisonMessage } from '@tianping/messaging';
import { colourPolicyEventRow, drawRow, enterpriseRows, inspectionRows, modelEventRow, scoreRows } from './audit-events.validator';

const score = {
  scoreId: 's-1',
  creditCode: '91440604MA4UJ8K20C',
  asOf: '2026-01-15',
  modelVersion: 'm-1',
  colourPolicyVersion: 'cp-1',
  probability: 0.42,
  logit: -0.3,
  base: -2,
  colour: 'yellow',
  reasons: [],
  suggestions: [],
  inputFingerprint: 'f',
  computedAt: '2026-01-15T02:00:00Z',
  contributions: [
    { factor: 'industry', value: 'C', contribution: 0.1 },
    { factor: 'employees', value: null, contribution: 0 },
    { factor: 'years_in_operation', value: 4.5, contribution: -0.2 },
  ],
};

describe('audit projections: events checked at the edge', () => {
  it('keeps each score with its factor values by name', () => {
    expect(scoreRows({ batchId: 'b', scores: [score] })).toEqual([
      {
        credit_code: '91440604MA4UJ8K20C',
        as_of: '2026-01-15',
        model_version: 'm-1',
        score_id: 's-1',
        computed_at: '2026-01-15T02:00:00Z',
        probability: 0.42,
        colour: 'yellow',
        factors: { industry: 'C', employees: null, years_in_operation: 4.5 },
      },
    ]);
  });

  it('refuses a whole batch with one malformed score', () => {
    expect(() => scoreRows({ batchId: 'b', scores: [score, { ...score, probability: 1.5 }] })).toThrow(PoisonMessage);
    expect(() => scoreRows({ batchId: 'b' })).toThrow(PoisonMessage);
  });

  it('turns a joint visit into one inspection per department, found when any of its items found a violation', () => {
    const rows = inspectionRows({
      visitId: 'v-1',
      creditCode: '91440604MA4UJ8K20C',
      date: '2026-02-03',
      officerIds: ['o-1'],
      at: '2026-02-03T09:00:00Z',
      items: [
        { item: 'fire exits', department: 'FIRE', result: '未发现问题' },
        { item: 'labels', department: 'SAMR', result: '未发现问题' },
        { item: 'scales', department: 'SAMR', result: '责令整改', violation: 'uncalibrated scale' },
      ],
    });
    expect(rows.map((r) => [r.department, r.violation_found])).toEqual([
      ['FIRE', false],
      ['SAMR', true],
    ]);
  });

  it('keeps each draw task with the reason it was drawn', () => {
    const row = drawRow({
      drawId: 'd-1',
      seed: 's',
      window: { from: '2026-02-01', to: '2026-02-28' },
      inputsFingerprint: 'x',
      modelSuspended: false,
      modelVersion: 'm-1',
      explorationShare: 0.1,
      tasks: [{ department: 'SAMR', creditCode: 'C1', reason: 'exploration' }],
      at: '2026-01-30T00:00:00Z',
    });
    expect(row).toMatchObject({
      draw_id: 'd-1',
      window_from: '2026-02-01',
      window_to: '2026-02-28',
      tasks: [{ department: 'SAMR', credit_code: 'C1', reason: 'exploration' }],
    });
    expect(() => drawRow({ drawId: 'd-2' })).toThrow(PoisonMessage);
  });

  it('takes only the group attributes from a subject, and identifies model and policy events by content', () => {
    const [enterprise] = enterpriseRows({
      batchId: 'b',
      records: [
        {
          creditCode: 'C1',
          name: 'x',
          establishedOn: '2019-05-01',
          employees: 12,
          industryCode: 'C1711',
          regionCode: '440604001',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      ],
    });
    expect(enterprise).toEqual({
      credit_code: 'C1',
      industry_code: 'C1711',
      region_code: '440604001',
      employees: 12,
      established_on: '2019-05-01',
      updated_at: '2026-01-01T00:00:00Z',
    });
    const event = {
      modelVersion: 'm-1',
      state: 'active',
      actor: 'a',
      specName: 'twelve-factor',
      trainingWindow: { from: '2023-01-01', to: '2025-06-30' },
      dataFingerprint: 'f',
      metrics: { validationAuc: 0.7 },
      at: '2026-01-01T00:00:00Z',
    };
    expect(modelEventRow(event).event_key).toBe(modelEventRow({ ...event }).event_key);
    expect(modelEventRow(event)).toMatchObject({ training_from: '2023-01-01', training_to: '2025-06-30', metrics: { validationAuc: 0.7 } });
    expect(() => colourPolicyEventRow({ version: 'cp', thresholds: { yellow: 0.2 }, state: 'active', actor: 'a', at: '2026-01-01T00:00:00Z' })).toThrow(
      PoisonMessage,
    );
  });

  it('names the fields that failed, never their values, so whoever reads the dead letter knows what to fix', () => {
    const visit = { visitId: 'v-1', creditCode: '91440604MA4UJ8K20C', date: '2026-02-03', at: '2026-02-03T09:00:00Z' };
    expect(() => inspectionRows({ ...visit, visitId: '', items: [{ department: 'SAMR', result: '未发现问题' }, { department: 'FIRE' }] })).toThrow(
      'visit result: malformed visitId, items[1].result',
    );
    expect(() => inspectionRows({ creditCode: '请回电 13800138000' })).toThrow('visit result: malformed visitId, date, at, items');
    expect(() => scoreRows({ scores: [score, { ...score, probability: 1.5 }] })).toThrow('score batch: malformed scores[1].probability');
    expect(() => enterpriseRows({ records: [{ creditCode: 'C1', updatedAt: 'yesterday' }] })).toThrow('subject batch: malformed records[0].updatedAt');
    expect(() =>
      drawRow({ drawId: 'd-2', window: { from: '2026-02-01', to: '2026-02-28' }, modelSuspended: false, at: '2026-01-30T00:00:00Z', tasks: ['x'] }),
    ).toThrow('draw: malformed tasks[0]');
    expect(() => colourPolicyEventRow({ version: 'cp', thresholds: { yellow: 0.2 }, state: 'active', actor: 'a', at: '2026-01-01T00:00:00Z' })).toThrow(
      'colour policy: malformed thresholds.red',
    );
    expect(() => modelEventRow({ modelVersion: 'm-1', state: 'active', actor: 'a', at: 'now' })).toThrow(
      'model version: malformed specName, trainingWindow, dataFingerprint, metrics, at',
    );
  });
});
