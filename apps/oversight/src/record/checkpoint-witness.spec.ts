import { witnessSeconds } from './checkpoint-witness';

describe('witnessSeconds (AUDIT_WITNESS_SECONDS)', () => {
  it('is 10 s unless set, and refuses what is no interval', () => {
    expect(witnessSeconds({})).toBe(10);
    expect(witnessSeconds({ AUDIT_WITNESS_SECONDS: '2.5' })).toBe(2.5);
    for (const bad of ['0', '-1', 'ten', '86400'])
      expect(() => witnessSeconds({ AUDIT_WITNESS_SECONDS: bad })).toThrow(/AUDIT_WITNESS_SECONDS must be 1 to 3600/);
  });
});
