import { parse as parseYaml } from 'yaml';
import { ApiClient, components, dataOf } from '@switchyard/api-client';
import {
  apiCaller,
  apiClient,
  eventually,
  RunningStack,
  startMockUpstream,
  startServiceProcess,
  startStackLikeNpmStart,
  startTestNats,
  validatingFetch,
} from '@switchyard/testing';

/** Raw HTTP: headers, envelopes, the admin API, keys and scopes, usage and tenancy. */
describe('Switchyard HTTP API', () => {
  let stack: RunningStack;

  let call: ReturnType<typeof apiCaller>;
  let admin: ApiClient;
  const ofUser = (user_id: string) => ({ params: { path: { user_id } } });
  const ofChannel = (channel_id: string) => ({ params: { path: { channel_id } } });
  const chat = (key: string, content = 'hi') =>
    call('POST', '/v1/chat/completions', key, { model: 'mock-gpt', messages: [{ role: 'user', content }] });

  async function newUser(name: string, role: components['schemas']['CreateUserBody']['role'] = 'user', credits = 10) {
    const user = dataOf(await admin.POST('/admin/users', { body: { name, role, credits } }));
    const key = dataOf(await admin.POST('/admin/users/{user_id}/keys', { ...ofUser(user.id), body: { name: `${name}-key` } }));
    return { user, key };
  }

  function usageOf(key: string, expected: number) {
    return eventually(`${expected} usage records`, async () => (await call('GET', '/v1/usage?limit=100', key)).body, {
      until: (usage) => usage.data.length >= expected,
      timeoutMs: 5_000,
      intervalMs: 50,
    });
  }

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    call = apiCaller(stack);
    admin = apiClient(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reports every service healthy', async () => {
    const health = await call('GET', '/health', null);
    expect(health.status).toBe(200);
    expect(Object.keys(health.body.services).sort()).toEqual(['batches', 'billing', 'files', 'gateway', 'router']);
    expect(health.body.down).toEqual([]);
    // each reports its event-loop delay since the previous check
    const again = (await call('GET', '/health', null)).body;
    for (const service of ['gateway', 'router', 'billing', 'files', 'batches']) {
      expect(again.services[service].event_loop_delay_ms).toEqual({
        p50_ms: expect.any(Number),
        p99_ms: expect.any(Number),
        max_ms: expect.any(Number),
      });
    }
  });

  it('answers 503 naming what is down when services are missing', async () => {
    const emptyNats = await startTestNats();
    const s3 = { S3_ENDPOINT: 'http://127.0.0.1:9', S3_ACCESS_KEY: 'unused', S3_SECRET_KEY: 'unused' };
    const lonely = await startServiceProcess('gateway', { NATS_URL: emptyNats.url, PORT: '0', ...s3 }).catch(async (error) => {
      await emptyNats.stop();
      throw error;
    });
    try {
      const port = Number(/port (\d+)/.exec(lonely.readyLine)?.[1]);
      const response = await validatingFetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { down: string[] }).down.sort()).toEqual(['batches', 'billing', 'files', 'router']);
    } finally {
      await lonely.stop();
      await emptyNats.stop();
    }
  });

  it('sends its own x-request-id on every response and echoes a sane caller-supplied one as x-client-request-id', async () => {
    expect((await call('GET', '/health', null)).headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{24}$/);
    const traced = await call('GET', '/v1/models', null, undefined, { 'x-request-id': 'trace-123' });
    expect(traced.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{24}$/);
    expect(traced.headers.get('x-client-request-id')).toBe('trace-123');
  });

  it('serves its API document to anyone, as JSON and as the same YAML', async () => {
    const json = await call('GET', '/openapi.json', null);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.body.openapi).toBe('3.0.3');
    expect(json.body.paths['/v1/chat/completions'].post.operationId).toBe('createChatCompletion');
    const yaml = await call('GET', '/openapi.yaml', null);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(parseYaml(yaml.body)).toEqual(json.body);
  });

  it('answers bad input with OpenAI envelopes and the right status', async () => {
    const noKey = await call('GET', '/v1/models', null);
    expect(noKey.status).toBe(401);
    expect(noKey.body).toEqual({
      error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    });
    const malformed = await call('POST', '/v1/chat/completions', stack.adminKey, '{"model":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    const empty = await call('POST', '/v1/chat/completions', stack.adminKey, '');
    expect(empty.status).toBe(400);
    const wrongType = await call('POST', '/v1/chat/completions', stack.adminKey, { model: 'mock-gpt', messages: 'hi' });
    expect(wrongType.body.error).toMatchObject({ param: 'messages', type: 'invalid_request_error' });
    const unknownRoute = await call('POST', '/v1/nowhere', stack.adminKey, {});
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body.error.message).toContain('/v1/nowhere');
    const form = await call('POST', '/v1/chat/completions', stack.adminKey, 'a=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body.error.message).toContain('application/json');
    expect(JSON.stringify([noKey, malformed, empty, wrongType, unknownRoute, form].map((r) => r.body))).not.toMatch(/\bat \w+ \(/);
  });

  it('runs the admin API: users, keys shown once, credits, channels, prices', async () => {
    const created = await admin.POST('/admin/users', { body: { name: 'partner co', role: 'partner', credits: 2.5 } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ id: expect.stringMatching(/^usr_/), name: 'partner co', role: 'partner', balance: 2.5 });
    const user = dataOf(created);
    expect(dataOf(await admin.GET('/admin/users/{user_id}', ofUser(user.id))).balance).toBe(2.5);
    expect(dataOf(await admin.GET('/admin/users')).data.map((u) => u.id)).toContain(user.id);
    expect((await admin.GET('/admin/users/{user_id}', ofUser('usr_missing'))).response.status).toBe(404);
    // @ts-expect-error a role the document does not know, as the server does not
    expect((await admin.POST('/admin/users', { body: { name: 'x', role: 'emperor' } })).error?.error.param).toBe('role');

    const key = await admin.POST('/admin/users/{user_id}/keys', {
      ...ofUser(user.id),
      body: { name: 'ci', scopes: ['inference', 'usage:read'] },
    });
    expect(key.response.status).toBe(201);
    expect(key.data).toMatchObject({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^sk-sy-/),
      name: 'ci',
      scopes: ['inference', 'usage:read'],
    });
    const secret = dataOf(key).key;
    const keys = await admin.GET('/admin/users/{user_id}/keys', ofUser(user.id));
    expect(JSON.stringify(dataOf(keys))).not.toContain(secret);

    expect(dataOf(await admin.POST('/admin/users/{user_id}/credits', { ...ofUser(user.id), body: { amount: 0.1 } })).balance).toBe(2.6);
    // @ts-expect-error an amount that is not a number, refused by the document and the server alike
    const lots = await admin.POST('/admin/users/{user_id}/credits', { ...ofUser(user.id), body: { amount: 'lots' } });
    expect(lots.response.status).toBe(400);

    const mock = await startMockUpstream({ apiKey: 'sk-second-upstream' });
    try {
      const channel = await admin.POST('/admin/channels', {
        body: {
          name: 'second',
          provider: 'openai',
          base_url: `${mock.url}/v1`,
          api_key: 'sk-second-upstream',
          models: ['second-model'],
          model_mapping: { 'team/alias': 'upstream-model' },
          priority: 5,
          weight: 2,
        },
      });
      expect(channel.response.status).toBe(201);
      expect(channel.data).toMatchObject({ type: 'PLATFORM', priority: 5, weight: 2, api_key_hint: 'sk-...ream' });
      const channelId = dataOf(channel).id;
      expect(JSON.stringify(dataOf(await admin.GET('/admin/channels')))).not.toContain('sk-second-upstream');
      expect(dataOf(await admin.GET('/admin/channels/{channel_id}', ofChannel(channelId))).name).toBe('second');

      const routed = await call('POST', '/v1/chat/completions', secret, {
        model: 'team/alias',
        messages: [{ role: 'user', content: 'map me' }],
      });
      expect(routed.status).toBe(200);
      expect(routed.body._routing.channel).toMatchObject({ id: channelId, name: 'second' });
      expect((await mock.requests())[0]).toMatchObject({ authorization: 'Bearer sk-second-upstream', body: { model: 'upstream-model' } });
      expect((await call('GET', '/v1/models/team/alias', secret)).body.id).toBe('team/alias');

      const disabled = await admin.PATCH('/admin/channels/{channel_id}', { ...ofChannel(channelId), body: { status: 'disabled' } });
      expect(dataOf(disabled).status).toBe('disabled');
      expect(
        (await call('POST', '/v1/chat/completions', secret, { model: 'team/alias', messages: [{ role: 'user', content: 'x' }] })).status,
      ).toBe(404);
      expect(dataOf(await admin.DELETE('/admin/channels/{channel_id}', ofChannel(channelId)))).toEqual({
        id: channelId,
        object: 'channel.deleted',
        deleted: true,
      });
      expect((await admin.GET('/admin/channels/{channel_id}', ofChannel(channelId))).response.status).toBe(404);
    } finally {
      await mock.stop();
    }

    const price = await admin.PUT('/admin/prices/{model}', {
      params: { path: { model: 'vendor/model-x' } },
      body: { input_per_million: 1.25, output_per_million: 5 },
    });
    expect(price.data).toMatchObject({ model: 'vendor/model-x', input_per_million: 1.25, output_per_million: 5, batch_discount: 0.5 });
    const negative = await admin.PUT('/admin/prices/{model}', {
      params: { path: { model: 'm' } },
      body: { input_per_million: -1, output_per_million: 1 },
    });
    expect(negative.error?.error.param).toBe('input_per_million');
  });

  it("guards user-supplied upstreams (SSRF): https to public addresses only; the operator's channels are trusted", async () => {
    const { key } = await newUser('byok-ssrf');
    const create = (base_url?: string, provider = 'openai') =>
      call('POST', '/v1/channels', key.key, {
        provider,
        api_key: 'sk-users-key',
        models: ['ssrf-model'],
        ...(base_url !== undefined && { base_url }),
      });
    for (const url of [
      'http://api.example.com/v1',
      'https://127.0.0.1/v1',
      'https://localhost:8443/v1',
      'https://169.254.169.254/latest',
      'https://[::1]/v1',
      'https://10.0.0.7/v1',
      'https://[::ffff:192.168.1.1]/v1',
      'https://no-such-host.invalid/v1',
    ]) {
      const refused = await create(url);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_value', param: 'base_url' });
    }
    expect((await create(undefined, 'openai-compatible')).body.error).toMatchObject({
      code: 'missing_required_parameter',
      param: 'base_url',
    });
    expect((await call('GET', '/v1/channels', key.key)).body.data).toEqual([]);

    const official = await create();
    expect(official.status).toBe(201);
    expect(official.body).toMatchObject({ type: 'PRIVATE', base_url: 'https://api.openai.com/v1' });
    const moved = await call('PATCH', `/v1/channels/${official.body.id}`, key.key, { base_url: 'https://192.168.0.10/v1' });
    expect(moved.status).toBe(400);
    expect((await call('GET', `/v1/channels/${official.body.id}`, key.key)).body.base_url).toBe('https://api.openai.com/v1');

    const operator = await admin.POST('/admin/channels', {
      body: {
        name: 'internal',
        provider: 'openai-compatible',
        base_url: 'http://10.0.0.7:8000/v1',
        api_key: 'k',
        models: ['internal-model'],
      },
    });
    expect(operator.response.status).toBe(201);
    await admin.DELETE('/admin/channels/{channel_id}', ofChannel(dataOf(operator).id));
  });

  it('keeps the admin API to admins', async () => {
    const { key } = await newUser('not-an-admin', 'vip');
    const asUser = apiClient(stack, key.key);
    // the bodies are empty: who may call a route is decided before its body is read
    for (const { response, error } of [
      await asUser.GET('/admin/users'),
      // @ts-expect-error an empty body
      await asUser.POST('/admin/channels', { body: {} }),
      // @ts-expect-error an empty body
      await asUser.PUT('/admin/prices/{model}', { params: { path: { model: 'x' } }, body: {} }),
    ]) {
      expect(response.status).toBe(403);
      expect(error?.error.code).toBe('permission_denied');
    }
  });

  it('enforces scopes: no inference scope means 403 AUTH_1015 on inference routes', async () => {
    const { user } = await newUser('reader');
    const readOnly = dataOf(await admin.POST('/admin/users/{user_id}/keys', { ...ofUser(user.id), body: { scopes: ['usage:read'] } }));
    const denied = await chat(readOnly.key);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('AUTH_1015');
    expect((await call('GET', '/v1/models', readOnly.key)).status).toBe(403);
    expect((await call('GET', '/v1/usage', readOnly.key)).status).toBe(200);
  });

  it('drops a revoked key at once, even though keys are cached', async () => {
    const { user, key } = await newUser('revokee');
    expect((await chat(key.key)).status).toBe(200); // now cached in the gateway
    const revoked = await admin.DELETE('/admin/users/{user_id}/keys/{key_id}', { params: { path: { user_id: user.id, key_id: key.id } } });
    expect(dataOf(revoked).revoked_at).not.toBeNull();
    // billing flushes the revocation broadcast before it answers: the very next request is refused, no retry
    expect((await chat(key.key)).status).toBe(401);
  });

  it("bills each request exactly, shows usage newest first, and only the caller's own", async () => {
    const a = await newUser('tenant-a', 'user', 1);
    const b = await newUser('tenant-b', 'user', 1);
    const first = await chat(a.key.key, 'first');
    const second = await chat(a.key.key, 'second one');
    await chat(b.key.key, 'b only');
    const usageA = await usageOf(a.key.key, 2);
    expect(usageA.data.map((u: any) => u.request_id)).toEqual([second.headers.get('x-request-id'), first.headers.get('x-request-id')]);
    // mock-gpt: 0.15 in / 0.60 out per million; "first" → 5 prompt + 2 completion tokens
    expect(usageA.data[1]).toMatchObject({
      model: 'mock-gpt',
      endpoint: '/v1/chat/completions',
      channel_type: 'PLATFORM',
      prompt_tokens: 5,
      completion_tokens: 2,
      batch_id: null,
    });
    expect(usageA.data[1].cost).toBe(0.00000195);
    expect(usageA.balance).toBe(Number((1 - usageA.data[0].cost - usageA.data[1].cost).toFixed(9)));
    const usageB = await usageOf(b.key.key, 1);
    expect(usageB.data.map((u: any) => u.request_id)).toEqual([expect.any(String)]);
    expect(JSON.stringify(usageB)).not.toContain(first.headers.get('x-request-id'));

    const page = await call('GET', `/v1/usage?limit=1&after=${usageA.data[0].request_id}`, a.key.key);
    expect(page.body.data.map((u: any) => u.request_id)).toEqual([usageA.data[1].request_id]);
    expect(page.body.has_more).toBe(false);
    expect((await call('GET', '/v1/usage?limit=500', a.key.key)).status).toBe(400);
  });
});
