import { apiCaller, RunningStack, startStackLikeNpmStart } from '@switchyard/testing';

/** The console's sessions: an API key signs in, the HttpOnly cookie alone then opens the API, within the key's scopes. */
describe('console sessions', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let sameOrigin: string;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    call = apiCaller(stack);
    sameOrigin = new URL(stack.gatewayUrl).origin;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Signs in with a key; the cookie as a browser would send it back, and the Set-Cookie as it came. */
  async function signIn(apiKey: string) {
    const answer = await call('POST', '/auth/sign-in', null, { api_key: apiKey }, { origin: sameOrigin });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0];
    return { answer, setCookie, cookie };
  }

  const withCookie = (cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(method, path, null, body, { cookie, ...headers });

  it('signs in with the admin key: a session with its scopes, in an HttpOnly, SameSite=Strict cookie for the whole site', async () => {
    const { answer, setCookie, cookie } = await signIn(stack.adminKey);
    expect(answer.body).toMatchObject({
      object: 'session',
      user: { name: 'admin', role: 'admin' },
      scopes: ['inference', 'usage:read', 'admin'],
      method: 'api_key',
    });
    expect(answer.body.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(cookie).toMatch(/^switchyard_session=[A-Za-z0-9_-]{43}$/);
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attributes).not.toContain('Secure'); // plain http here
    expect(JSON.stringify(answer.body)).not.toContain(cookie.split('=')[1]);

    // the cookie alone, no key
    expect((await withCookie(cookie, 'GET', '/admin/users')).status).toBe(200);
    expect((await withCookie(cookie, 'GET', '/v1/models')).status).toBe(200);
    const session = await withCookie(cookie, 'GET', '/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual(answer.body);
  });

  it('lets a cookie change something only from its own origin', async () => {
    const { cookie } = await signIn(stack.adminKey);
    const create = (headers: Record<string, string>) => withCookie(cookie, 'POST', '/admin/users', { name: 'from the console' }, headers);

    const foreign = await create({ origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: 'permission_denied', type: 'permission_error' });
    expect((await create({})).status).toBe(403);
    expect((await create({ origin: sameOrigin })).status).toBe(201);
    // a key needs no Origin: it is not sent by a browser on its own
    expect((await call('POST', '/admin/users', stack.adminKey, { name: 'by key' })).status).toBe(201);
  });

  it('refuses the cookie once signed out', async () => {
    const { cookie } = await signIn(stack.adminKey);
    const out = await withCookie(cookie, 'POST', '/auth/sign-out', undefined, { origin: sameOrigin });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^switchyard_session=; Max-Age=0;/);
    for (const path of ['/auth/session', '/v1/models', '/admin/users']) {
      const refused = await withCookie(cookie, 'GET', path);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('invalid_api_key');
    }
  });

  it("keeps an inference key's session within the key's scopes, and ends it when the key is revoked", async () => {
    const user = (await call('POST', '/admin/users', stack.adminKey, { name: 'Inference only', credits: 1 })).body;
    const key = (await call('POST', `/admin/users/${user.id}/keys`, stack.adminKey, { name: 'inference', scopes: ['inference'] })).body;
    const { answer, cookie } = await signIn(key.key);
    expect(answer.body).toMatchObject({ user: { id: user.id, role: 'user' }, scopes: ['inference'] });
    expect((await withCookie(cookie, 'GET', '/v1/models')).status).toBe(200);
    const admin = await withCookie(cookie, 'GET', '/admin/users');
    expect(admin.status).toBe(403);
    expect(admin.body.error.code).toBe('permission_denied');

    expect((await call('DELETE', `/admin/users/${user.id}/keys/${key.id}`, stack.adminKey)).status).toBe(200);
    expect((await withCookie(cookie, 'GET', '/v1/models')).status).toBe(401);
  });

  it('answers one invalid_credentials for a wrong key and (until local accounts) any email and password', async () => {
    for (const body of [
      { api_key: 'sk-sy-not-a-key-of-this-gateway-000000' },
      { email: 'someone@example.com', password: 'long enough password' },
    ]) {
      const refused = await call('POST', '/auth/sign-in', null, body);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: 'invalid_credentials', message: 'The API key, email or password is not correct' });
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect((await call('POST', '/auth/sign-in', null, {})).status).toBe(400);
    // another site may not sign a visitor in
    expect((await call('POST', '/auth/sign-in', null, { api_key: stack.adminKey }, { origin: 'http://evil.example' })).status).toBe(403);
    // a key is not a session
    expect((await call('GET', '/auth/session', stack.adminKey)).status).toBe(401);
  });
});
