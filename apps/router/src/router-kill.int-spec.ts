import { NatsConnection } from 'nats';
import { ExecuteRequest, Principal, StreamEvent, Streams, Subjects, UsageEvent, usageEventsOf } from '@switchyard/contracts';
import { readyPattern } from '@switchyard/logging';
import { connectNats, RpcClient } from '@switchyard/nats';
import { compiledMain, ManagedProcess, spawnNode } from '@switchyard/runtime';
import type { EmbeddedS3 } from '@switchyard/object-storage';
import {
  freshDatabase,
  MockUpstreamProcess,
  startFakeBilling,
  startMockUpstream,
  startTestNats,
  startTestS3,
  TestDatabase,
  tempDir,
} from '@switchyard/testing';

const admin: Principal = { userId: 'usr_admin', keyId: 'key_admin', role: 'admin', scopes: ['admin', 'inference'] };
/**
 * The router's grouping wait, stretched from 5 ms to a second so that the kill, sent the moment the
 * answer arrives, is sure to land inside it: a router that answered before its usage was acknowledged
 * would lose it every time.
 */
const LINGER_MS = 1000;

interface RouterProcess {
  process: ManagedProcess;
  exited: Promise<number | string>;
}

async function startRouter(env: NodeJS.ProcessEnv, name: string): Promise<RouterProcess> {
  let exit: (code: number | string) => void = () => undefined;
  const exited = new Promise<number | string>((resolve) => (exit = resolve));
  const logs = tempDir(name);
  const child = spawnNode({
    name,
    script: compiledMain('apps/router'),
    env: { ...process.env, ...env, SWITCHYARD_USAGE_PUBLISH_LINGER_MS: String(LINGER_MS), LOG_LEVEL: 'info' },
    logDir: logs.path,
    onExit: (code, signal) => exit(signal ?? code ?? 'unknown'),
  });
  await child.waitForLine(readyPattern('router'), 60_000);
  return { process: child, exited };
}

function request(requestId: string, stream: boolean, batchId: string | null = null): ExecuteRequest {
  return {
    requestId,
    principal: admin,
    endpoint: '/v1/chat/completions',
    stream,
    batchId,
    body: { model: 'm', stream, messages: [{ role: 'user', content: 'one two three four five six seven eight' }] },
  };
}

/** Every usage event on the usage stream (no billing consumes it in this test). */
async function usageOnStream(nc: NatsConnection): Promise<UsageEvent[]> {
  const jsm = await nc.jetstreamManager();
  const { state } = await jsm.streams.info(Streams.usage.name);
  const events: UsageEvent[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    const message = await jsm.streams.getMessage(Streams.usage.name, { seq });
    events.push(...(usageEventsOf(message.json()) as UsageEvent[]));
  }
  return events;
}

/** kill -9 of a router the moment its answer arrives: the usage of that answer is already on JetStream (chaos finding 6). */
describe('a router process killed right after it answers', () => {
  let db: TestDatabase;
  let nats: Awaited<ReturnType<typeof startTestNats>>;
  let mock: MockUpstreamProcess;
  let s3: EmbeddedS3;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let env: NodeJS.ProcessEnv;
  const routers: RouterProcess[] = [];

  beforeAll(async () => {
    db = await freshDatabase('router_kill');
    nats = await startTestNats();
    [mock, s3] = await Promise.all([startMockUpstream(), startTestS3()]);
    env = {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      SWITCHYARD_SECRET_KEY: 'k'.repeat(40),
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    };
    nc = await connectNats(nats.url, 'router-kill-test');
    rpc = new RpcClient(nc, 10_000);
    startFakeBilling(nc);
    const router = await started('router-setup');
    await rpc.send(Subjects.routerChannelCreate, {
      principal: admin,
      type: 'PLATFORM',
      body: { name: 'mock', provider: 'openai', base_url: `${mock.url}/v1`, api_key: 'k', models: ['m'] },
    });
    router.process.kill('SIGTERM');
    await router.exited;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(routers.map((r) => r.process.stop()));
    await nc?.close();
    await mock?.stop();
    await s3?.close();
    await nats?.stop();
    await db?.drop();
  });

  async function started(name: string): Promise<RouterProcess> {
    const router = await startRouter(env, name);
    routers.push(router);
    return router;
  }

  it('has put the usage of a non-streamed answer (a batch line) on JetStream before answering', async () => {
    const router = await started('router-kill-answer');
    const answer = await rpc.send(Subjects.routerRequestExecute, request('req_kill_line', false, 'batch_kill'));
    router.process.kill('SIGKILL');
    expect(answer).toMatchObject({ routing: { channel: { channelType: 'PLATFORM' } } });
    expect(await router.exited).toBe('SIGKILL');
    const usage = (await usageOnStream(nc)).filter((e) => e.requestId === 'req_kill_line');
    expect(usage).toEqual([expect.objectContaining({ batchId: 'batch_kill', channelType: 'PLATFORM', estimated: false })]);
    expect(usage[0].completionTokens).toBeGreaterThan(0);
  }, 60_000);

  it("has put a stream's usage on JetStream before its end event", async () => {
    const router = await started('router-kill-stream');
    const events: StreamEvent[] = [];
    const options = { firstTimeoutMs: 10_000, idleTimeoutMs: 10_000, producerLostMs: 5_000 };
    for await (const event of rpc.stream(Subjects.routerRequestExecute, request('req_kill_stream', true), options)) {
      events.push(event);
      if (event.kind === 'end') {
        router.process.kill('SIGKILL');
        break; // the stream's closing packet may never come now
      }
    }
    expect(events.at(-1)).toMatchObject({ kind: 'end' });
    expect(await router.exited).toBe('SIGKILL');
    const usage = (await usageOnStream(nc)).filter((e) => e.requestId === 'req_kill_stream');
    expect(usage).toEqual([expect.objectContaining({ channelType: 'PLATFORM', estimated: false })]);
  }, 60_000);
});
