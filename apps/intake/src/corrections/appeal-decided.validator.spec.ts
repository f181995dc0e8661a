import { PoisonMessage } from '@tianping/messaging';
import { appealDecided } from './appeal-decided.validator';

const valid = {
  appealId: 'AP-1',
  creditCode: '91440604ma4uj8k20c',
  scoreId: 'S-1',
  outcome: 'corrected',
  actor: 'overseer',
  at: '2026-11-20T08:00:00+08:00',
  corrections: [
    { kind: 'clue', recordId: ' K1 ', action: 'unlink' },
    { kind: 'case', recordId: 'C1', action: 'revoke' },
  ],
};

describe("an appeal decision at intake's edge", () => {
  it('is taken with its credit code and time normalised', () => {
    expect(appealDecided(valid)).toMatchObject({
      appealId: 'AP-1',
      creditCode: '91440604MA4UJ8K20C',
      at: '2026-11-20T00:00:00.000Z',
      corrections: [
        { kind: 'clue', recordId: 'K1', action: 'unlink' },
        { kind: 'case', recordId: 'C1', action: 'revoke' },
      ],
    });
  });

  it('may carry no corrections (upheld, overridden)', () => {
    expect(appealDecided({ ...valid, outcome: 'upheld', corrections: [] }).corrections).toEqual([]);
  });

  it.each([
    ['not an object', []],
    ['no appeal id', { ...valid, appealId: '' }],
    ['an invalid credit code', { ...valid, creditCode: '91440604MA4UJ8K20X' }],
    ['an unknown outcome', { ...valid, outcome: 'maybe' }],
    ['no corrections list', { ...valid, corrections: undefined }],
    ['an unknown action', { ...valid, corrections: [{ kind: 'clue', recordId: 'K1', action: 'delete' }] }],
    ['an unknown kind', { ...valid, corrections: [{ kind: 'subject', recordId: 'K1', action: 'unlink' }] }],
    ['a correction without a record', { ...valid, corrections: [{ kind: 'clue', action: 'unlink' }] }],
    ['no actor', { ...valid, actor: ' ' }],
    ['a time that is not one', { ...valid, at: 'yesterday' }],
  ])('is refused as poison with %s', (_what, payload) => {
    expect(() => appealDecided(payload)).toThrow(PoisonMessage);
  });
});
