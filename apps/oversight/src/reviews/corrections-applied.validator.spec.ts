import { PoisonMessage } from '@tianping/messaging';
import { correctionsApplied } from './corrections-applied.validator';

const ACK = {
  appealId: 'AP-20261120-0A1B2C3D',
  creditCode: '91440604MA4UJ8K20C',
  verdicts: [
    { kind: 'clue', recordId: 'K-1', action: 'unlink', status: 'applied', reason: null },
    { kind: 'case', recordId: 'C-9', action: 'revoke', status: 'not-applicable', reason: 'other-enterprise' },
  ],
  batchIds: ['b-1'],
  at: '2026-11-20T08:00:01Z',
};

describe("oversight's check of intake's acknowledgement", () => {
  it('takes a whole acknowledgement, keeping only the contract fields', () => {
    const taken = correctionsApplied({ ...ACK, verdicts: [{ ...ACK.verdicts[0], extra: 'x' }, ACK.verdicts[1]], extra: true });
    expect(taken).toEqual({ ...ACK, at: '2026-11-20T08:00:01.000Z' });
  });

  it.each([
    ['no appeal', { ...ACK, appealId: '' }],
    ['a bad credit code', { ...ACK, creditCode: '91440604MA4UJ8K20X' }],
    ['no verdicts', { ...ACK, verdicts: [] }],
    ['an unknown reason', { ...ACK, verdicts: [{ ...ACK.verdicts[1], reason: 'because' }] }],
    ['an applied verdict with a reason', { ...ACK, verdicts: [{ ...ACK.verdicts[0], reason: 'other-enterprise' }] }],
    ['batches when nothing was applied', { ...ACK, verdicts: [ACK.verdicts[1]] }],
    ['no batch when something was applied', { ...ACK, batchIds: [] }],
    ['no time', { ...ACK, at: 'yesterday' }],
  ])('refuses one with %s', (_, payload) => {
    expect(() => correctionsApplied(payload)).toThrow(PoisonMessage);
  });
});
