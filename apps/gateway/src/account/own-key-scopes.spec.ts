import { DomainError, Principal } from '@switchyard/contracts';
import { ownKeyScopes } from './own-key-scopes';

const caller = (over: Partial<Principal>): Principal => ({
  userId: 'u',
  keyId: 'ses_1',
  role: 'user',
  scopes: ['inference', 'usage:read'],
  ...over,
});

function refusal(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return `${(e as DomainError).code} ${(e as DomainError).param}`;
  }
}

describe('ownKeyScopes', () => {
  it('defaults to inference and takes any subset of what the caller holds and their role allows', () => {
    expect(ownKeyScopes(caller({}), undefined)).toEqual(['inference']);
    expect(ownKeyScopes(caller({}), ['usage:read'])).toEqual(['usage:read']);
    expect(ownKeyScopes(caller({ role: 'admin', scopes: ['inference', 'usage:read', 'admin'] }), ['admin'])).toEqual(['admin']);
  });

  it("refuses admin to a non-admin, whatever their key says, and any scope the caller's own key lacks", () => {
    expect(refusal(() => ownKeyScopes(caller({ scopes: ['inference', 'usage:read', 'admin'] }), ['admin']))).toBe('invalid_value scopes');
    expect(refusal(() => ownKeyScopes(caller({ scopes: ['usage:read'] }), undefined))).toBe('invalid_value scopes');
    expect(refusal(() => ownKeyScopes(caller({ role: 'admin', scopes: ['inference'] }), ['admin']))).toBe('invalid_value scopes');
  });
});
