import { maskIdNumber, maskName, PiiVault } from './pii.util';

describe('personal data protection', () => {
  const vault = new PiiVault('test-secret');

  it('encrypts so that the stored text never contains the ID number, and decrypts it back', () => {
    const sealed = vault.encrypt('440604198703150018');
    expect(sealed).not.toContain('440604198703150018');
    expect(vault.decrypt(sealed)).toBe('440604198703150018');
  });

  it('gives every seal its own IV, across many refills of the IV pool, and each opens again', () => {
    const sealed = Array.from({ length: 2000 }, (_, i) => vault.encrypt(`陈明${i}`)!);
    const ivs = new Set(sealed.map((s) => Buffer.from(s.slice(3), 'base64').subarray(0, 12).toString('hex')));
    expect(ivs.size).toBe(sealed.length);
    expect(sealed.map((s) => vault.decrypt(s))).toEqual(sealed.map((_, i) => `陈明${i}`));
  });

  it('hashes with a key: equal inputs match, other keys do not', () => {
    expect(vault.keyedHash('44060519800101002X')).toBe(vault.keyedHash('44060519800101002X'));
    expect(new PiiVault('other').keyedHash('44060519800101002X')).not.toBe(vault.keyedHash('44060519800101002X'));
  });

  it('masks as the contract shows', () => {
    expect(maskIdNumber('440604198703150018')).toBe('4406**********0018');
    expect(maskName('陈明')).toBe('陈*');
    expect(maskName(null)).toBeNull();
  });
});
