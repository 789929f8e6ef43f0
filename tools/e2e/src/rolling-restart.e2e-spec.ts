import { readFileSync } from 'fs';
import { join } from 'path';
import OpenAI, { toFile } from 'openai';
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

/** Every service runs twice; each replica is restarted in turn, this order (batches first: its batch is running). */
const SERVICES = ['batches', 'router', 'billing', 'files', 'gateway'] as const;
const REPLICAS = SERVICES.map((s) => `${s}=2`).join(',');
/** lines of 400 ms each, 4 at a time per batches replica: the batch runs while batches and routers restart */
const BATCH_LINES = 200;
/**
 * The load balancer polls each gateway's /ready this often, and a draining gateway keeps serving
 * longer than that. With SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS=0 this spec fails (requests sent in the
 * poll's blind spot find the listener closed: "Connection error."), so it measures the delay's job.
 */
const READY_POLL_MS = 500;
const DRAIN_DELAY_MS = 1200;
const finished = (batch: OpenAI.Batch) => ['completed', 'failed', 'expired', 'cancelled'].includes(batch.status);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The launcher's pid of a process now (stack.json is rewritten when one is started again). */
function pidOf(stack: RunningStack, name: string): number {
  return JSON.parse(readFileSync(join(stack.dataDir, 'stack.json'), 'utf8')).pids[name];
}

/** SIGTERM one process; the launcher reports its exit and starts it again; resolves once the new one is ready. */
async function restart(stack: RunningStack, name: string, whenSignalled: () => void = () => undefined): Promise<{ exit: string }> {
  const escaped = name.replace(/[-]/g, '\\-');
  const exited = stack.launcher.waitForLine(new RegExp(`\\] ${escaped} exited \\(`), 30_000);
  const readyAgain = stack.launcher.waitForLine(new RegExp(`\\] ${escaped} is ready again`), 60_000);
  process.kill(pidOf(stack, name), 'SIGTERM');
  whenSignalled();
  const exit = /exited \(([^)]*)\)/.exec(await exited)![1];
  await readyAgain;
  return { exit };
}

/**
 * What a load balancer does in front of the gateways: it polls each one's `GET /ready` and sends
 * each request to the next gateway that was ready at its last poll (round robin). A gateway that is
 * shutting down answers 503 there at once and keeps serving for the drain delay, so it stops getting
 * requests before it closes its listener.
 */
class TestLoadBalancer {
  private readonly ready = new Map<string, boolean>();
  private next = 0;
  private polling: NodeJS.Timeout | null = null;
  /** for every event stream answered: whether it ended with `data: [DONE]` */
  readonly streamEnds: Promise<boolean>[] = [];

  constructor(private readonly gateways: string[]) {
    for (const url of gateways) this.ready.set(url, true);
  }

  start(): void {
    const poll = async () => {
      await Promise.all(
        this.gateways.map(async (url) => {
          try {
            this.ready.set(url, (await uncheckedFetch(`${url}/ready`)).status === 200);
          } catch {
            this.ready.set(url, false);
          }
        }),
      );
      this.polling = setTimeout(() => void poll(), READY_POLL_MS);
    };
    void poll();
  }

  stop(): void {
    if (this.polling) clearTimeout(this.polling);
    this.polling = null;
  }

  isReady(url: string): boolean {
    return this.ready.get(url) === true;
  }

