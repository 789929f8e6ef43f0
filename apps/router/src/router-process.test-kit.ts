import { NatsConnection } from 'nats';
import { ExecuteRequest, Principal, Subjects } from '@switchyard/contracts';
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

/*
 * For integration tests of a router running as its own process (compiled, from dist/): its own
 * database, NATS, S3, a mock upstream and a fake billing, and an RPC client to call it as the gateway does.
 */

export const TEST_ADMIN: Principal = { userId: 'usr_admin', keyId: 'key_admin', role: 'admin', scopes: ['admin', 'inference'] };

export interface RouterProcess {
  process: ManagedProcess;
  /** its exit code (a signal's name when it was killed) */
  exited: Promise<number | string>;
}

/** A chat completion request for the mock channel's model `m`; `mock` tells the mock upstream how to answer. */
export function chatRequest(
  requestId: string,
  options: { stream: boolean; batchId?: string | null; mock?: Record<string, unknown> },
): ExecuteRequest {
  const { stream, batchId = null, mock } = options;
  return {
    requestId,
    principal: TEST_ADMIN,
    endpoint: '/v1/chat/completions',
    stream,
    batchId,
    body: { model: 'm', stream, messages: [{ role: 'user', content: 'one two three four five six seven eight' }], ...(mock && { mock }) },
  };
}

export interface RouterTestBed {
  nats: Awaited<ReturnType<typeof startTestNats>>;
  nc: NatsConnection;
  rpc: RpcClient;
  /** a router process (with the bed's settings and `routerEnv`), once it is ready; stopped by `stop` */
  started(name: string): Promise<RouterProcess>;
  /** a PLATFORM channel to the mock upstream serving model `m` (through a router that is running) */
  addMockChannel(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRouterTestBed(name: string, routerEnv: NodeJS.ProcessEnv): Promise<RouterTestBed> {
  const db: TestDatabase = await freshDatabase(name);
  const nats = await startTestNats();
  const [mock, s3]: [MockUpstreamProcess, EmbeddedS3] = await Promise.all([startMockUpstream(), startTestS3()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    SWITCHYARD_SECRET_KEY: 'r'.repeat(40),
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    LOG_LEVEL: 'info',
    ...routerEnv,
  };
  const nc = await connectNats(nats.url, `${name}-test`);
  const rpc = new RpcClient(nc, 10_000);
  startFakeBilling(nc);
  const routers: RouterProcess[] = [];

  return {
    nats,
    nc,
    rpc,
    async started(processName) {
      let exit: (code: number | string) => void = () => undefined;
      const exited = new Promise<number | string>((resolve) => (exit = resolve));
      const child = spawnNode({
        name: processName,
        script: compiledMain('apps/router'),
        env,
        logDir: tempDir(processName).path,
        onExit: (code, signal) => exit(signal ?? code ?? 'unknown'),
      });
      const router = { process: child, exited };
      routers.push(router);
      await child.waitForLine(readyPattern('router'), 60_000);
      return router;
    },
    async addMockChannel() {
      await rpc.send(Subjects.routerChannelCreate, {
        principal: TEST_ADMIN,
        type: 'PLATFORM',
        body: { name: 'mock', provider: 'openai', base_url: `${mock.url}/v1`, api_key: 'k', models: ['m'] },
      });
    },
    async stop() {
      await Promise.all(routers.map((r) => r.process.stop()));
      await nc.close();
      await mock.stop();
      await s3.close();
      await nats.stop();
      await db.drop();
    },
  };
}
