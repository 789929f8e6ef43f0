import { maskKey, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a'.repeat(32));

  it('round-trips and never stores the plain key', () => {
    const sealed = box.seal('sk-upstream-secret');
    expect(sealed).not.toContain('sk-upstream-secret');
    expect(box.open(sealed)).toBe('sk-upstream-secret');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('refuses a tampered ciphertext or a different secret', () => {
    const sealed = box.seal('sk-upstream-secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('b'.repeat(32)).open(sealed)).toThrow();
  });

  it('masks keys', () => {
    expect(maskKey('sk-abcdefgh1234')).toBe('sk-...1234');
    expect(maskKey('short')).toBe('...');
  });
});
