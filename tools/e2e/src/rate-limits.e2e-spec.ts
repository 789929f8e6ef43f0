import {
  apiCaller,
  ApiAnswer,
  createUserWithKey,
  RunningStack,
  startExtraGateway,
  startStackLikeNpmStart,
  uncheckedFetch,
} from '@switchyard/testing';

/** Requests-per-minute limits as callers meet them, exact with two gateways on one NATS and Postgres. */
describe('rate limits', () => {
  let stack: RunningStack;
  let second: { url: string; stop(): Promise<void> };
  let first: ReturnType<typeof apiCaller>;
  let other: ReturnType<typeof apiCaller>;
  const admin = (method: string, path: string, body?: unknown) => first(method, path, stack.adminKey, body);

  async function mockRequestsMentioning(marker: string): Promise<number> {
    const { data } = (await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: { body: any }[] };
    return data.filter((r) => JSON.stringify(r.body ?? '').includes(marker)).length;
  }

  beforeAll(async () => {
    // split: a second gateway process shares the limit with the first, and reaches the services over NATS
    stack = await startStackLikeNpmStart({}, { mode: 'split' });
    second = await startExtraGateway(stack);
    first = apiCaller(stack);
    other = apiCaller({ gatewayUrl: second.url });
  });

  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
  });

  it('gives a 60/min user exactly 60 successes across two gateways; the rest get 429 and never reach the upstream', async () => {
    const { key } = await createUserWithKey(stack, { name: 'sixty' });
    const answers: ApiAnswer[] = [];
    for (let round = 0; round < 10; round++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? first : other)('POST', '/v1/chat/completions', key, {
              model: 'mock-gpt',
              messages: [{ role: 'user', content: `limit-marker-${round}-${i}` }],
            }),
          ),
        )),
      );
    }
    const ok = answers.filter((a) => a.status === 200);
    const limited = answers.filter((a) => a.status === 429);
    expect(ok).toHaveLength(60);
    expect(limited).toHaveLength(40);
    expect(await mockRequestsMentioning('limit-marker-')).toBe(60);

    for (const a of ok) {
      expect(a.headers.get('x-ratelimit-limit')).toBe('60');
      // with two gateways each one's figure counts what the other has leased as used (docs/architecture.md, rate limits)
      expect(Number(a.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
      expect(Number(a.headers.get('x-ratelimit-remaining'))).toBeLessThanOrEqual(59);
    }
    const nowSeconds = Date.now() / 1000;
    for (const a of limited) {
      expect(a.body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
      expect(a.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(a.headers.get('retry-after'))).toBeLessThanOrEqual(61); // a request counts until the end of the second 60 s on
      expect(Number(a.headers.get('x-ratelimit-reset'))).toBeGreaterThan(nowSeconds);
      expect(Number(a.headers.get('x-ratelimit-reset'))).toBeLessThanOrEqual(nowSeconds + 61);
    }
  });

  it("puts the headers on every authenticated response, counts across all of a user's keys and gateways, and answers Anthropic routes in their envelope", async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'headers', role: 'partner' });
    const secondKey = (await admin('POST', `/admin/users/${userId}/keys`, { name: 'second' })).body.key;
    const seen: string[] = [];
    for (const [k, path] of [
      [key, '/v1/models'],
      [secondKey, '/v1/files'],
      [secondKey, '/v1/batches'],
      [key, '/v1/usage'],
      [key, '/v1/channels'],
    ] as const) {
      const answer = await first('GET', path, k);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('300');
      seen.push(answer.headers.get('x-ratelimit-remaining')!);
    }
    expect(seen).toEqual(['299', '298', '297', '296', '295']); // one gateway: exact
    const notFound = await first('GET', '/v1/files/file-nope', key);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-ratelimit-remaining')).toBe('294');
    // the other gateway counts what the first has leased but not yet granted as used: never more than the truth
    const elsewhere = Number((await other('GET', '/v1/files', secondKey)).headers.get('x-ratelimit-remaining'));
    expect(elsewhere).toBeLessThanOrEqual(293);
    expect(elsewhere).toBeGreaterThan(250);
    expect((await first('GET', '/v1/models', 'sk-sy-not-a-key')).headers.get('x-ratelimit-limit')).toBeNull();

    await admin('PUT', `/admin/users/${userId}/rate-limit`, { requests_per_minute: 6 }); // seven already counted
    const anthropic = await other('GET', '/v1/files', key, undefined, {
      'anthropic-beta': 'files-api-2025-04-14',
      'anthropic-version': '2023-06-01',
    });
    expect(anthropic.status).toBe(429);
    expect(anthropic.body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it('hands capacity one gateway leased but did not use over to the other gateway', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'handoff' });
    await admin('PUT', `/admin/users/${userId}/rate-limit`, { requests_per_minute: 20 });
    expect((await first('GET', '/v1/models', key)).status).toBe(200); // the first gateway leases a block and uses one
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await other('GET', '/v1/models', key)).status);
    expect(statuses).toEqual([...Array(19).fill(200), 429]); // the other 19 include the first gateway's unused part
  });

  it('changes limits at run time, per role and per user; null means unlimited', async () => {
    expect((await admin('GET', '/admin/rate-limits')).body.data).toEqual([
      { object: 'rate_limit', role: 'admin', requests_per_minute: null },
      { object: 'rate_limit', role: 'partner', requests_per_minute: 300 },
      { object: 'rate_limit', role: 'user', requests_per_minute: 60 },
      { object: 'rate_limit', role: 'vip', requests_per_minute: 1000 },
    ]);
    const { userId, key } = await createUserWithKey(stack, { name: 'changing', role: 'vip' });
    expect((await first('GET', '/v1/models', key)).headers.get('x-ratelimit-limit')).toBe('1000');

    expect((await admin('PUT', '/admin/rate-limits/vip', { requests_per_minute: 3 })).body).toEqual({
      object: 'rate_limit',
      role: 'vip',
      requests_per_minute: 3,
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await (i % 2 ? first : other)('GET', '/v1/models', key)).status);
    expect(statuses).toEqual([200, 200, 429, 429]); // the 1000-limit request already counted

    const unlimited = await admin('PUT', `/admin/users/${userId}/rate-limit`, { requests_per_minute: null });
    expect(unlimited.body).toMatchObject({ id: userId, requests_per_minute: null, rate_limit_source: 'user' });
    const free = await other('GET', '/v1/models', key);
    expect(free.status).toBe(200);
    expect(free.headers.get('x-ratelimit-limit')).toBeNull();

    expect((await admin('DELETE', `/admin/users/${userId}/rate-limit`)).body).toMatchObject({
      requests_per_minute: 3,
      rate_limit_source: 'role',
    });
    expect((await first('GET', '/v1/models', key)).status).toBe(429);
    await admin('PUT', '/admin/rate-limits/vip', { requests_per_minute: 1000 });

    expect((await admin('PUT', '/admin/rate-limits/vip', { requests_per_minute: 0 })).body.error.param).toBe('requests_per_minute');
    expect((await admin('PUT', '/admin/rate-limits/vip', {})).body.error.param).toBe('requests_per_minute');
    expect((await admin('PUT', '/admin/rate-limits/emperor', { requests_per_minute: 5 })).status).toBe(400);
  });
});
