import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { createValidated, Principal, Streams, Subjects, UsageEvent, usageEventsOf } from '@switchyard/contracts';
import type { EmbeddedS3 } from '@switchyard/object-storage';
import { eventually, InProcessService, startFakeBilling, startServiceInProcess, startTestS3 } from '@switchyard/testing';
import { RouterConfig } from './router.config';
import { routerService } from './router.service-definition';

const admin: Principal = { userId: 'usr_admin', keyId: 'key_admin', role: 'admin', scopes: ['admin', 'inference'] };

/**
 * An upstream that answers in its API's envelope but not as the API promises: for `claude-x` with a
 * field of the wrong type (a null content block), which the bridge cannot read back into the
 * caller's format; for `claude-odd-usage` with usage counts no provider should report.
 */
function startMalformedAnthropic(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { model } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string };
      const answer =
        model === 'claude-odd-usage'
          ? { content: [{ type: 'text', text: 'hi' }], usage: { input_tokens: -3, output_tokens: 1.5 } }
          : { content: [null], usage: { input_tokens: 7, output_tokens: 3 } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', model, stop_reason: 'end_turn', ...answer }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('router: an upstream answer the bridge cannot read (real Postgres, NATS)', () => {
  let service: InProcessService<RouterConfig>;
  let upstream: Server;
  let s3: EmbeddedS3;

  beforeAll(async () => {
    [upstream, s3] = await Promise.all([startMalformedAnthropic(), startTestS3()]);
    service = await startServiceInProcess(routerService, {
      SWITCHYARD_SECRET_KEY: 'x'.repeat(40),
      SWITCHYARD_UPSTREAM_TIMEOUT_MS: '1500',
      SWITCHYARD_CIRCUIT_FAILURES: '1000',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    });
    startFakeBilling(service.nc);
  });

  afterAll(async () => {
    await service?.stop();
    await Promise.all([new Promise((resolve) => upstream?.close(resolve)), s3?.close()]);
  });

  const execute = (requestId: string, model: string) =>
    service.rpc.send(Subjects.routerRequestExecute, {
      requestId,
      principal: admin,
      endpoint: '/v1/chat/completions',
      body: { model, messages: [{ role: 'user', content: 'hi' }] },
      stream: false,
      batchId: null,
    });

  async function usageFor(requestId: string): Promise<UsageEvent> {
    const jsm = await service.nc.jetstreamManager();
    return eventually(
      `the usage event of ${requestId}`,
      async () => {
        const msg = await jsm.streams.getMessage(Streams.usage.name, { last_by_subj: Streams.usage.subjects[0] }).catch(() => null);
        return msg ? (usageEventsOf(msg.json()) as UsageEvent[]).find((e) => e.requestId === requestId) : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
  }

  beforeAll(async () => {
    const { port } = upstream.address() as AddressInfo;
    await service.rpc.send(Subjects.routerChannelCreate, {
      principal: admin,
      type: 'PLATFORM',
      body: {
        name: 'malformed',
        provider: 'anthropic',
        base_url: `http://127.0.0.1:${port}`,
        api_key: 'sk-ant-x',
        models: ['claude-x', 'claude-odd-usage'],
      },
    });
  });

  it('answers 502 upstream_error (it was a 500) and still reports the usage the upstream gave', async () => {
    const error = await execute('req_malformed_1', 'claude-x').catch((e) => e);
    expect(error).toMatchObject({ code: 'upstream_error', status: 502 });
    expect(await usageFor('req_malformed_1')).toMatchObject({ promptTokens: 7, completionTokens: 3, estimated: false });
  });

  it('reports usage counts an upstream gave as -3 and 1.5 as whole non-negative numbers, which billing accepts (it dropped the event: unbilled)', async () => {
    await execute('req_odd_usage_1', 'claude-odd-usage');
    const event = await usageFor('req_odd_usage_1');
    expect(event).toMatchObject({ promptTokens: 0, completionTokens: 2 });
    expect(() => createValidated(UsageEvent, event)).not.toThrow();
  });
});
