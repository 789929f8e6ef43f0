import { DomainError, Principal } from '@switchyard/contracts';
import { AccessLevel, authorize } from './access';
import { presentedKey } from './auth.service';

const principal = (over: Partial<Principal>): Principal => ({ userId: 'u', keyId: 'k', role: 'user', scopes: ['inference'], ...over });

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('authorize', () => {
  it('needs the inference scope for inference routes', () => {
    expect(codeOf(() => authorize(principal({}), 'inference'))).toBeNull();
    expect(codeOf(() => authorize(principal({ scopes: ['usage:read'] }), 'inference'))).toBe('AUTH_1015');
  });

  it('needs role admin and the admin scope for admin routes', () => {
    expect(codeOf(() => authorize(principal({ role: 'admin', scopes: ['admin'] }), 'admin'))).toBeNull();
    expect(codeOf(() => authorize(principal({ role: 'admin', scopes: ['inference'] }), 'admin'))).toBe('permission_denied');
    expect(codeOf(() => authorize(principal({ role: 'vip', scopes: ['admin'] }), 'admin'))).toBe('permission_denied');
  });

  it('lets usage:read or inference keys read usage', () => {
    expect(codeOf(() => authorize(principal({ scopes: ['usage:read'] }), 'usage'))).toBeNull();
    expect(codeOf(() => authorize(principal({ scopes: ['admin'] }), 'usage'))).toBe('permission_denied');
  });

  it('admits only console sessions at the session level, whatever their scopes', () => {
    expect(codeOf(() => authorize(principal({ keyId: 'ses_1', scopes: [] }), 'session'))).toBeNull();
    expect(codeOf(() => authorize(principal({ role: 'admin', scopes: ['admin', 'inference'] }), 'session'))).toBe('invalid_api_key');
  });

  it('admits no one at a level it does not know', () => {
    const admin = principal({ role: 'admin', scopes: ['admin', 'inference', 'usage:read'] });
    for (const level of [undefined, 'public', 'everyone']) {
      expect(codeOf(() => authorize(admin, level as AccessLevel))).toBe('permission_denied');
    }
  });
});

describe('presentedKey', () => {
  it('reads Bearer or x-api-key', () => {
    expect(presentedKey({ authorization: 'Bearer sk-1' })).toBe('sk-1');
    expect(presentedKey({ authorization: 'bearer  sk-2 ' })).toBe('sk-2');
    expect(presentedKey({ 'x-api-key': 'sk-3' })).toBe('sk-3');
    expect(presentedKey({ authorization: 'Basic abc' })).toBeNull();
    expect(presentedKey({})).toBeNull();
  });
});
