import { NatsConnection } from 'nats';
import { hostname } from 'os';
import { ExecuteRequest, Principal, Subjects } from '@switchyard/contracts';
import { connectNats, RpcClient } from '@switchyard/nats';
import { ManagedProcess } from '@switchyard/runtime';
import type { EmbeddedS3 } from '@switchyard/object-storage';
import {
  freshDatabase,
  MockUpstreamProcess,
  startFakeBilling,
  startMockUpstream,
  startServiceProcess,
  startTestNats,
  startTestS3,
  TestDatabase,
} from '@switchyard/testing';

const admin: Principal = { userId: 'usr_admin', keyId: 'key_admin', role: 'admin', scopes: ['admin', 'inference'] };

describe('two router processes in one queue group', () => {
  let db: TestDatabase;
  let nats: Awaited<ReturnType<typeof startTestNats>>;
  let mock: MockUpstreamProcess;
  let routers: ManagedProcess[] = [];
  let nc: NatsConnection;
  let rpc: RpcClient;
  let s3: EmbeddedS3;

  beforeAll(async () => {
    db = await freshDatabase('replicas');
    nats = await startTestNats();
    [mock, s3] = await Promise.all([startMockUpstream(), startTestS3()]);
    const env = {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      SWITCHYARD_SECRET_KEY: 'r'.repeat(40),
      LOG_LEVEL: 'warn' as const,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    };
    // started together: both migrate the same schema, serialised by the advisory lock
    routers = await Promise.all([startServiceProcess('router', env, 'router-1'), startServiceProcess('router', env, 'router-2')]);
    nc = await connectNats(nats.url, 'replicas-test');
    rpc = new RpcClient(nc, 10_000);
    startFakeBilling(nc);
  });

  afterAll(async () => {
    await nc?.drain();
    await Promise.all(routers.map((r) => r.stop()));
    await mock?.stop();
    await s3?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('shares requests between the replicas, and a channel created on one routes on the other', async () => {
    const health = await Promise.all(Array.from({ length: 40 }, () => rpc.send(Subjects.routerHealthCheck, {})));
    const instances = new Set(health.map((h) => h.instance));
    expect(instances.size).toBe(2);
    expect([...instances].sort()).toEqual(routers.map((r) => `router-${hostname()}-${r.pid}`).sort());

    await rpc.send(Subjects.routerChannelCreate, {
      principal: admin,
      type: 'PLATFORM',
      body: { name: 'mock', provider: 'openai', base_url: `${mock.url}/v1`, api_key: 'k', models: ['m'] },
    });
    const requests: ExecuteRequest[] = Array.from({ length: 20 }, (_, i) => ({
      requestId: `req_rep_${i}`,
      principal: admin,
      endpoint: '/v1/chat/completions',
      stream: false,
      batchId: null,
      body: { model: 'm', messages: [{ role: 'user', content: `n${i}` }] },
    }));
    const replies = await Promise.all(requests.map((r) => rpc.send(Subjects.routerRequestExecute, r)));
    expect(replies.every((r) => r.routing.channel.name === 'mock')).toBe(true);
    expect(await mock.requests()).toHaveLength(20);
  });

  it('keeps answering when one replica dies', async () => {
    routers[0].kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const health = await Promise.all(Array.from({ length: 10 }, () => rpc.send(Subjects.routerHealthCheck, {})));
    expect(new Set(health.map((h) => h.instance))).toEqual(new Set([`router-${hostname()}-${routers[1].pid}`]));
  });
});
