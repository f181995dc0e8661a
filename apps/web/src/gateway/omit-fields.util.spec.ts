import { omitFields } from './omit-fields.util';

describe('omitFields', () => {
  it('drops fields of objects and of every element of arrays, and nothing else', () => {
    const body = {
      colour: 'red',
      appeals: [
        { id: 'A-1', grounds: '张三 13800138000', challenges: [{ kind: 'clue', claim: 'not us' }], evidence: [{ n: 0 }] },
        { id: 'A-2', challenges: [] },
      ],
      decisions: { latest: { reasons: 'x', at: '2026-12-05' } },
    };
    const out = omitFields(body, ['appeals[].grounds', 'appeals[].challenges[].claim', 'appeals[].evidence', 'decisions.latest.reasons', 'missing[].x']);
    expect(out).toEqual({
      colour: 'red',
      appeals: [
        { id: 'A-1', challenges: [{ kind: 'clue' }] },
        { id: 'A-2', challenges: [] },
      ],
      decisions: { latest: { at: '2026-12-05' } },
    });
    expect(body.appeals[0].grounds).toBe('张三 13800138000'); // the original is untouched
  });

  it('drops a field of every element of an answer that is a list', () => {
    const body = [{ officerId: 'OFF-1', reason: '配偶在该企业任职' }, { officerId: 'OFF-2' }];
    expect(omitFields(body, ['[].reason'])).toEqual([{ officerId: 'OFF-1' }, { officerId: 'OFF-2' }]);
  });
});
