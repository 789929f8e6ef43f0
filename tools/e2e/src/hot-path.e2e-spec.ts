import OpenAI from 'openai';
import { apiCaller, createUserWithKey, RunningStack, startStackLikeNpmStart, validatingFetch } from '@switchyard/testing';

type Dialect = 'openai' | 'anthropic' | 'gemini';

interface Route {
  path: string;
  dialect: Dialect;
  /** a body its contract refuses, and the code it is refused with */
  invalid: unknown;
  invalidCode: string;
}

/** The inference routes the gateway serves on Fastify directly (inference/inference-routes.ts). */
const ROUTES: Route[] = [
  { path: '/v1/chat/completions', dialect: 'openai', invalid: { model: 'mock-gpt', messages: [] }, invalidCode: 'invalid_value' },
  { path: '/v1/completions', dialect: 'openai', invalid: { model: 'mock-gpt' }, invalidCode: 'missing_required_parameter' },
  { path: '/v1/embeddings', dialect: 'openai', invalid: { model: 42, input: 'x' }, invalidCode: 'invalid_value' },
  { path: '/v1/responses', dialect: 'openai', invalid: { model: 'mock-gpt', input: [] }, invalidCode: 'invalid_value' },
  {
    path: '/v1/messages',
    dialect: 'anthropic',
    invalid: { model: 'mock-claude', messages: [{ role: 'user', content: 'hi' }] },
    invalidCode: 'invalid_value',
  },
  { path: '/v1/messages/count_tokens', dialect: 'anthropic', invalid: { model: 'mock-claude' }, invalidCode: 'invalid_value' },
  { path: '/v1beta/models/mock-gemini:generateContent', dialect: 'gemini', invalid: { contents: 'hello' }, invalidCode: 'invalid_value' },
  { path: '/v1beta/models/mock-gemini:streamGenerateContent', dialect: 'gemini', invalid: { contents: [] }, invalidCode: 'invalid_value' },
];

/** A Nest-served route of the same dialect: the raw routes must refuse exactly as it does. */
const NEST_PEER: Partial<Record<Dialect, { path: string; headers: Record<string, string> }>> = {
  openai: { path: '/v1/rerank', headers: {} },
  anthropic: { path: '/v1/files', headers: { 'anthropic-beta': 'files-api-2025-04-14' } },
};

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** The headers a refusal carries, without the per-request ids. */
function refusalHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ['content-type', 'x-should-retry', 'x-client-request-id', 'x-ratelimit-limit', 'retry-after', 'x-switchyard-cost']) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}

