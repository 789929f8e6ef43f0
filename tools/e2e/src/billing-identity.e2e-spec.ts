import OpenAI, { toFile } from 'openai';
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

/**
 * Internal identities are made by the server: a caller's `x-request-id` is a label we echo, never
 * the id that keys usage, holds or cache entries. Whatever ids a caller sends, every upstream call
 * on a PLATFORM channel is billed exactly once.
 */
describe('no caller-chosen id skips billing', () => {
  let stack: RunningStack;
  let upstream: MockUpstreamProcess;
  let call: ReturnType<typeof apiCaller>;
  let db: Client;
  let channelId: string;
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const chat = (key: string, requestId: string, content = 'cheap') =>
    call(
      'POST',
      '/v1/chat/completions',
      key,
      { model: 'paid-chat', messages: [{ role: 'user', content }], max_tokens: 20 },
      { 'x-request-id': requestId },
    );

  /** Upstream calls that produce usage: chats and the start of a generation (its polls cost nothing). */
  async function billableUpstreamCalls(): Promise<number> {
    return (await upstream.requests()).filter((r) => r.path === '/v1/chat/completions' || r.path === '/v1/videos').length;
  }

  async function usageRecordsOnChannel(): Promise<number> {
    return Number(
      (await db.query(`SELECT count(*) AS n FROM billing.usage_records WHERE channel_id = $1 AND channel_type = 'PLATFORM'`, [channelId]))
        .rows[0].n,
    );
  }

  const POLLING = { timeoutMs: 30_000, intervalMs: 200 };

  beforeAll(async () => {
    [stack, upstream] = await Promise.all([
      startStackLikeNpmStart({ SWITCHYARD_TASK_POLL_MS: '100', SWITCHYARD_TASK_MAX_POLL_MS: '400' }),
      startMockUpstream(),
    ]);
    call = apiCaller(stack);
    const channel = await admin('POST', '/admin/channels', {
      name: 'paid',
      provider: 'openai-compatible',
      base_url: `${upstream.url}/v1`,
      api_key: 'k',
      models: ['paid-chat', 'paid-video'],
    });
    channelId = channel.body.id;
    await admin('PUT', '/admin/prices/paid-chat', { input_per_million: 1, output_per_million: 10 });
    await admin('PUT', '/admin/prices/paid-video', { input_per_million: 0, output_per_million: 0, per_call: 0.5 });
    await upstream.configure({ task_ms: 300 });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([stack?.stop(), upstream?.stop()]);
  });

  it("answers with its own x-request-id and echoes the caller's as x-client-request-id", async () => {
    const { key } = await createUserWithKey(stack, { name: 'echo' });
    const answer = await chat(key, 'my-trace-1');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{24}$/);
    expect(answer.headers.get('x-client-request-id')).toBe('my-trace-1');
  });

  it('bills every upstream call once after a barrage of repeated, borrowed and server-made ids as x-request-id', async () => {
    const alice = await createUserWithKey(stack, { name: 'alice', credits: 5 });
    const bob = await createUserWithKey(stack, { name: 'bob', credits: 5 });
    const aliceClient = new OpenAI({ apiKey: alice.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const [callsBefore, recordsBefore] = [await billableUpstreamCalls(), await usageRecordsOnChannel()];

    // the same id three times, in answers and in a stream
    for (let i = 0; i < 3; i++) expect((await chat(alice.key, 'same-id')).status).toBe(200);
    const streamed = await aliceClient.chat.completions.create(
      { model: 'paid-chat', messages: [{ role: 'user', content: 'stream me' }], stream: true },
      { headers: { 'x-request-id': 'same-id' } },
    );
    for await (const chunk of streamed) void chunk;

    // another user's request id, taken from the answer bob was given
    const bobs = await chat(bob.key, 'bobs-own-label', 'bob asks');
    expect(bobs.status).toBe(200);
    expect((await chat(alice.key, bobs.headers.get('x-request-id')!)).status).toBe(200);

    // ids of a batch and its lines, used right after the batch is created
    const lines = [0, 1]
      .map((i) =>
        JSON.stringify({
          custom_id: `line-${i}`,
          method: 'POST',
          url: '/v1/chat/completions',
          body: { model: 'paid-chat', messages: [{ role: 'user', content: `line ${i}` }], max_tokens: 20 },
        }),
      )
      .join('\n');
    const input = await aliceClient.files.create({ file: await toFile(Buffer.from(lines), 'lines.jsonl'), purpose: 'batch' });
    const batch = await aliceClient.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    for (const id of [batch.id, `${batch.id}-0`, `${batch.id}-1`, `${batch.id}-2`]) expect((await chat(alice.key, id)).status).toBe(200);

    // the id of a generation task, used right after it is created
    const task = await call('POST', '/v1/videos/generations', alice.key, { model: 'paid-video', prompt: 'a free video?' });
    expect(task.status).toBe(200);
    expect((await chat(alice.key, task.body.id)).status).toBe(200);

    await eventually('the batch to complete', () => aliceClient.batches.retrieve(batch.id), {
      ...POLLING,
      until: (b) => b.status === 'completed',
    });
    await eventually(
      'the task to succeed',
      async () => (await call('GET', `/v1/videos/generations/${task.body.id}`, alice.key)).body.status,
      {
        ...POLLING,
        until: (s) => s === 'succeeded',
      },
    );

    const calls = (await billableUpstreamCalls()) - callsBefore;
    // 3 + 1 stream + bob + borrowed + 4 with batch ids + 2 batch lines + task start + task id
    expect(calls).toBe(14);
    const records = await eventually('a usage record per call', async () => (await usageRecordsOnChannel()) - recordsBefore, {
      ...POLLING,
      until: (n) => n >= calls,
      timeoutMs: 20_000,
    }).catch((e: Error) => e.message);
    expect(records).toBe(calls);

    // every user's balance is what their ledger says
    const books = await db.query(
      `SELECT u.id, u.balance_nano::text AS balance, coalesce(sum(l.amount_nano), 0)::text AS ledger, count(l.id) FILTER (WHERE l.kind = 'usage')::int AS debits
         FROM billing.users u LEFT JOIN billing.ledger l ON l.user_id = u.id WHERE u.id = ANY($1) GROUP BY u.id`,
      [[alice.userId, bob.userId]],
    );
    expect(books.rows).toHaveLength(2);
    for (const row of books.rows) expect(row.balance).toBe(row.ledger);
    const debits = Object.fromEntries(books.rows.map((r) => [r.id, r.debits]));
    expect(debits).toEqual({ [alice.userId]: 13, [bob.userId]: 1 });
  });
});
