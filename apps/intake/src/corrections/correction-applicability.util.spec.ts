import { distinctCorrections, judgeCorrection } from './correction-applicability.util';

const A = '91440604MA4UJ8K20C';
const B = '91440605MA52TQ0L32';

describe('whether a correction fits the record', () => {
  it('applies to a record in the file of the enterprise the appeal was about', () => {
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: A })).toEqual({ status: 'applied', reason: null });
    expect(judgeCorrection({ kind: 'case', recordId: 'C1', action: 'revoke' }, A, { creditCode: A }).status).toBe('applied');
  });

  it("does not apply to a record intake does not hold, or to another enterprise's record, and says why", () => {
    expect(judgeCorrection({ kind: 'clue', recordId: 'K9', action: 'mark-false' }, A, undefined)).toEqual({
      status: 'not-applicable',
      reason: 'intake holds no clue K9',
    });
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: B }).reason).toContain('linked to another enterprise');
    expect(judgeCorrection({ kind: 'clue', recordId: 'K1', action: 'unlink' }, A, { creditCode: null }).reason).toContain('linked to no enterprise');
    expect(judgeCorrection({ kind: 'case', recordId: 'C1', action: 'revoke' }, A, { creditCode: B }).reason).toContain('belongs to another enterprise');
  });

  it('does not apply an action that makes no sense for the kind of record', () => {
    expect(judgeCorrection({ kind: 'case', recordId: 'C1', action: 'unlink' }, A, { creditCode: A }).status).toBe('not-applicable');
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
