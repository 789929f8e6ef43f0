import { Client } from 'pg';
import { formatDecimal } from '@switchyard/contracts';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
} from '@switchyard/testing';

/** The console's charts, top spenders and CSV export, through the running system (answers checked against the API document). */
describe('usage charts and export through the running system', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let upstream: MockUpstreamProcess;
  let db: Client;
  let user: { userId: string; key: string };
  const admin = (path: string) => call('GET', path, stack.adminKey);
  const hour = () => Math.floor(Date.now() / 1000 / 3600) * 3600;

  beforeAll(async () => {
    upstream = await startMockUpstream({ apiKey: 'sk-charts' });
    stack = await startStackLikeNpmStart({ SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true' });
    call = apiCaller(stack);
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const channel = { provider: 'openai', base_url: `${upstream.url}/v1`, api_key: 'sk-charts' };
    await call('POST', '/admin/channels', stack.adminKey, { ...channel, name: 'charts', models: ['chart-a', 'chart-b'] });
    await call('PUT', '/admin/prices/chart-a', stack.adminKey, { input_per_million: 0.15, output_per_million: 0.6 });
    await call('PUT', '/admin/prices/chart-b', stack.adminKey, { input_per_million: 3, output_per_million: 15 });
    user = await createUserWithKey(stack, { name: 'charted', credits: 5 });
    const ask = (model: string, completion: number) =>
      call('POST', '/v1/chat/completions', user.key, {
        model,
        messages: [{ role: 'user', content: 'chart me' }],
        mock: { completion_tokens: completion },
      });
    for (const [model, completion] of [
      ['chart-a', 7],
      ['chart-a', 11],
      ['chart-b', 13],
    ] as const)
      expect((await ask(model, completion)).status).toBe(200);
    await eventually('three usage records', async () => (await call('GET', '/v1/usage', user.key)).body.data.length, {
      until: (n) => n === 3,
      timeoutMs: 10_000,
      intervalMs: 50,
    });
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await upstream?.stop();
  });

  it("charts the caller's usage per hour and day by model, with totals equal to what was billed", async () => {
    const records = (await call('GET', '/v1/usage', user.key)).body.data as { model: string; cost: number; prompt_tokens: number }[];
    const nano = (await db.query(`SELECT sum(cost_nano)::text AS n FROM billing.usage_records WHERE user_id = $1`, [user.userId])).rows[0]
      .n;
    const byDay = await call('GET', '/v1/usage/summary?group_by=model', user.key);
    expect(byDay.status).toBe(200);
    expect(byDay.body).toMatchObject({ object: 'usage.summary', granularity: 'day', group_by: 'model' });
    expect(byDay.body.totals.requests).toBe(3);
    expect(byDay.body.totals.cost).toBe(Number(formatDecimal(BigInt(nano), 9)));
    expect(byDay.body.totals.prompt_tokens).toBe(records.reduce((n, r) => n + r.prompt_tokens, 0));
    expect(byDay.body.groups.map((g: { group: string; requests: number }) => [g.group, g.requests])).toEqual([
      ['chart-b', 1],
      ['chart-a', 2],
    ]);

    const byHour = await call('GET', `/v1/usage/summary?granularity=hour&from=${hour() - 3600}&to=${hour() + 3600}`, user.key);
    expect(byHour.body.series.map((p: { start: number; group: null; requests: number }) => [p.group, p.requests])).toEqual([[null, 3]]);
    expect(byHour.body.series[0].start).toBe(hour());
    expect(byHour.body).toMatchObject({ from: hour() - 3600, to: hour() + 3600 });
    const channelType = await call('GET', '/v1/usage/summary?group_by=channel_type', user.key);
    expect(channelType.body.groups).toEqual([{ group: 'PLATFORM', requests: 3, cost: byDay.body.totals.cost }]);

    expect((await call('GET', '/v1/usage/summary?group_by=user', user.key)).body.error).toMatchObject({
      code: 'invalid_value',
      param: 'group_by',
    });
    expect((await call('GET', '/v1/usage/summary?granularity=hour&from=2026-01-01&to=2026-03-01', user.key)).status).toBe(400);
    expect((await call('GET', '/v1/usage/summary?granularity=minute', user.key)).body.error.param).toBe('granularity');
  });

  it('gives admins every user by user, model and channel, one user with user_id, and the top spenders; others get 403', async () => {
    const byUser = await admin('/admin/usage/summary?group_by=user');
    expect(byUser.status).toBe(200);
    expect(byUser.body.groups).toContainEqual(expect.objectContaining({ group: user.userId, requests: 3 }));
    const one = await admin(`/admin/usage/summary?group_by=channel&user_id=${user.userId}`);
    expect(one.body.totals.requests).toBe(3);
    expect(one.body.groups).toHaveLength(1);
    expect((await admin('/admin/usage/summary?user_id=usr_nobody')).status).toBe(404);

    const top = await admin('/admin/usage/top-spenders?limit=5');
    expect(top.status).toBe(200);
    expect(top.body.data[0]).toEqual({ user_id: user.userId, name: 'charted', requests: 3, cost: one.body.totals.cost });
    expect((await admin('/admin/usage/top-spenders?limit=500')).body.error.param).toBe('limit');

    for (const path of ['/admin/usage/summary', '/admin/usage/top-spenders', '/admin/usage?format=csv']) {
      expect((await call('GET', path, user.key)).status).toBe(403);
    }
  });

  it('exports usage as a CSV download with the exact cost of each record', async () => {
    const csv = await call('GET', '/v1/usage?format=csv', user.key);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="usage-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get('x-switchyard-export-truncated')).toBe('false');
    const [header, ...rows] = (csv.body as string).trimEnd().split('\r\n');
    expect(header).toBe(
      'created_at,request_id,user_id,model,endpoint,channel_id,channel_type,prompt_tokens,completion_tokens,cached_tokens,cache_write_tokens,reasoning_tokens,cost,batch_id',
    );
    const stored = (
      await db.query(
        `SELECT request_id, cost_nano::text AS nano, created_at FROM billing.usage_records WHERE user_id = $1 ORDER BY created_at DESC, seq DESC`,
        [user.userId],
      )
    ).rows as { request_id: string; nano: string; created_at: Date }[];
    expect(rows.map((r) => r.split(','))).toEqual(
      stored.map((s) => [
        s.created_at.toISOString(),
        s.request_id,
        user.userId,
        expect.stringMatching(/^chart-[ab]$/),
        '/v1/chat/completions',
        expect.any(String),
        'PLATFORM',
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^(7|11|13)$/),
        '0',
        '0',
        '0',
        formatDecimal(BigInt(s.nano), 9),
        '',
      ]),
    );

    const filtered = await call('GET', '/v1/usage?format=csv&model=chart-b', user.key);
    expect((filtered.body as string).trimEnd().split('\r\n')).toHaveLength(2);
    const everyone = await admin(`/admin/usage?format=csv&user_id=${user.userId}`);
    expect(everyone.body).toBe(csv.body);
    expect((await call('GET', '/v1/usage?format=xml', user.key)).body.error).toMatchObject({ code: 'invalid_value', param: 'format' });
  });
});
