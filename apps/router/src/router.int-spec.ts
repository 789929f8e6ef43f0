import { INestMicroservice } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { lastValueFrom, toArray } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  ExecuteRawReply,
  ExecuteRequest,
  Principal,
  StreamEvent,
  Streams,
  Subjects,
  UsageEvent,
  usageEventsOf,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import {
  eventually,
  InProcessService,
  MockUpstreamProcess,
  startFakeBilling,
  startMockUpstream,
  startServiceInProcess,
  startTestS3,
} from '@switchyard/testing';
import type { EmbeddedS3 } from '@switchyard/object-storage';
import { RequestExecutor } from './execution/request-executor';
import { RouterConfig } from './router.config';
import { routerService } from './router.service-definition';

const admin: Principal = { userId: 'usr_admin', keyId: 'key_admin', role: 'admin', scopes: ['admin', 'inference'] };
const user: Principal = { userId: 'usr_user', keyId: 'key_user', role: 'user', scopes: ['inference'] };
const messages = [{ role: 'user', content: 'hello router' }];

describe('router service (real Postgres, NATS, mock upstreams)', () => {
  let service: InProcessService<RouterConfig>;
  let dataSource: DataSource;
  let app: INestMicroservice;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let primary: MockUpstreamProcess;
  let s3: EmbeddedS3;
  let backup: MockUpstreamProcess;
  let seq = 0;

  const execute = (body: Record<string, unknown>, principal = user): ExecuteRequest => ({
    requestId: `req_router_${++seq}`,
    principal,
    endpoint: '/v1/chat/completions',
    body: body as ExecuteRequest['body'],
    stream: false,
    batchId: null,
  });

  /** the events of the newest usage message (the publisher groups the events that finish together) */
  async function lastUsage(): Promise<UsageEvent[]> {
    const jsm = await nc.jetstreamManager();
    const msg = await jsm.streams.getMessage(Streams.usage.name, { last_by_subj: Streams.usage.subjects[0] });
    return usageEventsOf(msg.json()) as UsageEvent[];
  }

  function usageFor(requestId: string): Promise<UsageEvent> {
    return eventually(
      `the usage event of ${requestId}`,
      async () => (await lastUsage().catch(() => [])).find((e) => e.requestId === requestId),
      {
        timeoutMs: 10_000,
        intervalMs: 50,
      },
    );
  }

  beforeAll(async () => {
    [primary, backup, s3] = await Promise.all([
      startMockUpstream({ apiKey: 'sk-primary-key' }),
      startMockUpstream({ apiKey: 'sk-backup-key' }),
      startTestS3(),
    ]);
    // circuits stay closed here: these tests fail channels on purpose; circuits have their own tests
    service = await startServiceInProcess(routerService, {
      SWITCHYARD_SECRET_KEY: 'x'.repeat(40),
      SWITCHYARD_UPSTREAM_TIMEOUT_MS: '1500',
      SWITCHYARD_CIRCUIT_FAILURES: '1000',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    });
    ({ dataSource, app, nc, rpc } = service);
    startFakeBilling(nc);
  });

  afterAll(async () => {
    await service?.stop();
    await Promise.all([primary?.stop(), backup?.stop(), s3?.close()]);
  });

  beforeEach(async () => {
    await Promise.all([primary.configure({}), backup.configure({}), primary.clearRequests(), backup.clearRequests()]);
  });

  it('keeps upstream keys encrypted at rest and never returns them', async () => {
    const channel = await rpc.send(Subjects.routerChannelCreate, {
      principal: admin,
      type: 'PLATFORM',
      body: {
        name: 'primary',
        provider: 'openai',
        base_url: `${primary.url}/v1/`,
        api_key: 'sk-primary-key',
        models: ['chat-a', 'shared'],
        model_mapping: { alias: 'chat-a' },
        priority: 10,
      },
    });
    expect(channel).toMatchObject({ type: 'PLATFORM', api_key_hint: 'sk-...-key', base_url: `${primary.url}/v1`, status: 'enabled' });
    expect(JSON.stringify(channel)).not.toContain('sk-primary-key');
    const [row] = await dataSource.query('SELECT api_key_sealed FROM router.channels WHERE id = $1', [channel.id]);
    expect(row.api_key_sealed).not.toContain('sk-primary-key');
    const listed = await rpc.send(Subjects.routerChannelList, { principal: admin, type: 'PLATFORM' });
    expect(JSON.stringify(listed)).not.toContain('sk-primary-key');
    await rpc.send(Subjects.routerChannelCreate, {
      principal: admin,
      type: 'PLATFORM',
      body: { name: 'backup', provider: 'openai', base_url: `${backup.url}/v1`, api_key: 'sk-backup-key', models: ['shared'], priority: 0 },
    });
  });

  it('refuses channel management to non-admins and unknown providers', async () => {
    const body = { name: 'x', provider: 'openai', base_url: 'http://127.0.0.1:1', api_key: 'k', models: ['m'] };
    await expect(rpc.send(Subjects.routerChannelCreate, { principal: user, type: 'PLATFORM', body })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await expect(
      rpc.send(Subjects.routerChannelCreate, { principal: admin, type: 'PLATFORM', body: { ...body, provider: 'nope' } }),
    ).rejects.toMatchObject({ param: 'provider' });
    await expect(
      rpc.send(Subjects.routerChannelCreate, { principal: admin, type: 'PLATFORM', body: { ...body, models: [] } }),
    ).rejects.toMatchObject({ param: 'body.models' });
  });

  it('calls the upstream with its own key, maps the model, passes unknown fields through and reports usage', async () => {
    const req = execute({ model: 'alias', messages, top_k: 7, metadata: { team: 'x' } });
    const reply = await rpc.send(Subjects.routerRequestExecute, req);
    expect(reply.routing).toMatchObject({
      channel: { name: 'primary', provider: 'openai', channelType: 'PLATFORM' },
      cached: false,
      retryCount: 0,
    });
    // a native answer to an interactive request comes back as the upstream's text (cost-splice.ts)
    const answer = JSON.parse((reply as unknown as ExecuteRawReply).raw);
    expect(answer.choices[0].message.content).toBe('Echo: hello router');
    const [seen] = await primary.requests();
    expect(seen.authorization).toBe('Bearer sk-primary-key');
    expect(seen.body).toMatchObject({ model: 'chat-a', top_k: 7, metadata: { team: 'x' } });
    const usage = await usageFor(req.requestId);
    expect(usage).toMatchObject({
      userId: user.userId,
      keyId: user.keyId,
      model: 'alias',
      channelType: 'PLATFORM',
      promptTokens: 6,
      completionTokens: 3,
      estimated: false,
    });
  });

  it('fails over to the next channel on a 5xx and counts the retry', async () => {
    await primary.configure({ mode: 'fail', status: 503 });
    const reply = await rpc.send(Subjects.routerRequestExecute, execute({ model: 'shared', messages }));
    expect(reply.routing.channel.name).toBe('backup');
    expect(reply.routing.retryCount).toBe(1);
    expect(await primary.requests()).toHaveLength(1);
  });

  it('fails over on a timeout', async () => {
    await primary.configure({ mode: 'stall' });
    const reply = await rpc.send(Subjects.routerRequestExecute, execute({ model: 'shared', messages }));
    expect(reply.routing).toMatchObject({ channel: { name: 'backup' }, retryCount: 1 });
  });

  it('never retries a 400, and passes its status and message on', async () => {
    await primary.configure({ mode: 'fail', status: 400, message: 'bad temperature' });
    const error = await rpc.send(Subjects.routerRequestExecute, execute({ model: 'shared', messages })).catch((e) => e);
    expect(error).toMatchObject({ code: 'upstream_error', status: 400, message: 'bad temperature' });
    expect(await backup.requests()).toHaveLength(0);
  });

  it('answers 502 when every channel fails, with the last attempt in _routing', async () => {
    await Promise.all([primary.configure({ mode: 'fail', status: 500 }), backup.configure({ mode: 'fail', status: 502 })]);
    const error = await rpc.send(Subjects.routerRequestExecute, execute({ model: 'shared', messages })).catch((e) => e);
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect(error.details._routing).toMatchObject({ channel: { name: 'backup' }, retryCount: 1 });
  });

  it('answers model_not_found for a model no visible channel serves', async () => {
    await expect(rpc.send(Subjects.routerRequestExecute, execute({ model: 'missing', messages }))).rejects.toMatchObject({
      code: 'model_not_found',
      status: 404,
    });
  });

  it('streams: routing first, chunks, end; usage asked of the upstream but hidden from a caller who did not ask', async () => {
    const req = { ...execute({ model: 'chat-a', messages, stream: true }), stream: true };
    const events = await lastValueFrom(app.get(RequestExecutor).stream(req).pipe(toArray()));
    expect(events[0]).toMatchObject({ kind: 'start', routing: { channel: { name: 'primary' } } });
    // the end carries what the caller is charged: chat-a has no price, so nothing
    expect(events[events.length - 1]).toEqual({ kind: 'end', costUsd: 0 });
    const chunks = events.filter((e) => e.kind === 'chunk') as { data: any }[];
    expect(chunks.map((c) => c.data.choices[0]?.delta?.content ?? '').join('')).toBe('Echo: hello router');
    expect(chunks.some((c) => 'usage' in c.data)).toBe(false);
    expect((await primary.requests())[0].body.stream_options).toEqual({ include_usage: true });
    expect(await usageFor(req.requestId)).toMatchObject({ promptTokens: 6, completionTokens: 3, estimated: false });
  });

  it('streams over NATS and fails over before the first chunk', async () => {
    await primary.configure({ mode: 'fail', status: 500 });
    const req = { ...execute({ model: 'shared', messages, stream: true, stream_options: { include_usage: true } }), stream: true };
    const events: StreamEvent[] = [];
    for await (const e of rpc.stream(Subjects.routerRequestExecute, req, { firstTimeoutMs: 10_000, idleTimeoutMs: 10_000 })) events.push(e);
    expect(events[0]).toMatchObject({ kind: 'start', routing: { channel: { name: 'backup' }, retryCount: 1 } });
    expect(events.some((e) => e.kind === 'chunk' && (e.data as any).usage?.prompt_tokens === 6)).toBe(true);
  });

  it('ends a stream cut mid-way with an error event and bills what was produced as an estimate', async () => {
    await primary.configure({ mode: 'cut', after_chunks: 2 });
    const req = { ...execute({ model: 'chat-a', messages, stream: true }), stream: true };
    const events: StreamEvent[] = [];
    for await (const e of rpc.stream(Subjects.routerRequestExecute, req, { firstTimeoutMs: 10_000, idleTimeoutMs: 10_000 })) events.push(e);
    expect(events[0].kind).toBe('start');
    expect(events[events.length - 1]).toMatchObject({ kind: 'error', error: { code: 'upstream_error' } });
    expect((await usageFor(req.requestId)).estimated).toBe(true);
  });

  it('lists the models a caller can reach', async () => {
    const models = await rpc.send(Subjects.routerModelList, { principal: user });
    expect(models.map((m) => m.id)).toEqual(['alias', 'chat-a', 'shared']);
  });

  it('updates and deletes channels, and routing follows at once', async () => {
    const [channel] = (await rpc.send(Subjects.routerChannelList, { principal: admin, type: 'PLATFORM' })).filter(
      (c) => c.name === 'backup',
    );
    const updated = await rpc.send(Subjects.routerChannelUpdate, {
      principal: admin,
      type: 'PLATFORM',
      channelId: channel.id,
      body: { status: 'disabled' },
    });
    expect(updated.status).toBe('disabled');
    await primary.configure({ mode: 'fail', status: 500 });
    const error = await rpc.send(Subjects.routerRequestExecute, execute({ model: 'shared', messages })).catch((e) => e);
    expect(error.details._routing.channel.name).toBe('primary');
    await rpc.send(Subjects.routerChannelDelete, { principal: admin, type: 'PLATFORM', channelId: channel.id });
    await expect(rpc.send(Subjects.routerChannelGet, { principal: admin, type: 'PLATFORM', channelId: channel.id })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