/** The envelope each dialect answers a refusal in, with its code/type/status where the dialect has one. */
function expectEnvelope(
  dialect: Dialect,
  answer: Answer,
  expected: { status: number; openAiCode: string | null; anthropicType: string; googleStatus: string },
  openAiCode: string,
): void {
  expect(answer.status).toBe(expected.status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
  if (dialect === 'openai') {
    expect(Object.keys(answer.body)).toEqual(['error']);
    expect(Object.keys(answer.body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(answer.body.error.code).toBe(openAiCode);
  } else if (dialect === 'anthropic') {
    expect(answer.body).toEqual({
      type: 'error',
      error: { type: expected.anthropicType, message: expect.any(String) },
      request_id: answer.headers.get('x-request-id'),
    });
    expect(answer.headers.get('request-id')).toBe(answer.headers.get('x-request-id'));
  } else {
    expect(answer.body).toEqual({ error: { code: expected.status, message: expect.any(String), status: expected.googleStatus } });
  }
}

/**
 * The hot path: inference routes served by Fastify without Nest's per-request pipeline refuse
 * exactly as before (status, envelope per dialect, headers), and JSON answers passed through as
 * the upstream's bytes still carry `usage.cost` and `_routing` where the SDK expects them.
 */
describe('hot path: raw inference routes and byte passthrough', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let user: { userId: string; key: string };
  let noScope: { userId: string; key: string };

  async function post(path: string, key: string | null, body: string | null, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await validatingFetch(`${stack.gatewayUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'client-label-1',
        ...(key !== null && { authorization: `Bearer ${key}` }),
        ...headers,
      },
      ...(body !== null && { body }),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), headers: response.headers };
  }

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    call = apiCaller(stack);
    user = await createUserWithKey(stack, { name: 'hot-path-user', credits: 5 });
    noScope = await createUserWithKey(stack, { name: 'hot-path-reader', scopes: ['usage:read'] });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** `openAiCode` null: the route's own `invalidCode`; `limited`: whether the refusal carries the key's rate limit */
  const refusals: {
    name: string;
    key: () => string | null;
    body: (r: Route) => string;
    limited: boolean;
    expected: { status: number; openAiCode: string | null; anthropicType: string; googleStatus: string };
  }[] = [
    {
      name: 'a missing key',
      key: () => null,
      body: () => '{}',
      limited: false,
      expected: { status: 401, openAiCode: 'invalid_api_key', anthropicType: 'authentication_error', googleStatus: 'UNAUTHENTICATED' },
    },
    {
      name: 'an invalid key',
      key: () => 'sk-sy-not-a-key-0123456789',
      body: () => '{}',
      limited: false,
      expected: { status: 401, openAiCode: 'invalid_api_key', anthropicType: 'authentication_error', googleStatus: 'UNAUTHENTICATED' },
    },
    {
      name: 'a key without the inference scope',
      key: () => noScope.key,
      body: () => '{}',
      limited: true,
      expected: { status: 403, openAiCode: 'AUTH_1015', anthropicType: 'permission_error', googleStatus: 'PERMISSION_DENIED' },
    },
    // the body parser refuses before the caller is looked up: no rate-limit headers
    {
      name: 'bad JSON',
      key: () => user.key,
      body: () => '{"model": "mock-gpt", ',
      limited: false,
      expected: { status: 400, openAiCode: 'invalid_json', anthropicType: 'invalid_request_error', googleStatus: 'INVALID_ARGUMENT' },
    },
    {
      name: 'an invalid body',
      key: () => user.key,
      body: (r) => JSON.stringify(r.invalid),
      limited: true,
      expected: { status: 400, openAiCode: null, anthropicType: 'invalid_request_error', googleStatus: 'INVALID_ARGUMENT' },
    },
  ];

  describe.each(refusals)('refuses $name', ({ key, body, limited, expected }) => {
    it.each(ROUTES)('on $path, in its dialect, as the Nest-served routes do', async (route) => {
      const answer = await post(route.path, key(), body(route));
      expectEnvelope(route.dialect, answer, expected, expected.openAiCode ?? route.invalidCode);
      expect(answer.headers.get('x-client-request-id')).toBe('client-label-1');
      // a rate-limited key's refusals carry its limit (the limiter runs before the scope check)
      expect(answer.headers.get('x-ratelimit-limit')).toBe(limited ? '60' : null);
      const peer = NEST_PEER[route.dialect];
      if (peer && expected.status !== 400) {
        const nest = await post(peer.path, key(), body(route), peer.headers);
        expect(nest.status).toBe(answer.status);
        expect(refusalHeaders(nest.headers)).toEqual(refusalHeaders(answer.headers));
        const withoutIds = (b: any) => ({ ...b, request_id: undefined });
        expect(withoutIds(nest.body)).toEqual(withoutIds(answer.body));
      }
    });
  });

  it('refuses bad JSON exactly as a Nest-served route does (same body parser, same envelope)', async () => {
    const raw = await post('/v1/chat/completions', user.key, '{"model": [[[');
    const nest = await post('/v1/rerank', user.key, '{"model": [[[');
    expect([raw.status, raw.body]).toEqual([nest.status, nest.body]);
    expect(refusalHeaders(raw.headers)).toEqual(refusalHeaders(nest.headers));
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/json; charset=latin1']])(
    'refuses a %s body as a Nest-served route does',
    async (contentType) => {
      const raw = await post('/v1/chat/completions', user.key, 'hello', { 'content-type': contentType });
      const nest = await post('/v1/rerank', user.key, 'hello', { 'content-type': contentType });
      expect(raw.status).toBeGreaterThanOrEqual(400);
      expect([raw.status, raw.body]).toEqual([nest.status, nest.body]);
      expect(refusalHeaders(raw.headers)).toEqual(refusalHeaders(nest.headers));
    },
  );

  it('refuses a body that carries a server-only field', async () => {
    const answer = await post(
      '/v1/chat/completions',
      user.key,
      JSON.stringify({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }], parked: [] }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_value', param: 'parked' });
  });

  it('answers other methods on the raw routes as before (404 in the envelope)', async () => {
    const response = await validatingFetch(`${stack.gatewayUrl}/v1/chat/completions`, { headers: { authorization: `Bearer ${user.key}` } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).error.code).toBe('not_found');
  });

  it('passes a chat answer through with usage.cost and _routing, parsed by the SDK', async () => {
    const client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const { data, response } = await client.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'hello hot path' }] })
      .withResponse();
    const answer = data as any;
    expect(answer.object).toBe('chat.completion');
    expect(answer.choices[0].message.content).toEqual(expect.any(String));
    expect(answer.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      cost: expect.any(Number),
    });
    expect(answer.usage.cost).toBeGreaterThan(0);
    expect(Number(response.headers.get('x-switchyard-cost'))).toBe(answer.usage.cost);
    expect(answer._routing).toEqual({
      channel: { id: expect.any(String), name: expect.any(String), provider: 'openai', channelType: 'PLATFORM' },
      cached: false,
      retryCount: 0,
      attempts: [expect.objectContaining({ status: 200 })],
    });
    expect(response.headers.get('x-switchyard-channel-id')).toBe(answer._routing.channel.id);
    expect(response.headers.get('x-ratelimit-limit')).toBe('60');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('passes embeddings, completions and responses through with cost and _routing', async () => {
    const client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const embedding = (await client.embeddings.create({ model: 'mock-embedding', input: 'abc' })) as any;
    expect(embedding.data[0].embedding.length).toBeGreaterThan(0);
    expect(embedding.usage.cost).toEqual(expect.any(Number));
    expect(embedding._routing.channel.provider).toBe('openai');
    const completion = (await client.completions.create({ model: 'mock-gpt', prompt: 'complete me' })) as any;
    expect(completion.usage.cost).toEqual(expect.any(Number));
    expect(completion._routing.cached).toBe(false);
    const response = (await client.responses.create({ model: 'mock-gpt', input: 'respond please' })) as any;
    expect(response.output_text).toEqual(expect.any(String));
    expect(response.usage.cost).toEqual(expect.any(Number));
    expect(response._routing.retryCount).toBe(0);
  });

  it('keeps the rebuilt path for a cache hit and a translated answer: same fields either way', async () => {
    const body = { model: 'mock-gpt', messages: [{ role: 'user', content: 'cache me on the hot path' }], temperature: 0 };
    const first = await call('POST', '/v1/chat/completions', user.key, body, { 'x-switchyard-cache': 'on' });
    const hit = await call('POST', '/v1/chat/completions', user.key, body, { 'x-switchyard-cache': 'on' });
    expect(first.status).toBe(200);
    expect(hit.status).toBe(200);
    expect(first.body._routing.cached).toBe(false);
    expect(hit.body._routing.cached).toBe(true);
    expect(Object.keys(hit.body as object).sort()).toEqual(Object.keys(first.body as object).sort());
    expect(first.body.usage.cost).toEqual(expect.any(Number));
    // mock-claude is served natively (Anthropic channel); asked through chat it is translated
    const translated = await call('POST', '/v1/chat/completions', user.key, {
      model: 'mock-claude',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(translated.status).toBe(200);
    expect(translated.body.usage.cost).toEqual(expect.any(Number));
    expect(translated.body._routing.channel.provider).toBe('anthropic');
  });
});
