import { rescoreCloses } from './appeal-rescore.util';
import type { SeenScore } from './colour-decisions.repository';

const score = (fields: Partial<SeenScore> = {}): SeenScore => ({
  creditCode: '91440604MA4UJ8K20C',
  scoreId: 'scoring-2',
  modelVersion: 'm-1',
  colourPolicyVersion: 'cp-1',
  colour: 'green',
  probability: 0.1,
  inputFingerprint: 'f',
  asOf: '2026-11-21',
  computedAt: '2026-11-21T02:00:00.000Z',
  ...fields,
});
const decidedAt = '2026-11-20T08:00:00.000Z';
const appeal = { scoreId: 'scoring-1', decidedAt, correctionBatches: ['b-clues', 'b-cases'], closesOnLaterScore: false };

describe('which score closes an appeal that corrected records', () => {
  it('is one whose inputs include every batch intake published with the corrections', () => {
    expect(rescoreCloses(appeal, score({ correctionBatches: ['b-cases', 'b-clues', 'b-earlier'] }))).toBe(true);
  });

  it('is not one computed after the decision from inputs without them, nor with only some of them', () => {
    expect(rescoreCloses(appeal, score())).toBe(false);
    expect(rescoreCloses(appeal, score({ correctionBatches: null }))).toBe(false);
    expect(rescoreCloses(appeal, score({ correctionBatches: ['b-clues'] }))).toBe(false);
  });

  it('is none until intake has acknowledged the corrections', () => {
    expect(rescoreCloses({ ...appeal, correctionBatches: null }, score({ correctionBatches: ['b-clues', 'b-cases'] }))).toBe(false);
  });

  it('is, for an appeal waiting since before acknowledgements, the first other score computed after the decision', () => {
    const old = { ...appeal, correctionBatches: null, closesOnLaterScore: true };
    expect(rescoreCloses(old, score())).toBe(true);
    expect(rescoreCloses(old, score({ computedAt: '2026-11-20T07:00:00.000Z' }))).toBe(false);
    expect(rescoreCloses(old, score({ scoreId: 'scoring-1' }))).toBe(false);
  });
});
