/** What the start of a sign-in leaves in the browser for its callback: PKCE verifier, state and nonce. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
}

export const OIDC_COOKIE = 'switchyard_oidc';
/** a sign-in at the provider must end within this */
const MAX_AGE_SECONDS = 600;

/**
 * The cookie that carries a pending sign-in to the callback. SameSite=Lax, not Strict: the callback
 * is a navigation from the provider's site, and a Strict cookie would not come with it. Its values
 * are random per sign-in and only protect the browser that holds them (state against CSRF, PKCE
 * against a stolen code, nonce against a replayed ID token), so they need no server-side copy.
 */
export function pendingCookie(pending: OidcPending, secure: boolean): string {
  const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${OIDC_COOKIE}=${value}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`;
}

export function clearedPendingCookie(secure: boolean): string {
  return `${OIDC_COOKIE}=; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The pending sign-in in a Cookie header, or null when it is absent or not one we wrote. */
export function readPending(cookieHeader: string | undefined): OidcPending | null {
  const raw = cookieHeader
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${OIDC_COOKIE}=`))
    ?.slice(OIDC_COOKIE.length + 1);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    const fields = [parsed.state, parsed.nonce, parsed.verifier];
    if (!fields.every((f) => typeof f === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(f))) return null;
    return { state: parsed.state as string, nonce: parsed.nonce as string, verifier: parsed.verifier as string };
  } catch {
    return null;
  }
}
