import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it('takes a long password that mixes kinds of characters', () => {
    expect(passwordWeakness('correct horse battery', 'ada@example.com')).toBeNull();
    expect(passwordWeakness('Tr0ub4dor&3x!', null)).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters rather than UTF-16 units', () => {
    expect(passwordWeakness('Short1!pass', null)).toMatch(/at least 12/);
    expect(passwordWeakness('😀😀😀😀😀😀a', null)).toMatch(/at least 12/);
  });

  it('refuses a password of one kind of character', () => {
    expect(passwordWeakness('abcdefghijklmnop', null)).toMatch(/two kinds/);
    expect(passwordWeakness('ABCDEFGHIJKLMNOP', null)).toMatch(/two kinds/);
    expect(passwordWeakness('1234567890123', null)).toMatch(/two kinds/);
    expect(passwordWeakness('!!!!!!!!!!!!!!!', null)).toMatch(/two kinds/);
    expect(passwordWeakness('ééééééééééééx1', null)).toBeNull();
  });

  it("refuses a password containing the email's local part, whatever its case", () => {
    expect(passwordWeakness('my-AdaLovelace-2024', 'adalovelace@example.com')).toMatch(/email/);
    expect(passwordWeakness('Ada-is-not-a-secret', 'ada@example.com')).toMatch(/email/);
  });

  it('ignores a local part too short to mean anything', () => {
    expect(passwordWeakness('xylophone-Quartz', 'x@example.com')).toBeNull();
  });

  it('refuses an absurdly long password', () => {
    expect(passwordWeakness('a1'.repeat(600), null)).toMatch(/at most/);
  });
});
