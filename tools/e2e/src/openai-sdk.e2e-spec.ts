import OpenAI from 'openai';
import { RunningStack, startStackLikeNpmStart, validatingFetch } from '@switchyard/testing';

/** The system as a user meets it: `npm start`, then the official openai client. */
describe('OpenAI SDK against a running Switchyard', () => {
  let stack: RunningStack;
  let client: OpenAI;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    client = new OpenAI({ apiKey: stack.adminKey, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a chat completion with _routing, routing headers and a request id', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'hello sdk' }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe('Echo: hello sdk');
    expect(data.usage).toMatchObject({ prompt_tokens: 6, completion_tokens: 3 });
    expect((data as any)._routing).toEqual({
      channel: { id: expect.stringMatching(/^ch_/), name: 'demo-mock', provider: 'openai', channelType: 'PLATFORM' },
      cached: false,
      retryCount: 0,
      attempts: [
        {
          channel_id: (data as any)._routing.channel.id,
          channel_name: 'demo-mock',
          channel_type: 'PLATFORM',
          status: 200,
          latency_ms: expect.any(Number),
          error_code: null,
        },
      ],
    });
    expect(response.headers.get('x-switchyard-channel-type')).toBe('PLATFORM');
    expect((data as any)._request_id).toBe(response.headers.get('x-request-id'));
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('streams exactly as OpenAI does, with usage on request and _routing on the final chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'stream me please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Echo: stream me please');
    const last = chunks[chunks.length - 1] as any;
    expect(last.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 4 });
    expect(last._routing.channel.name).toBe('demo-mock');
    expect(chunks.slice(0, -1).some((c: any) => c._routing)).toBe(false);
  });

  it('streams without a usage chunk when none was asked for', async () => {
    const stream = await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }], stream: true });
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
    expect(chunks[chunks.length - 1]._routing).toBeDefined();
  });

  it('returns the same embeddings as floats and as base64 (the SDK default)', async () => {
    const asBase64 = await client.embeddings.create({ model: 'mock-embedding', input: ['alpha', 'beta'] });
    const asFloat = await client.embeddings.create({ model: 'mock-embedding', input: ['alpha', 'beta'], encoding_format: 'float' });
    expect(asBase64.data).toHaveLength(2);
    asBase64.data.forEach((d, i) => {
      expect(d.embedding).toHaveLength(8);
      d.embedding.forEach((v, j) => expect(v).toBeCloseTo(asFloat.data[i].embedding[j], 5));
    });
    expect((asFloat as any)._routing.channel.name).toBe('demo-mock');
  });

  it('answers legacy completions (and streams them) and the Responses API through the same channels', async () => {
    const completion = await client.completions.create({ model: 'mock-gpt', prompt: 'old school' });
    expect(completion.choices[0].text).toBe('Echo: old school');
    expect((completion as any)._routing.channel.name).toBe('demo-mock');
    const stream = await client.completions.create({
      model: 'mock-gpt',
      prompt: 'stream old school',
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: any = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream old school');
    expect(usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 4 });

    const response = await client.responses.create({ model: 'mock-gpt', input: 'new school' });
    expect(response.output_text).toBe('Echo: new school');
    expect(response.usage).toMatchObject({ input_tokens: 6, output_tokens: 3 });
    expect((response as any)._routing.channel.channelType).toBe('PLATFORM');
    await expect(client.responses.create({ model: 'mock-gpt', input: [] as any })).rejects.toMatchObject({ status: 400, param: 'input' });
    await expect(client.completions.create({ model: 'mock-gpt', prompt: {} as any })).rejects.toMatchObject({
      status: 400,
      param: 'prompt',
    });
  });

  it('lists and retrieves models', async () => {
    const models: string[] = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(['mock-claude', 'mock-embedding', 'mock-gemini', 'mock-gpt']);
    const gpt = await client.models.retrieve('mock-gpt');
    expect(gpt).toMatchObject({ id: 'mock-gpt', type: 'chat', pricing: { input_per_million: 0.15, output_per_million: 0.6 } });
    // every chat route reaches it: natively, or translated through chat
    expect((gpt as any).endpoints).toEqual([
      '/v1/chat/completions',
      '/v1/completions',
      '/v1/responses',
      '/v1/messages',
      '/v1beta/models:generateContent',
    ]);
    expect(await client.models.retrieve('mock-embedding')).toMatchObject({ type: 'embedding', endpoints: ['/v1/embeddings'] });
    // an Anthropic channel speaks no legacy completions
    expect(((await client.models.retrieve('mock-claude')) as any).endpoints).not.toContain('/v1/completions');
    await expect(client.models.retrieve('nope')).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('raises the SDK error classes with OpenAI error bodies', async () => {
    const bad = new OpenAI({
      apiKey: 'sk-sy-not-a-real-key-at-all-000000',
      baseURL: `${stack.gatewayUrl}/v1`,
      maxRetries: 0,
      fetch: validatingFetch,
    });
    await expect(bad.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });

    const missing = await client.chat.completions.create({ model: 'mock-gpt' } as any).catch((e) => e);
    expect(missing).toBeInstanceOf(OpenAI.BadRequestError);
    expect(missing).toMatchObject({ status: 400, param: 'messages', code: 'missing_required_parameter' });

    const unknown = await client.chat.completions
      .create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknown.code).toBe('model_not_found');
  });

  it('passes unknown fields to the upstream and its errors back with their status and message', async () => {
    const error = await client.chat.completions
      .create({
        model: 'mock-gpt',
        messages: [{ role: 'user', content: 'x' }],
        mock: { mode: 'fail', status: 400, message: 'temperature too hot' },
      } as any)
      .catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.message).toContain('temperature too hot');
    const throttled = await client.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }], mock: { mode: 'fail', status: 429 } } as any)
      .catch((e) => e);
    expect(throttled).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('ends a stream that breaks mid-way with an error the SDK raises', async () => {
    const stream = await client.chat.completions.create({
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'one two three four five' }],
      stream: true,
      mock: { mode: 'cut', after_chunks: 2 },
    } as any);
    const received: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream as any) received.push(chunk.choices[0]?.delta?.content ?? '');
    })().catch((e) => e);
    expect(received.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(OpenAI.APIError);
  });
});
