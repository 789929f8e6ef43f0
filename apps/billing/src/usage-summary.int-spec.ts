import { DataSource } from 'typeorm';
import {
  Events,
  nanoToUsd,
  Streams,
  Subjects,
  UsageEvent,
  UsageEventGroup,
  UsageGranularity,
  UsageGrouping,
  UsageSummaryReply,
  UsageSummaryRequest,
} from '@switchyard/contracts';
import { publishDurable, RpcClient } from '@switchyard/nats';
import { eventually, InProcessService, startServiceInProcess } from '@switchyard/testing';
import { BillingConfig } from './billing.config';
import { billingService } from './billing.service-definition';

const POLLING = { timeoutMs: 10_000, intervalMs: 50 };
const HOUR = 3600;
const DAY = 86_400;
const t = (iso: string): number => Date.parse(iso) / 1000;

const COLUMN: Record<UsageGrouping, string> = {
  none: 'NULL::text',
  model: 'u.model',
  channel_type: 'u.channel_type',
  user: 'u.user_id',
  channel: 'u.channel_id',
};

describe('usage summaries and top spenders from the roll-ups (real Postgres, JetStream)', () => {
  let service: InProcessService<BillingConfig>;
  let dataSource: DataSource;
  let rpc: RpcClient;
  const users: string[] = [];

  /** The summary as a scan of every usage record in the range would give it (less refunds). */
  async function scanned(request: UsageSummaryRequest): Promise<UsageSummaryReply> {
    const params: unknown[] = [request.from, request.to, users];
    const user = request.userId === null ? '' : ` AND u.user_id = $${params.push(request.userId)}`;
    const rows: { start: string; grp: string | null; requests: string; p: string; c: string; nano: string }[] = await dataSource.query(
      `SELECT extract(epoch FROM date_trunc('${request.granularity}', u.created_at, 'UTC'))::bigint AS start, ${COLUMN[request.groupBy]} AS grp,
         count(*)::text AS requests, sum(u.prompt_tokens)::text AS p, sum(u.completion_tokens)::text AS c,
         sum(u.cost_nano - coalesce(r.amount_nano, 0))::text AS nano
       FROM billing.usage_records u LEFT JOIN billing.ledger r ON r.kind = 'refund' AND r.reference = u.request_id
       WHERE u.created_at >= to_timestamp($1) AND u.created_at < to_timestamp($2) AND u.user_id = ANY($3)${user}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    const groups = new Map<string | null, { requests: number; nano: bigint }>();
    for (const r of rows) {
      const g = groups.get(r.grp) ?? { requests: 0, nano: 0n };
      groups.set(r.grp, { requests: g.requests + Number(r.requests), nano: g.nano + BigInt(r.nano) });
    }
    return {
      object: 'usage.summary',
      granularity: request.granularity,
      from: request.from,
      to: request.to,
      group_by: request.groupBy,
      totals: {
        requests: rows.reduce((n, r) => n + Number(r.requests), 0),
        prompt_tokens: rows.reduce((n, r) => n + Number(r.p), 0),
        completion_tokens: rows.reduce((n, r) => n + Number(r.c), 0),
        cost: nanoToUsd(rows.reduce((n, r) => n + BigInt(r.nano), 0n)),
      },
      series: rows.map((r) => ({
        start: Number(r.start),
        group: r.grp,
        requests: Number(r.requests),
        prompt_tokens: Number(r.p),
        completion_tokens: Number(r.c),
        cost: nanoToUsd(BigInt(r.nano)),
      })),
      groups: [...groups.entries()]
        .sort(([a, x], [b, y]) => (x.nano === y.nano ? String(a).localeCompare(String(b)) : x.nano > y.nano ? -1 : 1))
        .map(([group, g]) => ({ group, requests: g.requests, cost: nanoToUsd(g.nano) })),
    };
  }

  beforeAll(async () => {
    service = await startServiceInProcess(billingService, {});
    ({ dataSource, rpc } = service);
    await rpc.send(Subjects.billingPriceSet, { model: 'sum-a', body: { input_per_million: 1, output_per_million: 2 } });
    await rpc.send(Subjects.billingPriceSet, { model: 'sum-b', body: { input_per_million: 0.3, output_per_million: 0.7 } });
    for (const name of ['summary-1', 'summary-2', 'summary-3'])
      users.push((await rpc.send(Subjects.billingUserCreate, { name, credits: 100 })).id);
    // 3 users × 2 models × 2 channels over four days, at times on and around hour and day boundaries
    const events: UsageEvent[] = [];
    const base = t('2026-04-10T00:00:00Z');
    let n = 0;
    for (let i = 0; i < 120; i++) {
      const at = base + ((i * 7919) % (4 * DAY)) + (i % 3 === 0 ? 0 : i % 3 === 1 ? HOUR - 1 : 1234);
      events.push({
        requestId: `req_sum_${n++}`,
        userId: users[i % 3],
        keyId: 'key',
        model: i % 5 < 3 ? 'sum-a' : 'sum-b',
        endpoint: '/v1/chat/completions',
        channelId: i % 4 === 0 ? 'ch_private' : 'ch_platform',
        channelType: i % 4 === 0 ? 'PRIVATE' : 'PLATFORM',
        promptTokens: 100 + i * 13,
        completionTokens: 7 * i,
        estimated: false,
        batchId: i % 10 === 0 ? 'batch_sum' : null,
        latencyMs: 5,
        createdAt: new Date(at * 1000).toISOString(),
      });
    }
    const js = service.nc.jetstream();
    for (let i = 0; i < events.length; i += 40) {
      await publishDurable(
        js,
        Events.routerRequestCompleted,
        { events: events.slice(i, i + 40) } satisfies UsageEventGroup,
        `usage:sum:${i}`,
      );
    }
    await eventually(
      'the usage consumer to drain',
      async () => {
        const info = await (await service.nc.jetstreamManager()).consumers.info(Streams.usage.name, Streams.usage.billingConsumer);
        return info.num_ack_pending === 0 && info.num_pending === 0;
      },
      POLLING,
    );
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM billing.usage_records WHERE user_id = ANY($1)`, [users]))[0].n).toBe(
      120,
    );
    // a refund takes its cost out of the charts too
    expect(await rpc.send(Subjects.billingUsageRefund, { requestId: 'req_sum_7' })).toEqual({ refunded: true, pending: false });
  });

  afterAll(() => service?.stop());

  const ranges: [string, string][] = [
    ['2026-04-10T00:00:00Z', '2026-04-14T00:00:00Z'], // whole days
    ['2026-04-10T05:00:00Z', '2026-04-13T19:00:00Z'], // partial days at both ends
    ['2026-04-11T23:00:00Z', '2026-04-12T02:00:00Z'], // across midnight, no whole day
    ['2026-04-09T00:00:00Z', '2026-04-10T01:00:00Z'], // mostly before the usage
    ['2026-04-12T13:00:00Z', '2026-04-12T14:00:00Z'], // one hour
  ];

  it('answers every range, granularity and grouping exactly as a scan of the records does', async () => {
    for (const [from, to] of ranges)
      for (const granularity of ['hour', 'day'] as UsageGranularity[])
        for (const groupBy of ['none', 'model', 'channel_type', 'user', 'channel'] as UsageGrouping[])
          for (const userId of [users[1], null]) {
            // a day bucket is a whole UTC day (the gateway rounds the range out to days)
            const unit = granularity === 'day' ? DAY : HOUR;
            const range = { from: Math.floor(t(from) / unit) * unit, to: Math.ceil(t(to) / unit) * unit };
            const request: UsageSummaryRequest = { userId, ...range, granularity, groupBy };
            const answer = await rpc.send(Subjects.billingUsageSummary, request);
            // other suites' usage may share the database: the every-user answer is compared on these users' groups
            const expected = await scanned(request);
            if (userId === null && groupBy === 'user') {
              const ours = (p: { group: string | null }) => users.includes(p.group as string);
              expect([request, answer.series.filter(ours), answer.groups.filter(ours)]).toEqual([
                request,
                expected.series,
                expected.groups,
              ]);
            } else if (userId !== null) {
              expect([request, answer]).toEqual([request, expected]);
            }
          }
    const whole = await rpc.send(Subjects.billingUsageSummary, {
      userId: users[0],
      from: t(ranges[0][0]),
      to: t(ranges[0][1]),
      granularity: 'day',
      groupBy: 'model',
    });
    expect(whole.totals.requests).toBe(40);
    expect(whole.series.map((p) => p.start)).toEqual([...whole.series.map((p) => p.start)].sort((a, b) => a - b));
    expect(whole.groups.map((g) => g.group).sort()).toEqual(['sum-a', 'sum-b']);
  });

  it('ranks top spenders by their exact spend in the range', async () => {
    for (const [from, to] of ranges) {
      const answer = await rpc.send(Subjects.billingUsageTopSpenders, { from: t(from), to: t(to), limit: 100 });
      const expected = (await scanned({ userId: null, from: t(from), to: t(to), granularity: 'day', groupBy: 'user' })).groups;
      const ours = answer.data.filter((s) => users.includes(s.user_id));
      expect(ours).toEqual(
        expected.map((g) => ({
          user_id: g.group,
          name: `summary-${users.indexOf(g.group as string) + 1}`,
          requests: g.requests,
          cost: g.cost,
        })),
      );
    }
    const top1 = await rpc.send(Subjects.billingUsageTopSpenders, { from: t(ranges[0][0]), to: t(ranges[0][1]), limit: 1 });
    expect(top1.data).toHaveLength(1);
  });

  it('refuses ranges that are not whole hours, empty, or too long for the granularity, and unknown users', async () => {
    const refused = (request: Partial<UsageSummaryRequest>) =>
      rpc.send(Subjects.billingUsageSummary, {
        userId: null,
        from: t('2026-04-10T00:00:00Z'),
        to: t('2026-04-11T00:00:00Z'),
        granularity: 'hour',
        groupBy: 'none',
        ...request,
      });
    await expect(refused({ from: t('2026-04-10T00:00:01Z') })).rejects.toMatchObject({ code: 'invalid_value' });
    await expect(refused({ granularity: 'day', from: t('2026-04-10T01:00:00Z') })).rejects.toMatchObject({ code: 'invalid_value' });
    await expect(refused({ to: t('2026-04-10T00:00:00Z') })).rejects.toMatchObject({ code: 'invalid_value' });
    await expect(refused({ to: t('2026-04-10T00:00:00Z') + 32 * DAY })).rejects.toMatchObject({ code: 'invalid_value' });
    await expect(refused({ granularity: 'day', to: t('2026-04-10T00:00:00Z') + 400 * DAY })).resolves.toMatchObject({
      object: 'usage.summary',
    });
    await expect(refused({ userId: 'usr_nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports records page by page, newest first, with the exact cost and a count', async () => {
    const pages: string[][] = [];
    let after: string | undefined;
    let counted: number | undefined;
    do {
      const page = await rpc.send(Subjects.billingUsageExport, {
        userId: users[0],
        limit: 15,
        ...(after && { after }),
        ...(after === undefined && { countUpTo: 30 }),
      });
      if (after === undefined) counted = page.counted;
      pages.push(page.rows.map((r) => `${r.requestId}:${r.costNano}`));
      after = page.nextAfter ?? undefined;
    } while (after !== undefined);
    expect(counted).toBe(30);
    expect(pages.map((p) => p.length)).toEqual([15, 15, 10]);
    const expected: { id: string; nano: string }[] = await dataSource.query(
      `SELECT request_id AS id, cost_nano::text AS nano FROM billing.usage_records WHERE user_id = $1 ORDER BY created_at DESC, seq DESC`,
      [users[0]],
    );
    expect(pages.flat()).toEqual(expected.map((r) => `${r.id}:${r.nano}`));
  });
});
