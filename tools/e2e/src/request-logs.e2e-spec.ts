import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import OpenAI from 'openai';
import { parseDecimal, usdToNano } from '@switchyard/contracts';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  RunningStack,
  StackMode,
  startStackLikeNpmStart,
  validatingFetch,
} from '@switchyard/testing';
import { expectLauncherRefusal } from './launcher-refusal';
import { sampleSum } from './metrics-kit';

/** The demo channel's upstream key (the launcher seeds it) */
const DEMO_UPSTREAM_KEY = 'sk-mock-upstream-demo';
/** A channel's upstream key that no request uses: its creation must not leave it in a log either */
const IDLE_UPSTREAM_KEY = 'sk-idle-upstream-0123456789abcdefghijklmn';
const FORGED_KEY = 'sk-sy-forged-0123456789abcdefghijklmnopqr';

type Line = Record<string, unknown>;

/** Every log file the stack writes (the launcher's own console output is not among them: it prints the admin key on purpose). */
function logFiles(stack: RunningStack): { name: string; text: string }[] {
  const dir = join(stack.dataDir, 'logs');
  return readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The gateway's lines: its own file in split mode, its tagged lines in the one process's file in single mode. */
function gatewayLines(stack: RunningStack): Line[] {
  const file = join(stack.dataDir, 'logs', stack.mode === 'single' ? 'switchyard.log' : 'gateway.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line)
    .filter((line) => line.service === 'gateway');
}

/** The access lines of one request, once its line is written (the response closes just after the caller has it). */
async function accessLinesOf(stack: RunningStack, requestId: string): Promise<Line[]> {
  return eventually(
    `the access line of ${requestId}`,
    () => gatewayLines(stack).filter((line) => line.msg === 'request' && line.request_id === requestId),
    { until: (lines) => lines.length > 0, timeoutMs: 10_000, intervalMs: 50 },
  );
}

describe.each<StackMode>(['single', 'split'])('request logs (%s mode)', (mode) => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let user: { userId: string; key: string; keyId: string };
  let client: OpenAI;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({ LOG_LEVEL: 'info' }, { mode });
    call = apiCaller(stack);
    const made = await createUserWithKey(stack, { name: 'logged' });
    const keys = await call('GET', `/admin/users/${made.userId}/keys`, stack.adminKey);
    user = { ...made, keyId: keys.body.data[0].id };
    client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const idle = await call('POST', '/admin/channels', stack.adminKey, {
      name: 'idle',
      provider: 'openai',
      base_url: 'https://upstream.example.com/v1',
      api_key: IDLE_UPSTREAM_KEY,
      models: ['idle-model'],
    });
    expect(idle.status).toBe(201);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** What billing charged for the request, in nano-USD. */
  async function billedNano(requestId: string): Promise<bigint> {
    const record = await eventually(
      `the usage record of ${requestId}`,
      async () =>
        ((await call('GET', '/v1/usage?limit=100', user.key)).body.data as { request_id: string; cost: number }[]).find(
          (r) => r.request_id === requestId,
        ),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    return usdToNano(record.cost);
  }

  /** The gateway's Prometheus exposition. */
  async function metricsText(): Promise<string> {
    const answer = await validatingFetch(`${stack.gatewayUrl}/metrics`);
    expect(answer.status).toBe(200);
    return answer.text();
  }

  /** The fields every access line of this user's chat completions has. */
  const chatLine = (requestId: string) => ({
    level: 'info',
    time: expect.any(String),
    service: 'gateway',
    pid: expect.any(Number),
    msg: 'request',
    request_id: requestId,
    // tracing is off in this stack (no OTEL_EXPORTER_OTLP_ENDPOINT): no span, no trace id
    trace_id: null,
    user_id: user.userId,
    key_id: user.keyId,
    method: 'POST',
    route: '/v1/chat/completions',
    duration_ms: expect.any(Number),
    aborted: false,
  });

  it('writes one line for a chat completion: its ids, route, channel and durations, and the cost billing charged', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'log me, not my prompt' }] })
      .withResponse();
    const requestId = response.headers.get('x-request-id')!;
    const routing = (data as unknown as { _routing: { channel: { id: string; channelType: string } } })._routing;
    const lines = await accessLinesOf(stack, requestId);
    expect(lines).toEqual([
      {
        ...chatLine(requestId),
        status: 200,
        model: 'mock-gpt',
        channel_id: routing.channel.id,
        channel_type: routing.channel.channelType,
        stream: false,
        upstream_ms: expect.any(Number),
        cost_usd: expect.stringMatching(/^\d+\.\d{9}$/),
        error_code: null,
      },
    ]);
    const cost = parseDecimal(lines[0].cost_usd as string, 9);
    expect(cost).toBeGreaterThan(0n);
    expect(cost).toBe(usdToNano((data.usage as unknown as { cost: number }).cost));
    expect(cost).toBe(await billedNano(requestId));
  });

  it('writes one line for a stream when it ends, with the cost billing charged though the caller asked for no usage', async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'stream me to the log' }], stream: true })
      .withResponse();
    const chunks: Record<string, unknown>[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as Record<string, unknown>);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    const routing = chunks[chunks.length - 1]._routing as { channel: { id: string; channelType: string } };
    const requestId = response.headers.get('x-request-id')!;
    const lines = await accessLinesOf(stack, requestId);
    expect(lines).toEqual([
      {
        ...chatLine(requestId),
        status: 200,
        model: 'mock-gpt',
        channel_id: routing.channel.id,
        channel_type: routing.channel.channelType,
        stream: true,
        upstream_ms: expect.any(Number),
        cost_usd: expect.stringMatching(/^\d+\.\d{9}$/),
        error_code: null,
      },
    ]);
    // the upstream's part: until its stream opened, then while it ran; within the whole request's time
    expect(lines[0].upstream_ms).toBeLessThanOrEqual(Math.ceil(lines[0].duration_ms as number));
    const cost = parseDecimal(lines[0].cost_usd as string, 9);
    expect(cost).toBeGreaterThan(0n);
    expect(cost).toBe(await billedNano(requestId));
  });

  it('writes one line for a refused request, with its error code and no channel or cost', async () => {
    const refused = await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(OpenAI.NotFoundError);
    const requestId = (refused as InstanceType<typeof OpenAI.NotFoundError>).requestID!;
    expect(await accessLinesOf(stack, requestId)).toEqual([
      {
        ...chatLine(requestId),
        status: 404,
        model: 'no-such-model',
        channel_id: null,
        channel_type: null,
        stream: false,
        upstream_ms: null,
        cost_usd: null,
        error_code: 'model_not_found',
      },
    ]);
  });

  it('writes one line for a generation task with the model it asked for', async () => {
    const task = await call('POST', '/v1/videos/generations', user.key, { model: 'no-such-video-model', prompt: 'a logged video' });
    const [line] = await accessLinesOf(stack, task.headers.get('x-request-id')!);
    expect(line).toMatchObject({ route: '/v1/:family/generations', method: 'POST', status: task.status, model: 'no-such-video-model' });
  });

  it('writes one line, and counts the request, for a request refused before any route saw it', async () => {
    const counted = (exposition: string, status: number) =>
      sampleSum(exposition, 'switchyard_http_requests_total', { route: 'unmatched', method: 'GET', status: String(status) });
    const before = await metricsText();
    const badUrl = await call('GET', '/v1/files/%zz', user.key);
    expect(badUrl.status).toBe(400);
    const tooLarge = await call('GET', '/v1/models', user.key, undefined, { 'x-filler': 'h'.repeat(40_000) });
    expect(tooLarge.status).toBe(431);
    const expected = (answer: { headers: Headers }, status: number, errorCode: string) => ({
      request_id: answer.headers.get('x-request-id'),
      method: 'GET',
      route: 'unmatched',
      status,
      user_id: null,
      model: null,
      error_code: errorCode,
    });
    expect(await accessLinesOf(stack, badUrl.headers.get('x-request-id')!)).toEqual([
      expect.objectContaining(expected(badUrl, 400, 'invalid_value')),
    ]);
    expect(await accessLinesOf(stack, tooLarge.headers.get('x-request-id')!)).toEqual([
      expect.objectContaining(expected(tooLarge, 431, 'request_too_large')),
    ]);
    const after = await metricsText();
    for (const status of [400, 431]) expect(counted(after, status) - counted(before, status)).toBe(1);
  });

  it('writes a line for a forged key without the key or a caller', async () => {
    const forged = await call('GET', '/v1/models', FORGED_KEY);
    expect(forged.status).toBe(401);
    const [line] = await accessLinesOf(stack, forged.headers.get('x-request-id')!);
    expect(line).toMatchObject({
      route: '/v1/models',
      method: 'GET',
      status: 401,
      user_id: null,
      key_id: null,
      error_code: 'invalid_api_key',
    });
  });

  it('leaves no key in any log file: not the admin key, the user key, a forged key or a channel upstream key', async () => {
    const files = logFiles(stack);
    expect(files.map((f) => f.name)).toContain(mode === 'single' ? 'switchyard.log' : 'gateway.log');
    for (const { name, text } of files) {
      for (const secret of [stack.adminKey, user.key, FORGED_KEY, DEMO_UPSTREAM_KEY, IDLE_UPSTREAM_KEY])
        expect({ name, leaks: text.includes(secret) }).toEqual({ name, leaks: false });
      expect({ name, leaks: text.includes('log me, not my prompt') }).toEqual({ name, leaks: false });
    }
  });
});

describe('LOG_LEVEL', () => {
  it('stops the start with a clear error when no service would take it', async () => {
    await expectLauncherRefusal(
      { LOG_LEVEL: 'loud' },
      'could not start: Invalid configuration:\n  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace',
    );
  });
});
