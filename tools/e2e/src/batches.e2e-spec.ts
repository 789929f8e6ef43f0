import OpenAI, { toFile } from 'openai';
import {
  createUserWithKey,
  eventually,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
  validatingFetch,
} from '@switchyard/testing';

const WINDOW_SECONDS = 6;
type Line = { custom_id: string; method?: string; url?: string; body: Record<string, unknown> };
const chatLine = (id: string, extra: Record<string, unknown> = {}): Line => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'mock-gpt', messages: [{ role: 'user', content: `line ${id}` }], ...extra },
});
const jsonl = (lines: Line[]) => `${lines.map((l) => JSON.stringify({ method: 'POST', url: '/v1/chat/completions', ...l })).join('\n')}\n`;

/** The Batch API as users meet it with the openai SDK. */
describe('Batch API', () => {
  let stack: RunningStack;
  let client: OpenAI;

  async function upload(lines: Line[], c = client) {
    return c.files.create({ file: await toFile(Buffer.from(jsonl(lines)), 'input.jsonl'), purpose: 'batch' });
  }

  function settle(id: string, c = client, timeoutMs = 30_000) {
    return eventually(`batch ${id} to finish`, () => c.batches.retrieve(id), {
      until: (batch) => ['completed', 'failed', 'expired', 'cancelled'].includes(batch.status),
      timeoutMs,
      intervalMs: 100,
    });
  }

  async function linesOf(fileId: string | null | undefined, c = client) {
    if (!fileId) return [];
    return (await (await c.files.content(fileId)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  }

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({
      SWITCHYARD_BATCH_WINDOW_SECONDS: String(WINDOW_SECONDS),
      SWITCHYARD_BATCH_CONCURRENCY: '4',
      SWITCHYARD_BATCH_RETRY_DELAY_MS: '300',
      SWITCHYARD_CIRCUIT_COOLDOWN_MS: '500',
      // an idle runner would look again only after 10 minutes: every batch here starts (and every
      // cancel is settled) because creating or cancelling one wakes the runners
      SWITCHYARD_BATCH_IDLE_POLL_MS: '600000',
    });
    client = new OpenAI({ apiKey: stack.adminKey, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('still completes when its input file is deleted right after the batch is created', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => chatLine(`gone-${i}`));
    const input = await upload(lines);
    const created = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await client.files.delete(input.id);
    await expect(client.files.retrieve(input.id)).rejects.toMatchObject({ status: 404 });
    const done = await settle(created.id);
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: 30, completed: 30, failed: 0 } });
    expect((await linesOf(done.output_file_id)).map((o) => o.custom_id).sort()).toEqual(lines.map((l) => l.custom_id).sort());
  });

  it('runs a batch to completion: outputs, errors, counts, every custom_id exactly once', async () => {
    const lines = [
      ...Array.from({ length: 20 }, (_, i) => chatLine(`ok-${i}`)),
      chatLine('bad', { mock: { mode: 'fail', status: 400, message: 'nope' } }),
    ];
    const input = await upload(lines);
    const created = await client.batches.create({
      input_file_id: input.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { team: 'e2e' },
    });
    expect(created).toMatchObject({
      object: 'batch',
      status: 'validating',
      input_file_id: input.id,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: { team: 'e2e' },
    });
    const done = await settle(created.id);
    expect(done).toMatchObject({ status: 'completed', model: 'mock-gpt', request_counts: { total: 21, completed: 20, failed: 1 } });
    expect(done.in_progress_at).not.toBeNull();
    expect(done.completed_at).not.toBeNull();

    const outputs = await linesOf(done.output_file_id);
    expect(outputs.map((o) => o.custom_id).sort()).toEqual(
      lines
        .slice(0, 20)
        .map((l) => l.custom_id)
        .sort(),
    );
    const one = outputs.find((o) => o.custom_id === 'ok-3');
    expect(one).toMatchObject({
      error: null,
      response: { status_code: 200, body: { choices: [{ message: { content: 'Echo: line ok-3' } }] } },
    });
    const errors = await linesOf(done.error_file_id);
    expect(errors).toEqual([
      expect.objectContaining({
        custom_id: 'bad',
        error: null,
        response: expect.objectContaining({
          status_code: 400,
          body: expect.objectContaining({ error: expect.objectContaining({ message: 'nope' }) }),
        }),
      }),
    ]);
    expect((await client.files.retrieve(done.output_file_id!)).purpose).toBe('batch_output');
  });

  it('runs batches against /v1/responses and /v1/completions too', async () => {
    for (const [endpoint, body, textOf] of [
      ['/v1/responses', (i: number) => ({ model: 'mock-gpt', input: `resp ${i}` }), (b: any) => b.output[0].content[0].text],
      ['/v1/completions', (i: number) => ({ model: 'mock-gpt', prompt: `cmpl ${i}` }), (b: any) => b.choices[0].text],
    ] as const) {
      const lines = Array.from({ length: 5 }, (_, i) => ({ custom_id: `${endpoint}-${i}`, method: 'POST', url: endpoint, body: body(i) }));
      const input = await client.files.create({
        file: await toFile(Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')), 'other.jsonl'),
        purpose: 'batch',
      });
      const done = await settle((await client.batches.create({ input_file_id: input.id, endpoint, completion_window: '24h' })).id);
      expect(done).toMatchObject({ status: 'completed', endpoint, request_counts: { total: 5, completed: 5, failed: 0 } });
      const outputs = await linesOf(done.output_file_id);
      expect(outputs.map((o) => textOf(o.response.body)).sort()).toEqual(lines.map((l) => `Echo: ${Object.values(l.body)[1]}`).sort());
    }
  });

  it('slows down while the upstream throttles (429) instead of failing lines, then finishes them', async () => {
    const throttled = await startMockUpstream({ apiKey: 'sk-throttled' });
    try {
      const headers = { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' };
      await validatingFetch(`${stack.gatewayUrl}/admin/channels`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          name: 'throttled',
          provider: 'openai',
          base_url: `${throttled.url}/v1`,
          api_key: 'sk-throttled',
          models: ['throttled-model'],
        }),
      });
      await throttled.configure({ mode: 'fail', status: 429, retry_after: 1 });
      const lines = Array.from({ length: 6 }, (_, i) => ({
        custom_id: `slow-${i}`,
        body: { model: 'throttled-model', messages: [{ role: 'user', content: `throttled ${i}` }] },
      }));
      const batch = await client.batches.create({
        input_file_id: (await upload(lines)).id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      });
      // at most 4 s for every line to have been tried once; the test goes on either way
      await eventually('every line to be tried', async () => (await throttled.requests()).length >= 6, {
        timeoutMs: 4_000,
        intervalMs: 100,
      }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 800));
      const meanwhile = await client.batches.retrieve(batch.id);
      expect(meanwhile).toMatchObject({ status: 'in_progress', request_counts: { completed: 0, failed: 0 } });
      await throttled.configure({});
      const done = await settle(batch.id);
      expect(done).toMatchObject({ status: 'completed', request_counts: { total: 6, completed: 6, failed: 0 } });
      expect(done.error_file_id).toBeNull();
    } finally {
      await throttled.stop();
    }
  });

  it('fails the lines a short balance cannot cover with insufficient_quota, never a negative balance', async () => {
    const paid = await startMockUpstream({ apiKey: 'sk-batch-paid' });
    try {
      const headers = { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' };
      await validatingFetch(`${stack.gatewayUrl}/admin/channels`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          name: 'batch-paid',
          provider: 'openai',
          base_url: `${paid.url}/v1`,
          api_key: 'sk-batch-paid',
          models: ['batch-paid-model'],
        }),
      });
      // $20 per million output at half price: a line of 1,000 output tokens costs $0.01; the user has $0.035
      await validatingFetch(`${stack.gatewayUrl}/admin/prices/batch-paid-model`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ input_per_million: 0, output_per_million: 20 }),
      });
      const { userId, key } = await createUserWithKey(stack, { name: 'short', credits: 0.035 });
      const user = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
      const lines = Array.from({ length: 8 }, (_, i) => ({
        custom_id: `short-${i}`,
        body: {
          model: 'batch-paid-model',
          messages: [{ role: 'user', content: `pay ${i}` }],
          max_tokens: 1000,
          mock: { completion_tokens: 1000 },
        },
      }));
      const done = await settle(
        (
          await user.batches.create({
            input_file_id: (await upload(lines, user)).id,
            endpoint: '/v1/chat/completions',
            completion_window: '24h',
          })
        ).id,
        user,
      );
      expect(done.status).toBe('completed');
      expect(done.request_counts!.completed).toBe(3);
      expect(done.request_counts!.failed).toBe(5);
      const errors = await linesOf(done.error_file_id, user);
      expect(errors.every((e) => e.response.status_code === 402 && e.response.body.error.code === 'insufficient_quota')).toBe(true);
      const balanceOf = async () =>
        ((await (await validatingFetch(`${stack.gatewayUrl}/admin/users/${userId}`, { headers })).json()) as { balance: number }).balance;
      expect(
        await eventually('the balance to settle', balanceOf, { until: (balance) => balance === 0.005, timeoutMs: 10_000, intervalMs: 100 }),
      ).toBe(0.005);
    } finally {
      await paid.stop();
    }
  });

  it('bills each line once at the batch price', async () => {
    const sync = await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'line price' }] });
    const input = await upload([chatLine('price', { messages: [{ role: 'user', content: 'line price' }] })]);
    const batch = await settle(
      (await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id,
    );
    expect(batch.status).toBe('completed');
    const usage = async () =>
      (await (
        await validatingFetch(`${stack.gatewayUrl}/v1/usage?limit=100`, { headers: { authorization: `Bearer ${stack.adminKey}` } })
      ).json()) as { data: any[] };
    const records = await eventually('the usage of the line and the chat', async () => (await usage()).data, {
      until: (data) => data.some((r) => r.batch_id === batch.id) && data.some((r) => r.request_id === sync._request_id),
      timeoutMs: 5_000,
      intervalMs: 100,
    });
    const syncCost = records.find((r) => r.request_id === sync._request_id).cost;
    const batchRecords = records.filter((r) => r.batch_id === batch.id);
    expect(batchRecords).toHaveLength(1);
    expect(batchRecords[0].cost).toBeCloseTo(syncCost / 2, 12);
  });

  it('fails validation with OpenAI codes and the line', async () => {
    for (const [lines, code, line] of [
      [[chatLine('a'), { ...chatLine('b'), url: '/v1/embeddings' }], 'invalid_url', 2],
      [[chatLine('a', { stream: true })], 'streaming_unsupported', 1],
      [[{ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { messages: [] } }], 'missing_required_parameter', 1],
    ] as const) {
      const input = await upload(lines as unknown as Line[]);
      const batch = await settle(
        (await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id,
      );
      expect(batch.status).toBe('failed');
      expect(batch.failed_at).not.toBeNull();
      expect(batch.errors?.data?.[0]).toMatchObject({ code, line });
    }
  });

  it('refuses bad create requests synchronously', async () => {
    const input = await upload([chatLine('a')]);
    await expect(
      client.batches.create({ input_file_id: input.id, endpoint: '/v1/nope' as any, completion_window: '24h' }),
    ).rejects.toMatchObject({ status: 400, param: 'endpoint' });
    await expect(
      client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '48h' as any }),
    ).rejects.toMatchObject({ status: 400, param: 'completion_window' });
    const tooMany = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    await expect(
      client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: tooMany }),
    ).rejects.toMatchObject({ status: 400, param: 'metadata' });
    await expect(
      client.batches.create({ input_file_id: 'file-missing', endpoint: '/v1/chat/completions', completion_window: '24h' }),
    ).rejects.toMatchObject({ status: 404, code: 'INFERENCE_3302' });
    const notBatch = await client.files.create({ file: await toFile(Buffer.from('x'), 'x.txt'), purpose: 'user_data' });
    await expect(
      client.batches.create({ input_file_id: notBatch.id, endpoint: '/v1/chat/completions', completion_window: '24h' }),
    ).rejects.toMatchObject({ status: 400, param: 'input_file_id' });
  });

  it('cancels: in-flight lines finish, the rest are batch_cancelled, and a finished batch answers 409', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => chatLine(`slow-${i}`, { mock: { delay_ms: 400 } }));
    const batch = await client.batches.create({
      input_file_id: (await upload(lines)).id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    // at most 2.5 s for it to start; it is cancelled either way
    await eventually('the batch to start', async () => (await client.batches.retrieve(batch.id)).status === 'in_progress', {
      timeoutMs: 2_500,
      intervalMs: 50,
    }).catch(() => undefined);
    const cancelling = await client.batches.cancel(batch.id);
    expect(['cancelling', 'cancelled']).toContain(cancelling.status);
    const done = await settle(batch.id);
    expect(done.status).toBe('cancelled');
    expect(done.cancelled_at).not.toBeNull();
    const outputs = await linesOf(done.output_file_id);
    const errors = await linesOf(done.error_file_id);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.error?.code === 'batch_cancelled' && e.response === null)).toBe(true);
    expect([...outputs, ...errors].map((l) => l.custom_id).sort()).toEqual(lines.map((l) => l.custom_id).sort());
    const again = await client.batches.cancel(batch.id);
    expect(again.status).toBe('cancelled');

    const finished = await settle(
      (
        await client.batches.create({
          input_file_id: (await upload([chatLine('x')])).id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
        })
      ).id,
    );
    const conflict = await validatingFetch(`${stack.gatewayUrl}/v1/batches/${finished.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminKey}` },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-should-retry')).toBe('false');
  });

  it(`expires past the completion window (${WINDOW_SECONDS} s here), unfinished lines as batch_expired`, async () => {
    const lines = Array.from({ length: 40 }, (_, i) => chatLine(`late-${i}`, { mock: { delay_ms: 1000 } }));
    const batch = await client.batches.create({
      input_file_id: (await upload(lines)).id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const done = await settle(batch.id, client, 30_000);
    expect(done.status).toBe('expired');
    const errors = await linesOf(done.error_file_id);
    const outputs = await linesOf(done.output_file_id);
    expect(errors.some((e) => e.error?.code === 'batch_expired')).toBe(true);
    expect([...outputs, ...errors].map((l) => l.custom_id).sort()).toEqual(lines.map((l) => l.custom_id).sort());
  });

  it('lists with auto-paging and keeps tenants apart', async () => {
    const ids: string[] = [];
    for await (const batch of client.batches.list({ limit: 2 })) ids.push(batch.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);

    const { key } = await createUserWithKey(stack, { name: 'other tenant', credits: 1 });
    const other = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    await expect(other.batches.retrieve(ids[0])).rejects.toMatchObject({ status: 404 });
    await expect(other.batches.cancel(ids[0])).rejects.toMatchObject({ status: 404 });
    expect((await other.batches.list()).data).toEqual([]);
    const mine = await upload([chatLine('a')]);
    await expect(
      other.batches.create({ input_file_id: mine.id, endpoint: '/v1/chat/completions', completion_window: '24h' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
