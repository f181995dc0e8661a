import { distinctCorrections, judgeCorrection } from './correction-applicability.util';

const A = '91440604MA4UJ8K20C';
const B = '91440605MA52TQ0L32';

describe('whether a correction fits the record', () => {
  it('applies to a record in the file of the enterprise the appeal was about', () => {
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: A })).toEqual({ status: 'applied', code: null, reason: null });
    expect(judgeCorrection({ kind: 'case', recordId: 'C1', action: 'revoke' }, A, { creditCode: A }).status).toBe('applied');
  });

  it("does not apply to a record intake does not hold, or to another enterprise's record, and says why", () => {
    expect(judgeCorrection({ kind: 'clue', recordId: 'K9', action: 'mark-false' }, A, undefined)).toEqual({
      status: 'not-applicable',
      code: 'unknown-record',
      reason: 'intake holds no clue K9',
    });
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: B })).toMatchObject({
      code: 'other-enterprise',
      reason: expect.stringContaining('linked to another enterprise'),
    });
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: null })).toMatchObject({
      code: 'not-linked',
      reason: expect.stringContaining('linked to no enterprise'),
    });
    expect(judgeCorrection({ kind: 'case', recordId: 'C1', action: 'revoke' }, A, { creditCode: B })).toMatchObject({
      code: 'other-enterprise',
      reason: expect.stringContaining('belongs to another enterprise'),
    });
  });

  it('does not apply again what an earlier appeal of the same enterprise applied, naming that appeal', () => {
    const earlier = [{ kind: 'clue', recordId: 'K1', creditCode: A, action: 'unlink', appealId: 'AP-1' }] as const;
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: null }, earlier)).toMatchObject({
      code: 'already-applied',
      reason: expect.stringContaining('AP-1'),
    });
    // Another action, or the same one for another enterprise, is still judged on the record.
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'mark-false' }, A, { creditCode: A }, earlier).status).toBe('applied');
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, B, { creditCode: B }, earlier).status).toBe('applied');
  });

  it('does not apply an action that makes no sense for the kind of record', () => {
    expect(judgeCorrection({ kind: 'case', recordId: 'C1', action: 'unlink' }, A, { creditCode: A })).toMatchObject({
      status: 'not-applicable',
      code: 'wrong-action',
    });
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'revoke' }, A, { creditCode: A }).status).toBe('not-applicable');
  });

  it('takes a correction named twice once', () => {
    const twice = [
      { kind: 'clue', recordId: 'K1', action: 'unlink' },
      { kind: 'clue', recordId: 'K1', action: 'mark-false' },
      { kind: 'clue', recordId: 'K1', action: 'unlink' },
    ] as const;
    expect(distinctCorrections([...twice])).toHaveLength(2);
  });
});
