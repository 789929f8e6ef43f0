import OpenAI from 'openai';
import { Client } from 'pg';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  RunningStack,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';

const DEFAULT_MAX_OUTPUT_TOKENS = 1000;

/**
 * Money a caller cannot take: the hold covers the largest output limit the upstream is sent (and
 * the upstream is sent exactly that one), every byte of input, and a cost beyond the hold becomes
 * debt that stops paid requests until credits repay it. Prices: $1 per million input tokens and
 * $10 per million output tokens on the demo stack's OpenAI, Anthropic and Gemini channels.
 */
describe('money: holds that cover what the upstream may charge, and debt', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let db: Client;
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const mockRequests = async (): Promise<{ path: string; body: any }[]> =>
    ((await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: any[] }).data;
  const clearMock = () => uncheckedFetch(`${stack.mockUrl}/__mock/requests`, { method: 'DELETE' });
  const gemini = (key: string, model: string, body: unknown) =>
    call('POST', `/v1beta/models/${model}:generateContent`, null, body, { 'x-goog-api-key': key });
  const messages = (key: string, body: unknown) =>
    call('POST', '/v1/messages', null, body, { 'x-api-key': key, 'anthropic-version': '2023-06-01' });
  const chat = (key: string, extra: Record<string, unknown>) =>
    call('POST', '/v1/chat/completions', key, { model: 'mock-gpt', messages: [{ role: 'user', content: 'pay me' }], ...extra });
  /** Every output-limit spelling in a body the mock upstream received. */
  const limitsIn = (body: any) => ({
    ...(body.max_tokens !== undefined && { max_tokens: body.max_tokens }),
    ...(body.max_completion_tokens !== undefined && { max_completion_tokens: body.max_completion_tokens }),
    ...(body.max_output_tokens !== undefined && { max_output_tokens: body.max_output_tokens }),
    ...(body.generationConfig?.maxOutputTokens !== undefined && { maxOutputTokens: body.generationConfig.maxOutputTokens }),
  });
  const accountOf = async (userId: string) => (await admin('GET', `/admin/users/${userId}`)).body as { balance: number; debt: number };

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({ SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS: String(DEFAULT_MAX_OUTPUT_TOKENS) });
    call = apiCaller(stack);
    for (const model of ['mock-gpt', 'mock-claude', 'mock-gemini'])
      await admin('PUT', `/admin/prices/${model}`, { input_per_million: 1, output_per_million: 10 });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  beforeEach(async () => {
    await clearMock();
    await uncheckedFetch(`${stack.mockUrl}/__mock/config`, { method: 'POST', body: JSON.stringify({}) });
  });

  it('on the Gemini route, max_tokens: 1 beside generationConfig.maxOutputTokens: 50000 is held for 50,000, and the upstream gets only that limit', async () => {
    // $0.05 cannot cover 50,000 output tokens ($0.50)
    const { key } = await createUserWithKey(stack, { name: 'gemini-aliases', credits: 0.05 });
    const contents = [{ role: 'user', parts: [{ text: 'hello' }] }];
    const refused = await gemini(key, 'mock-gemini', { contents, max_tokens: 1, generationConfig: { maxOutputTokens: 50_000 } });
    expect(refused.status).toBe(402);
    expect(await mockRequests()).toEqual([]);

    // 2,000 tokens ($0.02) fit: native to the Gemini channel, and translated to the OpenAI one
    for (const model of ['mock-gemini', 'mock-gpt']) {
      await clearMock();
      const served = await gemini(key, model, { contents, max_tokens: 1, generationConfig: { maxOutputTokens: 2000, temperature: 0.5 } });
      expect(served.status).toBe(200);
      const [received] = await mockRequests();
      expect(Object.values(limitsIn(received.body))).toEqual([2000]);
    }
  });

  it('holds the largest of max_tokens and max_completion_tokens on chat, max_tokens on Messages, and sends only the limit held', async () => {
    const { key } = await createUserWithKey(stack, { name: 'chat-aliases', credits: 0.05 });
    expect((await chat(key, { max_tokens: 50_000, max_completion_tokens: 10 })).status).toBe(402);
    expect(
      (
        await messages(key, {
          model: 'mock-claude',
          max_tokens: 50_000,
          max_completion_tokens: 1,
          messages: [{ role: 'user', content: 'hi' }],
        })
      ).status,
    ).toBe(402);
    expect(await mockRequests()).toEqual([]);

    expect((await chat(key, { max_tokens: 2000, max_completion_tokens: 10 })).status).toBe(200);
    expect(
      (
        await messages(key, {
          model: 'mock-claude',
          max_tokens: 2000,
          max_completion_tokens: 1,
          messages: [{ role: 'user', content: 'hi' }],
        })
      ).status,
    ).toBe(200);
    // the Messages route translated to the OpenAI channel, too
    expect(
      (await messages(key, { model: 'mock-gpt', max_tokens: 2000, max_completion_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }))
        .status,
    ).toBe(200);
    const received = await mockRequests();
    expect(received.map((r) => [r.path, limitsIn(r.body)])).toEqual([
      ['/v1/chat/completions', { max_tokens: 2000 }],
      ['/v1/messages', { max_tokens: 2000 }],
      ['/v1/chat/completions', { max_tokens: 2000 }],
    ]);

    // no limit given: the default that was held is the limit sent
    await clearMock();
    expect((await chat(key, {})).status).toBe(200);
    expect(limitsIn((await mockRequests())[0].body)).toEqual({ max_completion_tokens: DEFAULT_MAX_OUTPUT_TOKENS });
    // n choices are each held in full: 4 × 2,000 × $10/M = $0.08 > $0.05
    expect((await chat(key, { max_tokens: 2000, n: 4 })).status).toBe(402);
  });

  it('counts megabytes of tool descriptions as input', async () => {
    const { key } = await createUserWithKey(stack, { name: 'tools', credits: 0.05 });
    // 300,000 bytes of description: up to 300,000 input tokens, $0.30
    const tools = [
      { type: 'function', function: { name: 'lookup', description: 'd'.repeat(300_000), parameters: { type: 'object', properties: {} } } },
    ];
    const refused = await chat(key, { max_tokens: 10, tools });
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('insufficient_quota');
    expect(await mockRequests()).toEqual([]);
    expect(
      (await chat(key, { max_tokens: 10, tools: [{ ...tools[0], function: { ...tools[0].function, description: 'short' } }] })).status,
    ).toBe(200);
  });

  it('refuses a limit so large no balance could hold it with 402, never a message naming an internal field', async () => {
    const { key } = await createUserWithKey(stack, { name: 'huge-limit', credits: 1 });
    const refused = await chat(key, { max_tokens: Number.MAX_SAFE_INTEGER, n: 128 });
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'insufficient_quota', param: null });
    expect(refused.body.error.message).not.toMatch(/nano/i);
  });

  it('turns what an overshooting upstream charges beyond the hold into debt, refuses paid requests until credits repay it', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'overshoot', credits: 0.05 });
    const sdk = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    // held for 100 output tokens; the upstream reports 10,000 ($0.10)
    const answer = await chat(key, { max_tokens: 100, mock: { completion_tokens: 10_000 } });
    expect(answer.status).toBe(200);
    expect(limitsIn((await mockRequests())[0].body)).toEqual({ max_tokens: 100 });
    const account = await eventually('the overshoot to be owed', () => accountOf(userId), {
      until: (a) => a.debt !== 0,
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    expect(account.balance).toBe(0);
    expect(account.debt).toBeGreaterThan(0.05);
    expect(account.debt).toBeLessThan(0.051);

    const refused = await sdk.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'again' }], max_tokens: 10 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect(refused).toMatchObject({ status: 402, code: 'insufficient_quota' });
    expect((refused as InstanceType<typeof OpenAI.APIError>).message).toContain('owes $');

    // credits repay the debt first: a part of it leaves the balance at zero and requests refused
    const partial = await admin('POST', `/admin/users/${userId}/credits`, { amount: 0.05 });
    expect(partial.body).toMatchObject({ balance: 0 });
    expect(partial.body.debt).toBeGreaterThan(0);
    expect((await chat(key, { max_tokens: 10 })).status).toBe(402);
    const repaid = await admin('POST', `/admin/users/${userId}/credits`, { amount: 0.05 });
    expect(repaid.body.debt).toBe(0);
    expect(repaid.body.balance).toBeGreaterThan(0.04);
    expect((await chat(key, { max_tokens: 10 })).status).toBe(200);

    // every account: the ledger sums to balance − debt, neither ever negative
    const { rows } = await db.query(
      `SELECT u.id FROM billing.users u LEFT JOIN (SELECT user_id, sum(amount_nano) AS total FROM billing.ledger GROUP BY user_id) l ON l.user_id = u.id
       WHERE coalesce(l.total, 0) <> u.balance_nano - u.debt_nano OR u.balance_nano < 0 OR u.debt_nano < 0`,
    );
    expect(rows).toEqual([]);
  });

  it('answers absurd credit amounts and out-of-range usage dates with a 400 naming the public parameter', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'rich', credits: 1e9 });
    for (const amount of [1e9, 1e300, 5e8]) {
      const refused = await admin('POST', `/admin/users/${userId}/credits`, { amount });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ param: 'amount' });
      expect(refused.body.error.message).not.toMatch(/nano/i);
    }
    for (const [path, param] of [
      ['/v1/usage?from=99999999999999999999', 'from'],
      ['/v1/usage/daily?to=0000-01-01', 'to'],
      ['/v1/usage?to=10000-01-01', 'to'],
    ] as const) {
      const refused = await call('GET', path, key);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_value', param });
    }
    const adminRefused = await admin('GET', '/admin/usage?from=253402300800');
    expect(adminRefused.status).toBe(400);
    expect(adminRefused.body.error).toMatchObject({ param: 'from' });
  });
});

