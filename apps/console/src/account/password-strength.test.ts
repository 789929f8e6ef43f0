import { describe, expect, it } from 'vitest';
import { isStrongEnough, passwordRules } from './password-strength';

const unmet = (password: string, email?: string) =>
  passwordRules(password, email)
    .filter((r) => !r.met)
    .map((r) => r.id);

describe('password rules', () => {
  it('names each rule a password misses', () => {
    expect(unmet('short1A')).toEqual(['length']);
    expect(unmet('alllowercaseletters')).toEqual(['classes']);
    expect(unmet('123456789012')).toEqual(['classes']);
    expect(unmet('Ada-Lovelace-1815', 'ada.lovelace@example.com')).toEqual([]);
    expect(unmet('my ada.lovelace pass 1', 'Ada.Lovelace@example.com')).toEqual(['email']);
  });

  it('accepts a long mixed password', () => {
    expect(isStrongEnough('correct horse 42 battery', 'ada@example.com')).toBe(true);
    expect(isStrongEnough('', 'ada@example.com')).toBe(false);
  });
});
