import { hashPassword, parsePasswordHash, verifyPassword } from './password-hash';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('carries the algorithm, its parameters and a salt in the string', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(parsePasswordHash(stored)?.params).toEqual({ N: 32768, r: 8, p: 1 });
  });

  it('verifies the password it was made from and nothing else', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash, so one password gives two different strings', async () => {
    const [a, b] = await Promise.all([hashPassword('same password 1', FAST), hashPassword('same password 1', FAST)]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same password 1', b)).resolves.toBe(true);
  });

  it('verifies a hash made with other parameters, read from its own string', async () => {
    const stored = await hashPassword('another password', { N: 2 ** 11, r: 4, p: 2 });
    await expect(verifyPassword('another password', stored)).resolves.toBe(true);
  });

  it('treats the same text in another Unicode normal form as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait 42', FAST);
    await expect(verifyPassword('cafe\u0301 au lait 42', stored)).resolves.toBe(true);
  });

  it('refuses strings it did not write, or with parameters out of bounds', async () => {
    expect(parsePasswordHash('plain')).toBeNull();
    expect(parsePasswordHash('scrypt$N=1000,r=8,p=1$c2FsdA$aGFzaA')).toBeNull();
    expect(parsePasswordHash('scrypt$N=4194304,r=8,p=1$c2FsdA$aGFzaA')).toBeNull();
    await expect(verifyPassword('x', 'bcrypt$2b$10$abc')).resolves.toBe(false);
  });
});
