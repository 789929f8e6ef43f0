import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { Client } from 'pg';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  servicePid,
  startMockUpstream,
  startStackLikeNpmStart,
  validatingFetch,
} from '@switchyard/testing';

/** The longest a caller may wait for the end of a stream whose router died. */
const ERROR_WITHIN_MS = 5000;

/** Rejects with `message` after `ms`, so a stream that never ends fails the test with a reason instead of the test timeout. */
function failAfter(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}

/** What one stream saw: when it ended and how (a thrown error is the stream's own error event, surfaced by the SDK). */
interface Outcome {
  requestId: string;
  chunks: number;
  endedAt: number;
  error: unknown;
}

/**
 * A stream read as raw server-sent events (the formats no SDK here speaks): counts the events
 * `isDelta` recognises and keeps the last event, which must be the format's own error event.
 */
async function rawStream(
  url: string,
  key: string,
  body: unknown,
  isDelta: (data: Record<string, unknown>) => boolean,
  onDelta: (deltas: number) => void,
): Promise<Outcome & { last: Record<string, unknown> | null }> {
  const response = await validatingFetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const outcome = {
    requestId: response.headers.get('x-request-id')!,
    chunks: 0,
    endedAt: 0,
    error: null,
    last: null as Record<string, unknown> | null,
  };
  let buffered = '';
  for await (const bytes of response.body!) {
    buffered += Buffer.from(bytes).toString('utf8');
    const events = buffered.split('\n\n');
    buffered = events.pop()!;
    for (const event of events) {
      const data = event
        .split('\n')
        .find((line) => line.startsWith('data: '))
        ?.slice(6);
      if (!data || data === '[DONE]') continue;
      outcome.last = JSON.parse(data) as Record<string, unknown>;
      if (isDelta(outcome.last)) onDelta(++outcome.chunks);
    }
  }
  outcome.endedAt = Date.now();
  return outcome;
}

/**
 * A router that dies mid-stream: the gateway notices that its heartbeats stopped, ends every open
 * stream with an error event in the stream's own format within seconds, and bills what it forwarded
 * as an estimate (the router never will).
 */
