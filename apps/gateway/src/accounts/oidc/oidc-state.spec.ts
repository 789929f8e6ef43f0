import { clearedPendingCookie, pendingCookie, readPending } from './oidc-state';

const pending = { state: 'a'.repeat(43), nonce: 'b'.repeat(43), verifier: 'c'.repeat(43) };

describe('the pending OpenID sign-in cookie', () => {
  it('reads back what it wrote, among other cookies', () => {
    const cookie = pendingCookie(pending, false).split(';')[0];
    expect(readPending(`theme=dark; ${cookie}; other=1`)).toEqual(pending);
  });

  it('is HttpOnly, SameSite=Lax (the callback comes from another site), scoped to /auth/oidc, short-lived, Secure over https', () => {
    expect(pendingCookie(pending, false)).toMatch(/; Path=\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
    expect(pendingCookie(pending, true)).toMatch(/; Secure$/);
    expect(clearedPendingCookie(false)).toMatch(/^switchyard_oidc=; .*Max-Age=0/);
  });

  it('refuses an absent, malformed or tampered-looking value', () => {
    expect(readPending(undefined)).toBeNull();
    expect(readPending('switchyard_oidc=')).toBeNull();
    expect(readPending('switchyard_oidc=not-json')).toBeNull();
    const odd = Buffer.from(JSON.stringify({ ...pending, state: 'x y' })).toString('base64url');
    expect(readPending(`switchyard_oidc=${odd}`)).toBeNull();
    const missing = Buffer.from(JSON.stringify({ state: pending.state })).toString('base64url');
    expect(readPending(`switchyard_oidc=${missing}`)).toBeNull();
  });
});