  /** A `fetch` for the SDK: the request goes to the next ready gateway (checked against the API document as usual). */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = this.pick();
    const url = new URL(input instanceof Request ? input.url : String(input));
    const response = await validatingFetch(`${target}${url.pathname}${url.search}`, init);
    if (!response.headers.get('content-type')?.includes('text/event-stream') || !response.body) return response;
    const [forCaller, forCheck] = response.body.tee();
    this.streamEnds.push(new Response(forCheck).text().then((text) => text.trimEnd().endsWith('data: [DONE]')));
    return new Response(forCaller, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  private pick(): string {
    for (let i = 0; i < this.gateways.length; i++) {
      const url = this.gateways[this.next++ % this.gateways.length];
      if (this.isReady(url)) return url;
    }
    throw new Error('no gateway is ready');
  }
}

/**
 * Zero-downtime rolling restarts: with two replicas of every service behind a load balancer that
 * polls `/ready`, each replica in turn gets SIGTERM, drains, exits 0 and is started again by the
 * launcher, while callers send chats, streams and uploads and a batch runs. Nothing fails, no stream
 * breaks, the batch completes with every line once, and every upstream call is billed exactly once.
 */
describe('rolling restart of every service, one replica at a time, under load', () => {
  let stack: RunningStack;
  let lb: TestLoadBalancer;
  let db: Client;

  beforeAll(async () => {
    // split: every service runs as two processes that are restarted one by one
    stack = await startStackLikeNpmStart(
      {
        SWITCHYARD_REPLICAS: REPLICAS,
        SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
        SWITCHYARD_SHUTDOWN_GRACE_MS: '20000',
        SWITCHYARD_BATCH_CONCURRENCY: '4',
      },
      { mode: 'split' },
    );
    lb = new TestLoadBalancer(stack.gatewayUrls);
    lb.start();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    lb?.stop();
    await db?.end();
    await stack?.stop();
  });

  it('loses no request, breaks no stream, runs every batch line once and bills every upstream call once', async () => {
    const { userId, key } = await createUserWithKey(stack, { name: 'rolling', credits: 5 });
    // the load is steady, not a flood: the role's 60 a minute would refuse it before any restart
    const limit = await apiCaller(stack)('PUT', `/admin/users/${userId}/rate-limit`, stack.adminKey, { requests_per_minute: 100_000 });
    expect(limit.status).toBe(200);
    const client = new OpenAI({ apiKey: key, baseURL: 'http://load-balancer/v1', maxRetries: 0, fetch: lb.fetch });
    const marker = `rolling-${Date.now()}`;
    const startingBalance = await balanceOf(userId);

    const lines = Array.from({ length: BATCH_LINES }, (_, i) =>
      JSON.stringify({
        custom_id: `line-${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: `${marker} line ${i}` }], mock: { delay_ms: 400 } },
      }),
    ).join('\n');
    const input = await client.files.create({ file: await toFile(Buffer.from(lines), 'rolling.jsonl'), purpose: 'batch' });
    const batch = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });

    const failures: string[] = [];
    const counts = { chats: 0, streams: 0, uploads: 0 };
    let loading = true;
    const note = (what: string) => (error: unknown) => void failures.push(`${what}: ${(error as Error).message}`);

    const chatLoop = async (worker: number) => {
      for (let i = 0; loading; i++) {
        const content = `${marker} w${worker} ${i}`;
        if (i % 2 === 0) {
          await client.chat.completions
            .create({ model: 'mock-gpt', messages: [{ role: 'user', content }] })
            .then((answer) => {
              if (!answer.choices[0]?.message.content) throw new Error('an answer without content');
              counts.chats++;
            })
            .catch(note('chat'));
        } else {
          await (async () => {
            const stream = await client.chat.completions.create({
              model: 'mock-gpt',
              messages: [{ role: 'user', content }],
              stream: true,
              // the mock upstream's own field: a pause between stream events, so streams span restarts
              ...({ mock: { chunk_delay_ms: 60 } } as object),
            });
            let finish: string | null = null;
            for await (const chunk of stream) finish = chunk.choices[0]?.finish_reason ?? finish;
            if (finish !== 'stop') throw new Error(`a stream that ended without finish_reason "stop" (${finish})`);
            counts.streams++;
          })().catch(note('stream'));
        }
        await sleep(50);
      }
    };
    const uploadLoop = async () => {
      for (let i = 0; loading; i++) {
        // a batch input file (checked as one when stored), never run: its marker is not the calls' one
        const line = { custom_id: `upload-${i}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'mock-gpt', messages: [] } };
        const text = `${JSON.stringify(line)}\n`;
        await (async () => {
          const file = await client.files.create({ file: await toFile(Buffer.from(text), `upload-${i}.jsonl`), purpose: 'batch' });
          const stored = await (await client.files.content(file.id)).text();
          if (stored !== text) throw new Error(`upload ${i} came back as ${JSON.stringify(stored)}`);
          counts.uploads++;
        })().catch(note('upload'));
        await sleep(700);
      }
    };
    const load = Promise.all([chatLoop(1), chatLoop(2), uploadLoop()]);

    const exits: Record<string, string> = {};
    const took: string[] = [];
    try {
      for (const service of SERVICES) {
        for (const replica of [1, 2]) {
          const name = `${service}-${replica}`;
          const started = Date.now();
          exits[name] = (await restart(stack, name)).exit;
          took.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
          // a load balancer takes a restarted gateway back once it answers /ready, before the next one goes
          if (service === 'gateway')
            await eventually(`the load balancer to see ${name} ready`, () => lb.isReady(stack.gatewayUrls[replica - 1]), {
              timeoutMs: 10_000,
            });
        }
      }
    } finally {
      loading = false;
      await load;
    }

    const batchAfterRestarts = await client.batches.retrieve(batch.id);
    process.stdout.write(
      `rolling restart: ${took.join(', ')}; served ${counts.chats} chats, ${counts.streams} streams, ${counts.uploads} uploads; ` +
        `batch ${batchAfterRestarts.status} with ${batchAfterRestarts.request_counts?.completed}/${BATCH_LINES} lines when the last replica was back\n`,
    );
    expect(exits).toEqual(Object.fromEntries(SERVICES.flatMap((s) => [1, 2].map((r) => [`${s}-${r}`, 'code 0']))));
    expect(failures).toEqual([]);
    expect(counts.chats).toBeGreaterThan(10);
    expect(counts.streams).toBeGreaterThan(10);
    expect(counts.uploads).toBeGreaterThan(5);
    const streamEnds = await Promise.all(lb.streamEnds);
    expect(streamEnds.filter((ended) => !ended)).toEqual([]);

    const done = await eventually('the batch to finish', () => client.batches.retrieve(batch.id), {
      until: finished,
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: BATCH_LINES, completed: BATCH_LINES, failed: 0 } });
    const outputs = (await (await client.files.content(done.output_file_id!)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).custom_id as string);
    expect(outputs.sort()).toEqual(Array.from({ length: BATCH_LINES }, (_, i) => `line-${i}`).sort());

    // every call the upstream served for this user is one usage record, none estimated, none twice
    const upstreamCalls = (
      (await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: { body: unknown }[] }
    ).data.filter((r) => JSON.stringify(r.body).includes(marker)).length;
    expect(upstreamCalls).toBe(counts.chats + counts.streams + BATCH_LINES);
    const records = await eventually(
      'a usage record per upstream call',
      async () =>
        (
          await db.query(`SELECT count(*)::int AS n, bool_or(estimated) AS estimated FROM billing.usage_records WHERE user_id = $1`, [
            userId,
          ])
        ).rows[0],
      { until: (row: { n: number }) => row.n >= upstreamCalls, timeoutMs: 45_000, intervalMs: 500 },
    );
    expect(records).toEqual({ n: upstreamCalls, estimated: false });

    // the ledger is the balance, and what left the balance is exactly the cost of those records
    const money = await eventually(
      'the batch settled and the ledger matching the balance',
      async () =>
        (
          await db.query(
            `SELECT u.balance_nano - u.debt_nano AS account,
                    (SELECT coalesce(sum(amount_nano), 0) FROM billing.ledger l WHERE l.user_id = u.id) AS ledger,
                    (SELECT coalesce(sum(cost_nano), 0) FROM billing.usage_records r WHERE r.user_id = u.id) AS usage
               FROM billing.users u WHERE u.id = $1`,
            [userId],
          )
        ).rows[0] as { account: string; ledger: string; usage: string },
      { until: (row) => BigInt(startingBalance) - BigInt(row.usage) === BigInt(row.account), timeoutMs: 20_000, intervalMs: 500 },
    );
    expect(BigInt(money.ledger)).toBe(BigInt(money.account));
    expect(BigInt(money.usage)).toBeGreaterThan(0n);
  }, 240_000);