describe('streams outlive no router', () => {
  let stack: RunningStack;
  let upstream: MockUpstreamProcess;
  let db: Client;

  beforeAll(async () => {
    // split: it kills the router alone mid-stream
    [stack, upstream] = await Promise.all([startStackLikeNpmStart({}, { mode: 'split' }), startMockUpstream()]);
    const call = apiCaller(stack);
    await call('POST', '/admin/channels', stack.adminKey, {
      name: 'slow',
      provider: 'openai-compatible',
      base_url: `${upstream.url}/v1`,
      api_key: 'k',
      models: ['slow-model'],
    });
    await call('PUT', '/admin/prices/slow-model', stack.adminKey, { input_per_million: 1, output_per_million: 10 });
    // every answer slow enough to be still running when the router is killed: a word every 300 ms
    await upstream.configure({ chunk_delay_ms: 300, reply_chars: 2000 });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([stack?.stop(), upstream?.stop()]);
  });

  function usageRecordOf(
    requestId: string,
  ): Promise<{ estimated: boolean; channel_type: string; completion_tokens: number; prompt_tokens: number }> {
    return eventually(
      `the usage record of ${requestId}`,
      async () => {
        const { rows } = await db.query(
          'SELECT estimated, channel_type, completion_tokens, prompt_tokens FROM billing.usage_records WHERE request_id = $1',
          [requestId],
        );
        return rows[0];
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
  }

  it("answers a stream request its router took and never answered with a 503 in the caller's envelope within 5 s (chaos finding 7), and the router, once awake, does not run it", async () => {
    const { key, userId } = await createUserWithKey(stack, { name: 'frozen-router', credits: 5 });
    const router = servicePid(stack, 'router');
    const upstreamCallsBefore = (await upstream.requests()).length;
    // frozen, the router holds its NATS connection: the request is delivered to it and never answered, no heartbeat either
    process.kill(router, 'SIGSTOP');
    try {
      const started = Date.now();
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        validatingFetch(`${stack.gatewayUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }).then(async (response) => ({ status: response.status, body: await response.json(), endedAt: Date.now() }));
      const [chat, messages] = await Promise.race([
        Promise.all([
          post('/v1/chat/completions', { model: 'slow-model', messages: [{ role: 'user', content: 'hello' }], stream: true }),
          post(
            '/v1/messages',
            { model: 'slow-model', max_tokens: 100, messages: [{ role: 'user', content: 'hello' }], stream: true },
            { 'anthropic-version': '2023-06-01' },
          ),
        ]),
        failAfter(20_000, 'a stream request on a frozen router was still unanswered after 20 s'),
      ]);
      expect(chat).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable', type: expect.any(String) } } });
      expect(messages).toMatchObject({ status: 503, body: { type: 'error', error: { type: expect.any(String) } } });
      for (const answer of [chat, messages]) expect(answer.endedAt - started).toBeLessThan(ERROR_WITHIN_MS);
      // the gateway's give-ups reach the sleeping router's socket, behind the requests
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      process.kill(router, 'SIGCONT');
    }
    // awake, the router reads the requests and the give-ups together: it drops both requests unrun, so their callers,
    // told they failed, are not billed for an upstream call they never saw (and billed again when they retry)
    await eventually(
      'the router answers again',
      async () => (await apiCaller(stack)('GET', '/v1/models', key)).status === 200 || undefined,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await upstream.requests()).length).toBe(upstreamCallsBefore);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM billing.usage_records WHERE user_id = $1', [userId]);
    expect(rows[0].n).toBe(0);
  });

  it('ends OpenAI chat, Anthropic Messages, Responses and Gemini streams with their own error event within 5 s of the router dying, and bills each as estimated', async () => {
    const { key } = await createUserWithKey(stack, { name: 'streamer', credits: 5 });
    const openai = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const anthropic = new Anthropic({ apiKey: key, baseURL: stack.gatewayUrl, maxRetries: 0, fetch: validatingFetch });
    let started = 0;
    let announceStarted: () => void;
    const allStarted = new Promise<void>((resolve) => (announceStarted = resolve));
    const noteChunk = (chunks: number) => {
      if (chunks === 2 && ++started === 4) announceStarted();
    };

    const chat = (async (): Promise<Outcome> => {
      const { data: stream, response } = await openai.chat.completions
        .create({ model: 'slow-model', messages: [{ role: 'user', content: 'tell me a long story' }], stream: true })
        .withResponse();
      const outcome: Outcome = { requestId: response.headers.get('x-request-id')!, chunks: 0, endedAt: 0, error: null };
      try {
        for await (const chunk of stream as unknown as AsyncIterable<unknown>) {
          void chunk;
          noteChunk(++outcome.chunks);
        }
      } catch (error) {
        outcome.error = error;
      }
      outcome.endedAt = Date.now();
      return outcome;
    })();

    const messages = (async (): Promise<Outcome> => {
      const { data: stream, response } = await anthropic.messages
        .create({ model: 'slow-model', max_tokens: 1000, messages: [{ role: 'user', content: 'tell me a long story' }], stream: true })
        .withResponse();
      const outcome: Outcome = { requestId: response.headers.get('x-request-id')!, chunks: 0, endedAt: 0, error: null };
      try {
        for await (const event of stream as unknown as AsyncIterable<{ type: string }>) {
          if (event.type === 'content_block_delta') noteChunk(++outcome.chunks);
        }
      } catch (error) {
        outcome.error = error;
      }
      outcome.endedAt = Date.now();
      return outcome;
    })();

    const responses = rawStream(
      `${stack.gatewayUrl}/v1/responses`,
      key,
      { model: 'slow-model', input: 'tell me a long story', stream: true },
      (data) => data.type === 'response.output_text.delta',
      noteChunk,
    );
    const gemini = rawStream(
      `${stack.gatewayUrl}/v1beta/models/slow-model:streamGenerateContent?alt=sse`,
      key,
      { contents: [{ role: 'user', parts: [{ text: 'tell me a long story' }] }] },
      (data) => Array.isArray(data.candidates),
      noteChunk,
    );

    await Promise.race([allStarted, failAfter(30_000, 'the streams never started')]);
    const killedAt = Date.now();
    process.kill(servicePid(stack, 'router'), 'SIGKILL');
    const [sdkOutcomes, rawOutcomes] = await Promise.race([
      Promise.all([Promise.all([chat, messages]), Promise.all([responses, gemini])]),
      failAfter(20_000, 'a stream was still open 20 s after its router died'),
    ]);
    const outcomes = [...sdkOutcomes, ...rawOutcomes];

    for (const outcome of sdkOutcomes) {
      expect(outcome.error).toBeInstanceOf(Error);
      expect(outcome.error).toMatchObject({ error: expect.anything() });
    }
    for (const outcome of outcomes) expect(outcome.endedAt - killedAt).toBeLessThan(ERROR_WITHIN_MS);
    // each SDK recognised the error event of its own format
    expect(outcomes[0].error).toBeInstanceOf(OpenAI.APIError);
    expect((outcomes[0].error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'service_unavailable' });
    expect(outcomes[1].error).toBeInstanceOf(Anthropic.APIError);
    expect((outcomes[1].error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      type: 'error',
      error: { type: expect.any(String) },
    });
    expect(rawOutcomes[0].last).toMatchObject({ type: 'error', code: 'service_unavailable' });
    expect(rawOutcomes[1].last).toMatchObject({ error: { code: 503, status: expect.any(String) } });

    // what was forwarded is billed, marked as an estimate
    for (const outcome of outcomes) {
      expect(outcome.requestId).toMatch(/^req_/);
      const record = await usageRecordOf(outcome.requestId);
      expect(record).toMatchObject({ estimated: true, channel_type: 'PLATFORM' });
      expect(record.prompt_tokens).toBeGreaterThan(0);
      expect(record.completion_tokens).toBeGreaterThan(0);
    }
  });
});
