import { hashPassword, passwordProblem, UNUSABLE_HASH, verifyPassword } from './password.util';

describe('password hashing', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const stored = await hashPassword('correct horse 42');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse 42', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse 43', stored)).resolves.toBe(false);
  });

  it('salts each hash, so the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-1'), hashPassword('same-password-1')]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same-password-1', b)).resolves.toBe(true);
  });

  it('refuses malformed stored hashes and matches nothing against the unusable hash', async () => {
    await expect(verifyPassword('anything1', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('', UNUSABLE_HASH)).resolves.toBe(false);
  });

  it('asks for a password of some length with letters and digits', () => {
    expect(passwordProblem('short1')).toMatch(/10 characters/);
    expect(passwordProblem('onlyletterslong')).toMatch(/letters and digits/);
    expect(passwordProblem('letters-and-1-digit')).toBeNull();
  });
});