describe('money: debt with two router replicas', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let db: Client;

  beforeAll(async () => {
    // split: two router processes hand out one user's credit
    stack = await startStackLikeNpmStart({ SWITCHYARD_REPLICAS: 'router=2' }, { mode: 'split' });
    call = apiCaller(stack);
    await call('PUT', '/admin/prices/mock-gpt', stack.adminKey, { input_per_million: 1, output_per_million: 10 });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('stops every replica serving a user from its lease once they owe debt', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'two-leases', credits: 1 });
    const chat = (extra: Record<string, unknown> = {}) =>
      call('POST', '/v1/chat/completions', key, {
        model: 'mock-gpt',
        messages: [{ role: 'user', content: 'lease me' }],
        max_tokens: 10,
        ...extra,
      });
    const leases = async () =>
      Number(
        (await db.query(`SELECT count(*) AS n FROM billing.holds WHERE user_id = $1 AND request_id LIKE 'lease_%'`, [userId])).rows[0].n,
      );
    // requests spread over both replicas until each holds a lease for this user ($0.50 and $0.25)
    for (let i = 0; i < 60 && (await leases()) < 2; i++) expect((await chat()).status).toBe(200);
    expect(await leases()).toBe(2);

    // one replica's upstream answers 200,000 tokens ($2): the $1 balance is gone, about $1 is owed
    expect((await chat({ mock: { completion_tokens: 200_000 } })).status).toBe(200);
    const debt = await eventually(
      'the overshoot to be owed',
      async () => (await call('GET', `/admin/users/${userId}`, stack.adminKey)).body.debt,
      {
        until: (owed) => owed !== 0,
        timeoutMs: 10_000,
        intervalMs: 100,
      },
    );
    expect(debt).toBeGreaterThan(0.9);
    await new Promise((r) => setTimeout(r, 300)); // the broadcast reaching both replicas

    // the other replica's lease still has money on it, but no request may draw on it now
    const after = await Promise.all(Array.from({ length: 10 }, () => chat()));
    expect(after.map((a) => a.status)).toEqual(Array(10).fill(402));
  });
});
