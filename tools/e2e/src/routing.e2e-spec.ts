import OpenAI from 'openai';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
  validatingFetch,
} from '@switchyard/testing';

const COOLDOWN_MS = 1500;
const CIRCUIT_FAILURES = 3;

/**
 * Channel selection as callers and operators see it, with two router replicas sharing the work:
 * failover and attempts, weights, PRIVATE (BYOK) channels and policies, health, the cache.
 */
describe('routing through PLATFORM and PRIVATE channels', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let steady: MockUpstreamProcess;
  let broken: MockUpstreamProcess;
  let byok: MockUpstreamProcess;
  let alice: { userId: string; key: string };
  let bob: { userId: string; key: string };

  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const chat = (key: string, model: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    call('POST', '/v1/chat/completions', key, { model, messages: [{ role: 'user', content: `hi ${model}` }], ...extra }, headers);

  async function platformChannel(body: Record<string, unknown>) {
    const created = await admin('POST', '/admin/channels', { provider: 'openai', api_key: 'sk-steady', ...body });
    expect(created.status).toBe(201);
    return created.body;
  }

  function usageOf(key: string, requestId: string) {
    return eventually(
      `the usage of ${requestId}`,
      async () => (await call('GET', '/v1/usage?limit=100', key)).body.data.find((r: any) => r.request_id === requestId),
      {
        timeoutMs: 5_000,
        intervalMs: 50,
      },
    );
  }

  beforeAll(async () => {
    [steady, broken, byok] = await Promise.all([
      startMockUpstream({ apiKey: 'sk-steady' }),
      startMockUpstream({ apiKey: 'sk-broken' }),
      startMockUpstream({ apiKey: 'sk-alice-own-key' }),
    ]);
    // split: two router replicas
    stack = await startStackLikeNpmStart(
      {
        SWITCHYARD_REPLICAS: 'router=2',
        SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true',
        SWITCHYARD_CIRCUIT_FAILURES: String(CIRCUIT_FAILURES),
        SWITCHYARD_CIRCUIT_COOLDOWN_MS: String(COOLDOWN_MS),
        SWITCHYARD_UPSTREAM_TIMEOUT_MS: '5000',
      },
      { mode: 'split' },
    );
    call = apiCaller(stack);
    // vip (1,000 requests a minute): these tests send a few hundred requests
    [alice, bob] = await Promise.all([
      createUserWithKey(stack, { name: 'alice', role: 'vip' }),
      createUserWithKey(stack, { name: 'bob', role: 'vip' }),
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([steady?.stop(), broken?.stop(), byok?.stop()]);
  });

  beforeEach(async () => {
    await Promise.all([steady, broken, byok].flatMap((m) => [m.configure({}), m.clearRequests()]));
  });

  it('fails over to a lower priority with an honest retryCount and attempts (names redacted for users)', async () => {
    const first = await platformChannel({
      name: 'fo-first',
      base_url: `${broken.url}/v1`,
      api_key: 'sk-broken',
      models: ['fo-model'],
      priority: 10,
    });
    const second = await platformChannel({ name: 'fo-second', base_url: `${steady.url}/v1`, models: ['fo-model'], priority: 0 });
    await broken.configure({ mode: 'fail', status: 503, message: 'overloaded' });

    const asUser = await chat(alice.key, 'fo-model');
    expect(asUser.status).toBe(200);
    expect(asUser.body._routing).toMatchObject({
      channel: { id: second.id, name: 'fo-second', channelType: 'PLATFORM' },
      cached: false,
      retryCount: 1,
    });
    expect(asUser.body._routing.attempts).toEqual([
      {
        channel_id: first.id,
        channel_name: 'platform channel',
        channel_type: 'PLATFORM',
        status: 503,
        latency_ms: expect.any(Number),
        error_code: 'http_503',
      },
      {
        channel_id: second.id,
        channel_name: 'platform channel',
        channel_type: 'PLATFORM',
        status: 200,
        latency_ms: expect.any(Number),
        error_code: null,
      },
    ]);
    expect(asUser.headers.get('x-switchyard-retry-count')).toBe('1');

    const asAdmin = await chat(stack.adminKey, 'fo-model');
    expect(asAdmin.body._routing.attempts.map((a: any) => a.channel_name)).toEqual(['fo-first', 'fo-second']);

    // a 400 is the request's fault: never retried on another channel
    await broken.configure({ mode: 'fail', status: 400, message: 'bad request body' });
    const refused = await chat(alice.key, 'fo-model');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('bad request body');
    expect((await steady.requests()).length).toBe(2);
  });

  it('splits traffic inside a tier by weight, roughly 3:1', async () => {
    const heavy = await platformChannel({ name: 'w-heavy', base_url: `${steady.url}/v1`, models: ['w-model'], weight: 3 });
    const light = await platformChannel({ name: 'w-light', base_url: `${steady.url}/v1`, models: ['w-model'], weight: 1 });
    const served: string[] = [];
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => chat(alice.key, 'w-model')));
      served.push(...answers.map((a) => a.headers.get('x-switchyard-channel-id')!));
    }
    const heavyShare = served.filter((id) => id === heavy.id).length / served.length;
    expect(served.every((id) => id === heavy.id || id === light.id)).toBe(true);
    expect(heavyShare).toBeGreaterThan(0.65);
    expect(heavyShare).toBeLessThan(0.85);
  });

  it("serves a PRIVATE channel to its owner only, with the owner's key, at no token cost", async () => {
    const created = await call('POST', '/v1/channels', alice.key, {
      provider: 'openai-compatible',
      base_url: `${byok.url}/v1`,
      api_key: 'sk-alice-own-key',
      models: ['alice-model'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'PRIVATE',
      owner_user_id: alice.userId,
      api_key_hint: 'sk-...-key',
      models: ['alice-model'],
      status: 'enabled',
    });
    expect(JSON.stringify(created.body)).not.toContain('sk-alice-own-key');
    const id = created.body.id;

    expect((await call('GET', '/v1/channels', alice.key)).body.data.map((c: any) => c.id)).toEqual([id]);
    expect((await call('GET', '/v1/channels', bob.key)).body.data).toEqual([]);
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'mine now' }],
      ['DELETE', undefined],
      ['POST', undefined],
    ] as const) {
      const path = method === 'POST' ? `/v1/channels/${id}/test` : `/v1/channels/${id}`;
      const answer = await call(method, path, bob.key, body);
      expect(answer.status).toBe(404);
    }
    expect((await admin('GET', '/admin/channels')).body.data.map((c: any) => c.id)).not.toContain(id);
    expect((await call('GET', '/v1/models', alice.key)).body.data.map((m: any) => m.id)).toContain('alice-model');
    expect((await call('GET', '/v1/models', bob.key)).body.data.map((m: any) => m.id)).not.toContain('alice-model');

    const answer = await chat(alice.key, 'alice-model');
    expect(answer.status).toBe(200);
    expect(answer.body._routing.channel).toEqual({
      id,
      name: 'openai-compatible alice-model',
      provider: 'openai-compatible',
      channelType: 'PRIVATE',
    });
    expect(answer.body._routing.attempts[0].channel_name).toBe('openai-compatible alice-model');
    expect((await byok.requests()).map((r) => r.authorization)).toEqual(['Bearer sk-alice-own-key']);
    const usage = await usageOf(alice.key, answer.headers.get('x-request-id')!);
    expect(usage).toMatchObject({ channel_type: 'PRIVATE', channel_id: id, cost: 0, cached: false });

    const intruder = await chat(bob.key, 'alice-model');
    expect(intruder.status).toBe(404);
    expect(intruder.body.error.code).toBe('model_not_found');
    expect((await byok.requests()).length).toBe(1);

    const tested = await call('POST', `/v1/channels/${id}/test`, alice.key);
    expect(tested.body).toMatchObject({
      object: 'channel.test',
      channel_id: id,
      ok: true,
      status: 200,
      error: null,
      channel_status: 'enabled',
    });
  });

  it('follows the routing policy, the per-request header, and refuses bad values', async () => {
    const platform = await platformChannel({
      name: 'pol-platform',
      base_url: `${steady.url}/v1`,
      models: ['pol-model', 'pol-platform-only'],
    });
    const mine = (
      await call('POST', '/v1/channels', alice.key, {
        name: 'alice pol',
        provider: 'openai',
        base_url: `${byok.url}/v1`,
        api_key: 'sk-alice-own-key',
        models: ['pol-model'],
      })
    ).body;

    expect((await call('GET', '/v1/routing-policy', alice.key)).body).toEqual({ object: 'routing_policy', policy: 'byok_first' });
    expect((await chat(alice.key, 'pol-model')).body._routing.channel.id).toBe(mine.id);
    expect((await chat(alice.key, 'pol-model', {}, { 'x-switchyard-channel-type': 'PLATFORM' })).body._routing.channel.id).toBe(
      platform.id,
    );
    expect((await chat(bob.key, 'pol-model')).body._routing.channel.id).toBe(platform.id);

    expect((await call('PUT', '/v1/routing-policy', alice.key, { policy: 'platform_only' })).body).toEqual({
      object: 'routing_policy',
      policy: 'platform_only',
    });
    expect((await chat(alice.key, 'pol-model')).body._routing.channel.id).toBe(platform.id);
    expect((await chat(alice.key, 'pol-model', {}, { 'x-switchyard-channel-type': 'private' })).body._routing.channel.id).toBe(mine.id);
    expect((await call('GET', '/v1/routing-policy', bob.key)).body.policy).toBe('byok_first');

    await call('PUT', '/v1/routing-policy', alice.key, { policy: 'byok_only' });
    const none = await chat(alice.key, 'pol-platform-only');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('byok_only');

    // byok_first falls back to the platform when the user's own channel is off
    await call('PUT', '/v1/routing-policy', alice.key, { policy: 'byok_first' });
    await call('PATCH', `/v1/channels/${mine.id}`, alice.key, { status: 'disabled' });
    expect((await chat(alice.key, 'pol-model')).body._routing.channel.id).toBe(platform.id);

    const badPolicy = await call('PUT', '/v1/routing-policy', alice.key, { policy: 'cheapest' });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.error.param).toBe('policy');
    const badHeader = await chat(alice.key, 'pol-model', {}, { 'x-switchyard-channel-type': 'BOTH' });
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.error.param).toBe('x-switchyard-channel-type');
    expect((await call('PATCH', `/v1/channels/${mine.id}`, alice.key, { status: 'auto_disabled' })).status).toBe(400);
  });

  it('refuses a malformed base_url (an IPv6 zone id, a bad port) with a 400 naming base_url, never a 500', async () => {
    const existing = await platformChannel({ name: 'url-checked', base_url: `${steady.url}/v1`, models: ['url-model'] });
    for (const base_url of ['http://[fe80::1%25eth0]/', 'http://[fe80::1%eth0]:8080/v1', 'http://127.0.0.1:99999/v1']) {
      const answers = [
        await admin('POST', '/admin/channels', { provider: 'openai', api_key: 'sk-steady', models: ['url-model'], base_url }),
        await admin('PATCH', `/admin/channels/${existing.id}`, { base_url }),
        await call('POST', '/v1/channels', alice.key, { provider: 'openai', api_key: 'sk-alice-own-key', models: ['url-model'], base_url }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({ code: 'invalid_value', param: 'base_url' });
      }
    }
  });

  it('auto-disables a channel whose key the upstream refuses, shows why, and a passing test re-enables it', async () => {
    const dead = await platformChannel({
      name: 'cred-dead',
      base_url: `${broken.url}/v1`,
      api_key: 'sk-revoked',
      models: ['cred-model'],
      priority: 10,
    });
    const good = await platformChannel({ name: 'cred-good', base_url: `${steady.url}/v1`, models: ['cred-model'], priority: 0 });

    const first = await chat(alice.key, 'cred-model');
    expect(first.body._routing).toMatchObject({ channel: { id: good.id }, retryCount: 1 });
    expect(first.body._routing.attempts[0]).toMatchObject({ channel_id: dead.id, status: 401 });
    const view = await eventually('the dead channel to be disabled', async () => (await admin('GET', `/admin/channels/${dead.id}`)).body, {
      until: (channel) => channel.status === 'auto_disabled',
      timeoutMs: 2_500,
      intervalMs: 50,
    });
    expect(view).toMatchObject({ status: 'auto_disabled', status_reason: expect.stringContaining('401') });

    for (let i = 0; i < 4; i++) {
      const next = await chat(alice.key, 'cred-model');
      expect(next.body._routing).toMatchObject({ channel: { id: good.id }, retryCount: 0 });
    }
    expect((await broken.requests()).length).toBe(1);

    expect((await admin('POST', `/admin/channels/${dead.id}/test`)).body).toMatchObject({
      ok: false,
      status: 401,
      channel_status: 'auto_disabled',
    });
    await admin('PATCH', `/admin/channels/${dead.id}`, { api_key: 'sk-broken' });
    const retest = await admin('POST', `/admin/channels/${dead.id}/test`);
    expect(retest.body).toMatchObject({
      object: 'channel.test',
      ok: true,
      status: 200,
      latency_ms: expect.any(Number),
      channel_status: 'enabled',
    });
    expect((await chat(alice.key, 'cred-model')).body._routing.channel.id).toBe(dead.id);
  });

  it("opens a flaky channel's circuit for every router replica, probes after the cooldown, and closes it", async () => {
    const flaky = await platformChannel({
      name: 'cb-flaky',
      base_url: `${broken.url}/v1`,
      api_key: 'sk-broken',
      models: ['cb-model'],
      priority: 10,
    });
    await platformChannel({ name: 'cb-steady', base_url: `${steady.url}/v1`, models: ['cb-model'], priority: 0 });
    await broken.configure({ mode: 'fail', status: 500 });

    // two callers: a PLATFORM circuit never opens on one caller's failures alone (shared-circuit.e2e-spec.ts)
    for (let i = 0; i < 12; i++) expect((await chat([alice, bob][i % 2].key, 'cb-model')).status).toBe(200);
    // two replicas answer in turn: with per-replica state the flaky channel would have been tried twice as often
    const tried = (await broken.requests()).length;
    expect(tried).toBeGreaterThanOrEqual(CIRCUIT_FAILURES);
    expect(tried).toBeLessThanOrEqual(CIRCUIT_FAILURES + 1);
    for (let i = 0; i < 4; i++) {
      expect((await admin('GET', `/admin/channels/${flaky.id}`)).body.health).toEqual({ circuit: 'open', recent_failures: tried });
    }
    const skipped = await chat(alice.key, 'cb-model');
    expect(skipped.body._routing.retryCount).toBe(0);

    await broken.configure({});
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 200));
    const probe = await chat(alice.key, 'cb-model');
    expect(probe.body._routing).toMatchObject({ channel: { id: flaky.id }, retryCount: 0 });
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 4; i++) {
      expect((await chat(alice.key, 'cb-model')).body._routing.channel.id).toBe(flaky.id);
      expect((await admin('GET', `/admin/channels/${flaky.id}`)).body.health.circuit).toBe('closed');
    }
  });

  it('answers a repeated deterministic request from the cache, per user, free, only when asked or configured', async () => {
    const sdk = new OpenAI({ apiKey: alice.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const channel = await platformChannel({ name: 'cache-chan', base_url: `${steady.url}/v1`, models: ['cache-model'] });
    const ask = () =>
      sdk.chat.completions
        .create(
          { model: 'cache-model', messages: [{ role: 'user', content: 'cache me' }], temperature: 0 },
          { headers: { 'x-switchyard-cache': 'on' } },
        )
        .withResponse();

    const miss = await ask();
    expect((miss.data as any)._routing.cached).toBe(false);
    const hit = await ask();
    expect((hit.data as any)._routing).toEqual({
      channel: { id: channel.id, name: 'cache-chan', provider: 'openai', channelType: 'PLATFORM' },
      cached: true,
      retryCount: 0,
      attempts: [],
    });
    expect(hit.data.id).toBe(miss.data.id);
    expect(hit.response.headers.get('x-switchyard-cached')).toBe('true');
    expect((await steady.requests()).length).toBe(1);
    const hitUsage = await usageOf(alice.key, hit.response.headers.get('x-request-id')!);
    expect(hitUsage).toMatchObject({ cached: true, cost: 0, channel_id: channel.id });

    // another user never sees alice's cached answer; a non-deterministic request is never cached
    const other = await chat(
      bob.key,
      'cache-model',
      { messages: [{ role: 'user', content: 'cache me' }], temperature: 0 },
      { 'x-switchyard-cache': 'on' },
    );
    expect(other.body._routing.cached).toBe(false);
    await chat(alice.key, 'cache-model', { temperature: 0.7 }, { 'x-switchyard-cache': 'on' });
    expect((await chat(alice.key, 'cache-model', { temperature: 0.7 }, { 'x-switchyard-cache': 'on' })).body._routing.cached).toBe(false);
    expect((await chat(alice.key, 'cache-model', { temperature: 0 })).body._routing.cached).toBe(false);

    // a channel setting turns it on without the header; the header can still turn it off
    await admin('PATCH', `/admin/channels/${channel.id}`, { cache_ttl_seconds: 60 });
    await new Promise((r) => setTimeout(r, 300)); // the other router replica reloads on the change broadcast
    await chat(alice.key, 'cache-model', { seed: 7 });
    expect((await chat(alice.key, 'cache-model', { seed: 7 })).body._routing.cached).toBe(true);
    expect((await chat(alice.key, 'cache-model', { seed: 7 }, { 'x-switchyard-cache': 'off' })).body._routing.cached).toBe(false);
  });
});
