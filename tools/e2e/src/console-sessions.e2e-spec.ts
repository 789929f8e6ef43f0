import { apiCaller, eventually, RunningStack, startExtraGateway, startStackLikeNpmStart } from '@switchyard/testing';

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
    const chat = (origin: string) =>
      withCookie(cookie, 'POST', '/v1/chat/completions', { model: 'mock-gpt', messages: [{ role: 'user', content: 'hi' }] }, { origin });
    expect((await chat(sameOrigin)).status).toBe(200);
    const crossSite = await chat('http://evil.example');
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('permission_denied');
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

  it('tells the sign-in page which ways in there are', async () => {
    const methods = await call('GET', '/auth/methods', null);
    expect(methods.status).toBe(200);
    expect(methods.body).toEqual({ password: true, oidc: { enabled: false, start_url: '/auth/oidc/start' } });
  });

  it('lists your own sessions, revokes one of them (not another user’s), and signs out everywhere', async () => {
    const user = (await call('POST', '/admin/users', stack.adminKey, { name: 'Two browsers' })).body;
    const key = (await call('POST', `/admin/users/${user.id}/keys`, stack.adminKey, { scopes: ['inference', 'usage:read'] })).body;
    const laptop = (await signIn(key.key)).cookie;
    const phone = (await signIn(key.key)).cookie;
    const spare = (await signIn(key.key)).cookie;

    const listed = await withCookie(laptop, 'GET', '/auth/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(3);
    expect(listed.body.data.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneId = (await withCookie(phone, 'GET', '/auth/sessions')).body.data.find((s: { current: boolean }) => s.current).id;
    expect(phoneId).toMatch(/^ses_/);

    // the admin's session cannot revoke this user's session
    const { cookie: adminCookie } = await signIn(stack.adminKey);
    const foreign = await withCookie(adminCookie, 'DELETE', `/auth/sessions/${phoneId}`, undefined, { origin: sameOrigin });
    expect(foreign.status).toBe(404);
    expect((await withCookie(phone, 'GET', '/auth/session')).status).toBe(200);

    expect((await withCookie(laptop, 'DELETE', `/auth/sessions/${phoneId}`, undefined, { origin: sameOrigin })).status).toBe(204);
    expect((await withCookie(phone, 'GET', '/auth/session')).status).toBe(401);
    expect((await withCookie(laptop, 'GET', '/auth/sessions')).body.data).toHaveLength(2);

    const everywhere = await withCookie(laptop, 'POST', '/auth/sessions/revoke-all', undefined, { origin: sameOrigin });
    expect(everywhere.status).toBe(204);
    expect(everywhere.headers.get('set-cookie')).toMatch(/^switchyard_session=; Max-Age=0;/);
    for (const cookie of [laptop, spare]) expect((await withCookie(cookie, 'GET', '/v1/models')).status).toBe(401);
    expect((await withCookie(adminCookie, 'GET', '/auth/session')).status).toBe(200);
  });

  it('shows your account and lets you make, list and revoke your own keys within your role', async () => {
    const user = (await call('POST', '/admin/users', stack.adminKey, { name: 'Key maker', credits: 3 })).body;
    const key = (await call('POST', `/admin/users/${user.id}/keys`, stack.adminKey, { scopes: ['inference', 'usage:read'] })).body;
    const { cookie } = await signIn(key.key);

    const account = await withCookie(cookie, 'GET', '/v1/account');
    expect(account.status).toBe(200);
    expect(account.body).toEqual({
      object: 'account',
      user: { id: user.id, name: 'Key maker', email: null, role: 'user' },
      balance: 3,
      debt: 0,
      rate_limit: user.requests_per_minute,
    });

    const admin = await withCookie(cookie, 'POST', '/v1/keys', { name: 'sneaky', scopes: ['admin'] }, { origin: sameOrigin });
    expect(admin.status).toBe(400);
    expect(admin.body.error).toMatchObject({ code: 'invalid_value', param: 'scopes' });

    const made = await withCookie(cookie, 'POST', '/v1/keys', { name: 'laptop' }, { origin: sameOrigin });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'laptop', scopes: ['inference'], last_used_at: null, key: expect.stringMatching(/^sk-sy-/) });
    expect((await call('GET', '/v1/models', made.body.key)).status).toBe(200);

    const listed = await withCookie(cookie, 'GET', '/v1/keys');
    expect(listed.status).toBe(200);
    const mine = listed.body.data.find((k: { id: string }) => k.id === made.body.id);
    expect(mine.last_used_at).toBeGreaterThanOrEqual(made.body.created_at);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.key);

    // another user's key is not found; one's own is revoked at once
    const adminKeys = (await call('GET', '/v1/keys', stack.adminKey)).body.data;
    expect((await withCookie(cookie, 'DELETE', `/v1/keys/${adminKeys[0].id}`, undefined, { origin: sameOrigin })).status).toBe(404);
    const revoked = await withCookie(cookie, 'DELETE', `/v1/keys/${made.body.id}`, undefined, { origin: sameOrigin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    expect((await call('GET', '/v1/models', made.body.key)).status).toBe(401);
  });

  it('slows down an account after 5 failed sign-ins, and keeps every sign-in and failure in the audit log', async () => {
    const wrong = { email: 'slow@example.com', password: 'not the password at all' };
    for (let i = 0; i < 5; i++) expect((await call('POST', '/auth/sign-in', null, wrong)).status).toBe(401);
    const slowed = await call('POST', '/auth/sign-in', null, wrong);
    expect(slowed.status).toBe(429);
    expect(slowed.body.error.code).toBe('rate_limit_exceeded');
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    // another account from the same address is not slowed down by these
    expect((await call('POST', '/auth/sign-in', null, { ...wrong, email: 'other@example.com' })).status).toBe(401);

    await signIn(stack.adminKey);
    const signIns = await call('GET', '/admin/audit-log?action=auth.sign_in&limit=1', stack.adminKey);
    expect(signIns.body.data[0]).toMatchObject({
      action: 'auth.sign_in',
      after: { method: 'api_key' },
      caller_address: expect.any(String),
    });
    expect(signIns.body.data[0].target.id).toMatch(/^ses_/);
    const failures = await call('GET', '/admin/audit-log?action=auth.sign_in_failed&limit=100', stack.adminKey);
    expect(failures.body.data.length).toBeGreaterThanOrEqual(6);
    expect(failures.body.data[0]).toMatchObject({ actor: null, after: { method: 'password' }, caller_address: expect.any(String) });
    expect(JSON.stringify([signIns.body, failures.body])).not.toContain(stack.adminKey);
  });
});

