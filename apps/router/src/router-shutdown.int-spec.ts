import { NatsConnection } from 'nats';
import { ExecuteRequest, Principal, StreamEvent, Subjects } from '@switchyard/contracts';
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
const GRACE_MS = 3000;

interface RouterProcess {
  process: ManagedProcess;
  /** its exit code (a signal's name when it was killed) */
  exited: Promise<number | string>;
}

/** A router process with SWITCHYARD_SHUTDOWN_GRACE_MS = GRACE_MS, once it is ready. */
async function startRouter(env: NodeJS.ProcessEnv, name: string): Promise<RouterProcess> {
  let exit: (code: number | string) => void = () => undefined;
  const exited = new Promise<number | string>((resolve) => (exit = resolve));
  const logs = tempDir(name);
  const child = spawnNode({
    name,
    script: compiledMain('apps/router'),
    env: { ...process.env, ...env, SWITCHYARD_SHUTDOWN_GRACE_MS: String(GRACE_MS), LOG_LEVEL: 'info' },
    logDir: logs.path,
    onExit: (code, signal) => exit(signal ?? code ?? 'unknown'),
  });
  await child.waitForLine(readyPattern('router'), 60_000);
  return { process: child, exited };
}

function streamRequest(requestId: string, mock: Record<string, unknown>): ExecuteRequest {
  return {
    requestId,
    principal: admin,
    endpoint: '/v1/chat/completions',
    stream: true,
    batchId: null,
    body: { model: 'm', stream: true, messages: [{ role: 'user', content: 'one two three four five six seven eight' }], mock },
  };
}

/** SIGTERM ends a router within its grace: after the streams it produces, or cutting them when they outlast it, or with NATS gone. */
describe('a router process on SIGTERM', () => {
  let db: TestDatabase;
  let nats: Awaited<ReturnType<typeof startTestNats>>;
  let mock: MockUpstreamProcess;
  let s3: EmbeddedS3;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let env: NodeJS.ProcessEnv;
  const routers: RouterProcess[] = [];

  beforeAll(async () => {
    db = await freshDatabase('router_shutdown');
    nats = await startTestNats();
    [mock, s3] = await Promise.all([startMockUpstream(), startTestS3()]);
    env = {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      SWITCHYARD_SECRET_KEY: 'r'.repeat(40),
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    };
    nc = await connectNats(nats.url, 'router-shutdown-test');
    rpc = new RpcClient(nc, 10_000);
    startFakeBilling(nc);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(routers.map((r) => r.process.stop()));
    await nc?.close();
    await mock?.stop();
    await s3?.close();
    await nats?.stop();
    await db?.drop();
  });

  const started = async (name: string) => {
    const router = await startRouter(env, name);
    routers.push(router);
    return router;
  };

  it('finishes the stream it is producing, then exits 0', async () => {
    const router = await started('router-drain');
    await rpc.send(Subjects.routerChannelCreate, {
      principal: admin,
      type: 'PLATFORM',
      body: { name: 'mock', provider: 'openai', base_url: `${mock.url}/v1`, api_key: 'k', models: ['m'] },
    });
    const events: StreamEvent[] = [];
    const options = { firstTimeoutMs: 10_000, idleTimeoutMs: 10_000, producerLostMs: 5_000 };
    for await (const event of rpc.stream(Subjects.routerRequestExecute, streamRequest('req_drain_1', { chunk_delay_ms: 150 }), options)) {
      events.push(event);
      if (events.length === 2) router.process.kill('SIGTERM');
    }
    expect(events.at(-1)).toMatchObject({ kind: 'end' });
    expect(events.filter((e) => e.kind === 'chunk').length).toBeGreaterThan(3);
    expect(await router.exited).toBe(0);
    expect(router.process.tail(5)).toContain('shut down cleanly');
  });

  it('exits 1 at the grace, naming the handler still running, when a stream outlasts it', async () => {
    const router = await started('router-cut');
    const options = { firstTimeoutMs: 30_000, idleTimeoutMs: 30_000, producerLostMs: 5_000 };
    const stream = rpc.stream(Subjects.routerRequestExecute, streamRequest('req_cut_1', { delay_ms: 20_000 }), options);
    const outcome = (async () => {
      try {
        for await (const event of stream) void event;
        return 'ended';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    // the request is in the handler (its upstream call waits 20 s) before the signal
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const signalled = Date.now();
    router.process.kill('SIGTERM');
    expect(await router.exited).toBe(1);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(took).toBeLessThan(GRACE_MS + 2000);
    expect(router.process.tail(5)).toMatch(
      /still in flight: router: stop taking requests, finish the running ones \(1 handler\(s\) running\)/,
    );
    // its caller learns the producer is gone instead of waiting for the 20 s answer
    expect(await outcome).toMatch(/stopped answering|unavailable/);
  }, 30_000);

  it('ends within the grace when NATS is gone', async () => {
    const router = await started('router-orphan');
    await nats.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const signalled = Date.now();
    router.process.kill('SIGTERM');
    const code = await router.exited;
    expect(typeof code).toBe('number');
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS + 2000);
  }, 30_000);
});
