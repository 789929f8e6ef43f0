import OpenAI from 'openai';
import { Client } from 'pg';
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

/** Money as callers see it: holds before paid calls, costs in answers, BYOK, streams cut short. */
describe('billing through the running system', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let upstream: MockUpstreamProcess;
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const ask = (key: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/v1/chat/completions', key, { model: 'paid-model', messages: [{ role: 'user', content: 'price me' }], ...extra });

  async function balanceOf(userId: string): Promise<number> {
    return (await admin('GET', `/admin/users/${userId}`)).body.balance;
  }

  function settledUsage(key: string, count: number) {
    return eventually(`${count} usage records`, async () => (await call('GET', '/v1/usage?limit=100', key)).body, {
      until: (usage) => usage.data.length >= count,
      timeoutMs: 10_000,
      intervalMs: 50,
    });
  }

  beforeAll(async () => {
    upstream = await startMockUpstream({ apiKey: 'sk-paid' });
    stack = await startStackLikeNpmStart({ SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true' });
    call = apiCaller(stack);
    await admin('POST', '/admin/channels', {
      name: 'paid',
      provider: 'openai',
      base_url: `${upstream.url}/v1`,
      api_key: 'sk-paid',
      models: ['paid-model', 'byok-model'],
    });
    // $1 per million input tokens, $10 per million output tokens
    await admin('PUT', '/admin/prices/paid-model', { input_per_million: 1, output_per_million: 10 });
    await admin('PUT', '/admin/prices/byok-model', { input_per_million: 1, output_per_million: 10 });
  });

  afterAll(async () => {
    await stack?.stop();
    await upstream?.stop();
  });

  beforeEach(() => upstream.clearRequests());

  it('refuses with 402 before the upstream when the balance cannot cover the worst case', async () => {
    const { key } = await createUserWithKey(stack, { name: 'poor', credits: 0.001 });
    const refused = await ask(key, { max_tokens: 1000 }); // up to $0.01 of output
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({
      code: 'insufficient_quota',
      type: 'insufficient_quota',
      message: expect.stringContaining('$0.001'),
    });
    expect(refused.headers.get('x-should-retry')).toBe('false');
    expect(await upstream.requests()).toEqual([]);

    const small = await ask(key, { max_tokens: 10 });
    expect(small.status).toBe(200);
    expect((await upstream.requests()).length).toBe(1);
  });

  it('never overdraws under 50 concurrent requests that each cost the most they may', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'concurrent', credits: 0.05, role: 'vip' });
    // every answer really uses all 1,000 output tokens it may: $0.01 each, so at most 5 fit
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(key, { max_tokens: 1000, mock: { completion_tokens: 1000 } })));
    const ok = answers.filter((a) => a.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1);
    expect(ok).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 402)).toHaveLength(50 - ok);
    const usage = await settledUsage(key, ok);
    const spent = usage.data.reduce((sum: number, u: { cost: number }) => sum + u.cost, 0);
    expect(spent).toBeLessThanOrEqual(0.05);
    const balance = await balanceOf(userId);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(balance).toBeCloseTo(0.05 - spent, 9);
  });

  it("sets money aside for a user's requests in one credit lease, bills each exactly, and gives the lease back when they stop", async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'leased', credits: 1 });
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const holdsOf = async () =>
      (await db.query('SELECT request_id, amount_nano::text AS amount FROM billing.holds WHERE user_id = $1', [userId])).rows;
    const heldOf = async () => (await db.query('SELECT held_nano::text AS held FROM billing.users WHERE id = $1', [userId])).rows[0].held;
    try {
      for (let i = 0; i < 8; i++) expect((await ask(key, { max_tokens: 100 })).status).toBe(200);
      const holds = await holdsOf();
      // one lease of at most half the balance, not a hold per request
      expect(holds).toHaveLength(1);
      expect(holds[0].request_id).toMatch(/^lease_/);
      expect(BigInt(holds[0].amount)).toBeLessThanOrEqual(500_000_000n);
      const usage = await settledUsage(key, 8);
      const spent = usage.data.reduce((sum: number, u: { cost: number }) => sum + u.cost, 0);
      expect(await balanceOf(userId)).toBeCloseTo(1 - spent, 9);
      // idle for a few seconds: nothing stays held
      await eventually('every hold to be released', holdsOf, { until: (holds) => holds.length === 0, timeoutMs: 20_000, intervalMs: 200 });
      expect(await holdsOf()).toEqual([]);
      expect(await heldOf()).toBe('0');
    } finally {
      await db.end();
    }
  });

  it('shows the cost in usage.cost and x-switchyard-cost, and on the final streamed chunk', async () => {
    const { key } = await createUserWithKey(stack, { name: 'costs' });
    const answer = await ask(key);
    const { prompt_tokens, completion_tokens } = answer.body.usage;
    const expected = (prompt_tokens * 1 + completion_tokens * 10) / 1e6;
    expect(answer.body.usage.cost).toBeCloseTo(expected, 12);
    expect(Number(answer.headers.get('x-switchyard-cost'))).toBeCloseTo(expected, 12);
    const record = (await settledUsage(key, 1)).data[0];
    expect(record.cost).toBeCloseTo(expected, 12);

    const sdk = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const stream = await sdk.chat.completions.create({
      model: 'paid-model',
      messages: [{ role: 'user', content: 'stream a price' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let last: any;
    for await (const chunk of stream) last = chunk;
    expect(last.usage.cost).toBeCloseTo((last.usage.prompt_tokens + last.usage.completion_tokens * 10) / 1e6, 12);
  });

  it("prices tokens read from the provider's prompt cache at the cached-input price, and keeps that price on the record", async () => {
    const { key } = await createUserWithKey(stack, { name: 'cache-reader' });
    const price = await admin('PUT', '/admin/prices/cached-model', {
      input_per_million: 1,
      output_per_million: 10,
      cached_input_per_million: 0.1,
      per_image: 0.04,
    });
    expect(price.body).toMatchObject({
      model: 'cached-model',
      cached_input_per_million: 0.1,
      per_image: 0.04,
      per_audio_second: null,
      per_call: null,
    });
    await admin('POST', '/admin/channels', {
      name: 'cached',
      provider: 'openai',
      base_url: `${upstream.url}/v1`,
      api_key: 'sk-paid',
      models: ['cached-model'],
    });
    const answer = await call('POST', '/v1/chat/completions', key, {
      model: 'cached-model',
      messages: [{ role: 'user', content: 'a long shared prefix' }],
      mock: { cached_tokens: 4 },
    });
    const { prompt_tokens, completion_tokens } = answer.body.usage;
    const expected = ((prompt_tokens - 4) * 1 + 4 * 0.1 + completion_tokens * 10) / 1e6;
    expect(answer.body.usage.cost).toBeCloseTo(expected, 12);
    const record = (await settledUsage(key, 1)).data[0];
    expect(record).toMatchObject({ cached_tokens: 4, prompt_tokens });
    expect(record.cost).toBeCloseTo(expected, 12);
    await admin('PUT', '/admin/prices/cached-model', { input_per_million: 100, output_per_million: 100 });
    expect((await settledUsage(key, 1)).data[0].cost).toBeCloseTo(expected, 12);
  });

  it("lists the price book for admins: every model's price kinds and batch discount as stored, paged by model id", async () => {
    await admin('PUT', '/admin/prices/book-a', {
      input_per_million: 2,
      output_per_million: 4,
      batch_discount: 0.25,
      per_call: 0.000000001,
    });
    await admin('PUT', '/admin/prices/book-b', { input_per_million: 1, output_per_million: 3, cache_write_input_per_million: 1.25 });
    await admin('PUT', '/admin/prices/book-c', { input_per_million: 0, output_per_million: 0, per_image: 0.04 });

    const first = await admin('GET', '/admin/prices?limit=2&after=book-');
    expect(first.status).toBe(200);
    expect(first.body.has_more).toBe(true);
    expect(first.body.data).toEqual([
      expect.objectContaining({
        model: 'book-a',
        object: 'price',
        batch_discount: 0.25,
        per_call: 1e-9,
        cache_write_input_per_million: null,
      }),
      expect.objectContaining({ model: 'book-b', batch_discount: 0.5, cache_write_input_per_million: 1.25, per_call: null }),
    ]);
    const next = await admin('GET', '/admin/prices?limit=1&after=book-b');
    expect(next.body.data.map((p: { model: string }) => p.model)).toEqual(['book-c']);
    expect(next.body.data[0]).toMatchObject({ input_per_million: 0, per_image: 0.04 });

    const all = await admin('GET', '/admin/prices');
    expect(all.body.data.map((p: { model: string }) => p.model)).toEqual(
      expect.arrayContaining(['book-a', 'book-b', 'book-c', 'paid-model']),
    );
    expect((await admin('GET', '/admin/prices?limit=0')).status).toBe(400);
    const { key } = await createUserWithKey(stack, { name: 'not-an-admin' });
    expect((await call('GET', '/admin/prices', key)).status).toBe(403);
  });

  it('lets a user with no balance use their own key (BYOK): no charge, the provider cost shown apart', async () => {
    const { key } = await createUserWithKey(stack, { name: 'byok-broke', credits: 0 });
    expect((await ask(key)).status).toBe(402);
    const byok = await startMockUpstream({ apiKey: 'sk-own' });
    try {
      await call('POST', '/v1/channels', key, {
        provider: 'openai',
        base_url: `${byok.url}/v1`,
        api_key: 'sk-own',
        models: ['byok-model'],
      });
      const answer = await call('POST', '/v1/chat/completions', key, {
        model: 'byok-model',
        messages: [{ role: 'user', content: 'my own key' }],
      });
      expect(answer.status).toBe(200);
      expect(answer.body._routing.channel.channelType).toBe('PRIVATE');
      const { prompt_tokens, completion_tokens } = answer.body.usage;
      expect(answer.body.usage.cost).toBe(0);
      expect(answer.body.usage.cost_details.upstream_inference_cost).toBeCloseTo((prompt_tokens + completion_tokens * 10) / 1e6, 12);
      expect((await settledUsage(key, 1)).data[0]).toMatchObject({ channel_type: 'PRIVATE', cost: 0 });
    } finally {
      await byok.stop();
    }
  });

  it("bills a stream the caller abandons from the upstream's own usage, not an estimate", async () => {
    const { key } = await createUserWithKey(stack, { name: 'quitter' });
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const controller = new AbortController();
    const response = await validatingFetch(`${stack.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      signal: controller.signal,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'paid-model',
        messages: [{ role: 'user', content: words }],
        stream: true,
        mock: { chunk_delay_ms: 50 },
      }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const record = (await settledUsage(key, 1)).data[0];
    expect(record).toMatchObject({ estimated: false, completion_tokens: 31, model: 'paid-model' }); // "Echo:" and 30 words, though the caller read one chunk
    expect(record.cost).toBeCloseTo((record.prompt_tokens + 31 * 10) / 1e6, 12);
  });

  it('filters usage by time, model and batch, totals it per day, and shows admins every user and the ledger', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'reports', credits: 2 });
    await ask(key);
    await ask(key);
    await call('POST', '/v1/chat/completions', key, { model: 'byok-model', messages: [{ role: 'user', content: 'another model' }] });
    const all = await settledUsage(key, 3);
    expect(all.data.every((u: { user_id: string }) => u.user_id === userId)).toBe(true);
    const total = all.data.reduce((sum: number, u: { cost: number }) => sum + u.cost, 0);

    expect((await call('GET', '/v1/usage?model=paid-model', key)).body.data).toHaveLength(2);
    const now = Math.floor(Date.now() / 1000);
    expect((await call('GET', `/v1/usage?from=${now + 3600}`, key)).body.data).toHaveLength(0);
    expect((await call('GET', `/v1/usage?to=${now - 3600}`, key)).body.data).toHaveLength(0);
    expect((await call('GET', `/v1/usage?from=${now - 3600}&to=${now + 3600}`, key)).body.data).toHaveLength(3);
    expect((await call('GET', '/v1/usage?batch_id=batch_none', key)).body.data).toHaveLength(0);
    expect((await call('GET', '/v1/usage?from=yesterday', key)).body.error).toMatchObject({ code: 'invalid_value', param: 'from' });

    const daily = (await call('GET', '/v1/usage/daily', key)).body;
    expect(daily.data).toHaveLength(1);
    expect(daily.data[0]).toMatchObject({ object: 'usage.day', date: new Date().toISOString().slice(0, 10), requests: 3 });
    expect(daily.data[0].cost).toBeCloseTo(total, 9);
    expect((await call('GET', '/v1/usage/daily?model=byok-model', key)).body.data[0].requests).toBe(1);

    const forUser = (await admin('GET', `/admin/usage?user_id=${userId}`)).body;
    expect(forUser.data.map((u: { request_id: string }) => u.request_id)).toEqual(
      all.data.map((u: { request_id: string }) => u.request_id),
    );
    const everyone = (await admin('GET', '/admin/usage?limit=100')).body;
    expect(everyone.balance).toBeNull();
    expect(new Set(everyone.data.map((u: { user_id: string }) => u.user_id)).size).toBeGreaterThan(1);
    expect((await call('GET', '/admin/usage', key)).status).toBe(403);

    const ledger = (await admin('GET', `/admin/users/${userId}/ledger`)).body;
    expect(ledger.data.map((e: { kind: string }) => e.kind)).toEqual(['usage', 'usage', 'usage', 'credit']);
    expect(ledger.data[3]).toMatchObject({ object: 'ledger.entry', amount: 2 });
    const sum = ledger.data.reduce((s2: number, e: { amount: number }) => s2 + e.amount, 0);
    expect(ledger.balance).toBeCloseTo(sum, 9);
    expect(ledger.balance).toBeCloseTo(2 - total, 9);
    const page = (await admin('GET', `/admin/users/${userId}/ledger?limit=2&after=${ledger.data[1].id}`)).body;
    expect(page.data.map((e: { id: string }) => e.id)).toEqual([ledger.data[2].id, ledger.data[3].id]);
  });
});