  async function balanceOf(userId: string): Promise<string> {
    return (await db.query(`SELECT balance_nano - debt_nano AS account FROM billing.users WHERE id = $1`, [userId])).rows[0]
      .account as string;
  }
});

/** Single mode: the one process drains every service in order on SIGTERM, so even its restart breaks no stream. */
describe('restart of the one process of single mode', () => {
  let stack: RunningStack;
  let lb: TestLoadBalancer;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({}, { mode: 'single' });
    lb = new TestLoadBalancer(stack.gatewayUrls);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('finishes the streams it serves, exits 0, and serves again once the launcher started it again', async () => {
    const { key } = await createUserWithKey(stack, { name: 'single-restart', credits: 5 });
    const client = new OpenAI({ apiKey: key, baseURL: 'http://load-balancer/v1', maxRetries: 0, fetch: lb.fetch });
    const streamed = async () => {
      const stream = await client.chat.completions.create({
        model: 'mock-gpt',
        messages: [{ role: 'user', content: 'one two three four five six seven eight nine ten' }],
        stream: true,
        ...({ mock: { chunk_delay_ms: 150 } } as object),
      });
      let finish: string | null = null;
      let chunks = 0;
      for await (const chunk of stream) {
        chunks++;
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      return { chunks, finish };
    };
    const streams = [streamed(), streamed(), streamed()];
    await sleep(400);
    const { exit } = await restart(stack, 'switchyard');
    expect(exit).toBe('code 0');
    for (const answer of await Promise.all(streams)) {
      expect(answer.finish).toBe('stop');
      expect(answer.chunks).toBeGreaterThan(5);
    }
    expect((await Promise.all(lb.streamEnds)).every(Boolean)).toBe(true);
    const again = await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'back?' }] });
    expect(again.choices[0].message.content).toBeTruthy();
  }, 120_000);
});