describe('a revoked session is refused at once by every gateway', () => {
  let stack: RunningStack;
  let extra: { url: string; stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    // split: a second gateway that reaches billing over NATS and hears its broadcasts
    stack = await startStackLikeNpmStart({}, { mode: 'split' });
    extra = await startExtraGateway(stack);
  });

  afterAll(async () => {
    await extra?.stop();
    await stack?.stop();
  });

  it('drops the session on the other gateway when it signs out here, or when its key is revoked', async () => {
    const here = apiCaller(stack);
    const there = apiCaller({ gatewayUrl: extra!.url });
    const origin = new URL(stack.gatewayUrl).origin;
    await eventually('the second gateway to answer', async () => (await there('GET', '/v1/models', stack.adminKey)).status === 200, {
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    const signIn = async (key: string) => {
      const answer = await here('POST', '/auth/sign-in', null, { api_key: key }, { origin });
      expect(answer.status).toBe(200);
      return (answer.headers.get('set-cookie') ?? '').split(';')[0];
    };

    const cookie = await signIn(stack.adminKey);
    expect((await there('GET', '/auth/session', null, undefined, { cookie })).status).toBe(200); // now cached there
    expect((await here('POST', '/auth/sign-out', null, undefined, { cookie, origin })).status).toBe(204);
    expect((await there('GET', '/auth/session', null, undefined, { cookie })).status).toBe(401);

    const user = (await here('POST', '/admin/users', stack.adminKey, { name: 'Revoked elsewhere' })).body;
    const key = (await here('POST', `/admin/users/${user.id}/keys`, stack.adminKey, { scopes: ['inference'] })).body;
    const keyCookie = await signIn(key.key);
    expect((await there('GET', '/v1/models', null, undefined, { cookie: keyCookie })).status).toBe(200);
    expect((await here('DELETE', `/admin/users/${user.id}/keys/${key.id}`, stack.adminKey)).status).toBe(200);
    expect((await there('GET', '/v1/models', null, undefined, { cookie: keyCookie })).status).toBe(401);
  });
});
