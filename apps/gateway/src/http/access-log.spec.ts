import { context, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import Fastify, { FastifyInstance } from 'fastify';
import { DomainError, RoutingInfo } from '@switchyard/contracts';
import { JsonLogger, LogLevel } from '@switchyard/logging';
import {
  noteCost,
  noteErrorCode,
  noteRequested,
  noteRouted,
  noteStreamEnded,
  noteStreamOpened,
  refusedLineOf,
  registerAccessLog,
} from './access-log';
import { answerError } from './all-exceptions.filter';
import { noteUpstreamTime } from './http-metrics';

const routing: RoutingInfo = {
  channel: { id: 'ch_1', name: 'demo', provider: 'openai', channelType: 'PLATFORM' },
  cached: false,
  retryCount: 1,
  attempts: [
    { channel_id: 'ch_0', channel_name: 'first', channel_type: 'PLATFORM', status: 500, latency_ms: 12, error_code: 'upstream_error' },
    { channel_id: 'ch_1', channel_name: 'demo', channel_type: 'PLATFORM', status: 200, latency_ms: 30, error_code: null },
  ],
};
const userKey = 'sk-sy-access-log-user-key-0123456789';
/** how long the test's stream runs after it opened */
const STREAM_RUNS_MS = 40;

interface Setup {
  /** hooks registered before the access log's */
  before?: (app: FastifyInstance) => void;
  /** hooks and routes registered after it */
  after?: (app: FastifyInstance) => void;
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** A Fastify server with the access log, as the gateway registers it; its lines, and a way to call it. */
async function appWithAccessLog(level: LogLevel = 'info', { before, after }: Setup = {}) {
  const written: string[] = [];
  const logger = new JsonLogger('gateway', level, { write: (line: string) => void written.push(line) });
  const app = Fastify({ forceCloseConnections: true, genReqId: () => `req_${written.length}_${Math.random().toString(36).slice(2)}` });
  before?.(app);
  registerAccessLog(app, logger);
  app.addHook('onRequest', (request, _reply, done) => {
    request.principal = { userId: 'usr_1', keyId: 'key_1', role: 'user', scopes: ['inference'] };
    done();
  });
  app.setErrorHandler((error, request, reply) => answerError(error, request, reply, logger));
  app.post<{ Params: { id: string } }>('/v1/things/:id', async (request) => {
    noteRequested(request, 'mock-gpt', false);
    noteUpstreamTime(request, routing);
    noteRouted(request, routing, 0.0000027);
    return { ok: true };
  });
  app.post('/v1/missing-model', async (request) => {
    noteRequested(request, 'no-such-model', false);
    throw new DomainError('model_not_found', 'The model does not exist');
  });
  app.post('/v1/stream', async (request, reply) => {
    noteRequested(request, 'mock-gpt', true);
    noteRouted(request, routing, null);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    noteStreamOpened(request, routing);
    reply.raw.write('data: {}\n\n');
    await new Promise((resolve) => setTimeout(resolve, STREAM_RUNS_MS));
    noteStreamEnded(request);
    noteCost(request, 0.5);
    reply.raw.end('data: [DONE]\n\n');
  });
  app.get('/health', async () => ({ status: 'ok' }));
  after?.(app);
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const lines = () => written.map((line) => JSON.parse(line) as Record<string, unknown>);
  /** the line is written when the response closes, just after the caller has it */
  const settled = async (count: number) => {
    for (let i = 0; i < 100 && written.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return lines();
  };
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(init.body !== undefined && { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return { app, base, written, lines, settled, call };
}

describe('the access line', () => {
  it('is one line per request with the request, its caller, its route template, the channel, durations and the exact cost', async () => {
    const { call, settled } = await appWithAccessLog();
    const response = await call('POST', '/v1/things/thing_42?verbose=1', {
      headers: { authorization: `Bearer ${userKey}` },
      body: { model: 'mock-gpt', messages: [{ role: 'user', content: 'a secret prompt' }] },
    });
    expect(response.status).toBe(200);
    const lines = await settled(1);
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        service: 'gateway',
        pid: process.pid,
        msg: 'request',
        request_id: expect.stringMatching(/^req_/),
        trace_id: null,
        user_id: 'usr_1',
        key_id: 'key_1',
        method: 'POST',
        route: '/v1/things/:id',
        status: 200,
        model: 'mock-gpt',
        channel_id: 'ch_1',
        channel_type: 'PLATFORM',
        stream: false,
        duration_ms: expect.any(Number),
        upstream_ms: 42,
        cost_usd: '0.000002700',
        error_code: null,
        aborted: false,
      },
    ]);
    expect(lines[0].duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('never carries the prompt, a header or the key', async () => {
    const { call, settled, written } = await appWithAccessLog();
    await call('POST', '/v1/things/x', {
      headers: { authorization: `Bearer ${userKey}`, 'x-custom': 'header-value' },
      body: { messages: [{ role: 'user', content: 'a secret prompt' }] },
    });
    await settled(1);
    const all = written.join('');
    for (const text of [userKey, 'a secret prompt', 'header-value', 'authorization']) expect(all).not.toContain(text);
  });

  it('carries the error code the caller was answered with, and the model it asked for', async () => {
    const { call, settled } = await appWithAccessLog();
    expect((await call('POST', '/v1/missing-model', { body: {} })).status).toBe(404);
    expect(await settled(1)).toEqual([
      expect.objectContaining({
        status: 404,
        route: '/v1/missing-model',
        model: 'no-such-model',
        error_code: 'model_not_found',
        channel_id: null,
        cost_usd: null,
        aborted: false,
      }),
    ]);
  });

  it('writes a request no route matched, without its raw URL', async () => {
    const { call, settled, written } = await appWithAccessLog('info', {
      after: (app) =>
        app.setNotFoundHandler((request, reply) => {
          noteErrorCode(request, 'not_found');
          void reply.status(404).send({});
        }),
    });
    await call('GET', '/v1/nothing/usr_secret_id?key=value');
    expect(await settled(1)).toEqual([
      expect.objectContaining({ route: 'unmatched', status: 404, method: 'GET', error_code: 'not_found' }),
    ]);
    expect(written.join('')).not.toContain('usr_secret_id');
  });

  it("writes a stream when it ends, with the cost that came with its end and the upstream's time: until it opened, then while it ran", async () => {
    const { call, settled } = await appWithAccessLog();
    expect((await call('POST', '/v1/stream', { body: {} })).text).toContain('[DONE]');
    const lines = await settled(1);
    expect(lines).toEqual([
      expect.objectContaining({
        status: 200,
        stream: true,
        model: 'mock-gpt',
        channel_id: 'ch_1',
        cost_usd: '0.500000000',
        upstream_ms: expect.any(Number),
        aborted: false,
      }),
    ]);
    // the attempts took 12 + 30 ms until the stream opened (routing above), then it ran STREAM_RUNS_MS
    expect(lines[0].upstream_ms).toBeGreaterThanOrEqual(42 + STREAM_RUNS_MS - 1);
    expect(lines[0].upstream_ms).toBeLessThan(42 + (lines[0].duration_ms as number) + 1);
  });

  it('writes the line of a request refused before any route saw it with the fields of every line', async () => {
    const { call, settled } = await appWithAccessLog();
    await call('POST', '/v1/things/x', { body: {} });
    const { level, time, service, pid, msg, ...fieldsOfEveryLine } = (await settled(1))[0];
    expect([level, typeof time, service, pid, msg]).toEqual(['info', 'string', 'gateway', process.pid, 'request']);
    const refused = refusedLineOf({ requestId: 'req_1', method: 'GET', status: 431, errorCode: 'request_too_large' });
    expect(Object.keys(refused).sort()).toEqual(Object.keys(fieldsOfEveryLine).sort());
    expect(refused).toMatchObject({
      request_id: 'req_1',
      method: 'GET',
      route: 'unmatched',
      status: 431,
      error_code: 'request_too_large',
      stream: false,
      aborted: false,
    });
    const known = ['request_id', 'method', 'route', 'status', 'error_code', 'stream', 'aborted'];
    for (const [field, value] of Object.entries(refused)) if (!known.includes(field)) expect([field, value]).toEqual([field, null]);
  });

  it('writes a request the caller abandoned, marked aborted', async () => {
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const { base, settled } = await appWithAccessLog('info', {
      after: (app) =>
        app.post('/v1/slow', (_request, reply) => {
          reply.hijack();
          reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
          reply.raw.write('data: {}\n\n');
          opened();
        }),
    });
    const controller = new AbortController();
    const response = await fetch(`${base}/v1/slow`, { method: 'POST', signal: controller.signal });
    await open;
    expect(response.status).toBe(200);
    controller.abort();
    expect(await settled(1)).toEqual([expect.objectContaining({ route: '/v1/slow', status: 200, aborted: true })]);
  });

  it('writes probes and scrapes at debug, so that they stay out of an info log', async () => {
    const atInfo = await appWithAccessLog('info');
    await atInfo.call('GET', '/health');
    await atInfo.call('POST', '/v1/things/x', { body: {} });
    expect((await atInfo.settled(1)).map((line) => line.route)).toEqual(['/v1/things/:id']);
    const atDebug = await appWithAccessLog('debug');
    await atDebug.call('GET', '/health');
    expect(await atDebug.settled(1)).toEqual([expect.objectContaining({ level: 'debug', route: '/health', status: 200 })]);
  });

  it('writes nothing below its level', async () => {
    const { call, lines } = await appWithAccessLog('warn');
    await call('POST', '/v1/things/x', { body: {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines()).toEqual([]);
  });
});

describe('the access line under tracing', () => {
  const provider = new NodeTracerProvider();

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  /** What the gateway's request span does: started as the request comes in, active while it is served. */
  const requestSpan = (app: FastifyInstance) =>
    app.addHook('onRequest', (request, _reply, done) => {
      const span = trace.getTracer('test').startSpan(`${request.method} request`);
      request.raw.once('close', () => span.end());
      context.with(trace.setSpan(context.active(), span), done);
    });

  /** the trace id the handler ran in */
  const tracedRoute = (app: FastifyInstance, seen: string[]) =>
    app.post('/v1/traced', async () => {
      seen.push(trace.getSpan(context.active())!.spanContext().traceId);
      return {};
    });

  it('carries the trace id of the request span opened before it', async () => {
    const seen: string[] = [];
    const { call, settled } = await appWithAccessLog('info', { before: requestSpan, after: (app) => tracedRoute(app, seen) });
    await call('POST', '/v1/traced', { body: {} });
    expect(seen[0]).toMatch(/^[0-9a-f]{32}$/);
    expect((await settled(1))[0].trace_id).toBe(seen[0]);
  });

  it('carries it when the span is opened by a hook registered after it', async () => {
    const seen: string[] = [];
    // too late for the access log's own onRequest hook: it reads the span again before the handler
    const { call, settled } = await appWithAccessLog('info', {
      after: (app) => {
        requestSpan(app);
        tracedRoute(app, seen);
      },
    });
    await call('POST', '/v1/traced', { body: {} });
    expect(seen[0]).toMatch(/^[0-9a-f]{32}$/);
    expect((await settled(1))[0].trace_id).toBe(seen[0]);
  });
});
