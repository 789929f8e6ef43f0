import Anthropic, { toFile } from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  RunningStack,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';

/**
 * One API surface, three wire formats: the demo stack has an OpenAI-format channel (mock-gpt), an
 * Anthropic channel (mock-claude) and a Gemini channel (mock-gemini), all on the mock upstream,
 * which speaks each provider's real wire format. Every format reaches every channel, natively or
 * translated through chat.
 */
describe('native formats: Anthropic Messages, Responses, Gemini', () => {
  let stack: RunningStack;
  let anthropic: Anthropic;
  let openai: OpenAI;
  let call: ReturnType<typeof apiCaller>;
  const mockRequests = async (): Promise<{ path: string; apiKey?: string; headers: Record<string, string>; body: any }[]> =>
    ((await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: any[] }).data;
  const clearMock = () => uncheckedFetch(`${stack.mockUrl}/__mock/requests`, { method: 'DELETE' });
  const configureMock = (behaviour: Record<string, unknown>) =>
    uncheckedFetch(`${stack.mockUrl}/__mock/config`, { method: 'POST', body: JSON.stringify(behaviour) });

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    anthropic = new Anthropic({ apiKey: stack.adminKey, baseURL: stack.gatewayUrl, maxRetries: 0, fetch: validatingFetch });
    openai = new OpenAI({ apiKey: stack.adminKey, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    call = apiCaller(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  beforeEach(async () => {
    await Promise.all([clearMock(), configureMock({})]);
  });

  describe('Anthropic Messages API (@anthropic-ai/sdk)', () => {
    it('is served natively by an Anthropic channel, with the channel key in x-api-key and usage converted', async () => {
      await configureMock({ cached_tokens: 4, cache_write_tokens: 2 });
      const message = await anthropic.messages.create({
        model: 'mock-claude',
        max_tokens: 50,
        system: 'be brief',
        messages: [{ role: 'user', content: 'hello claude' }],
      });
      expect(message).toMatchObject({
        type: 'message',
        role: 'assistant',
        model: 'mock-claude',
        stop_reason: 'end_turn',
        content: [{ type: 'text', text: 'Echo: hello claude' }],
      });
      expect(message.usage).toMatchObject({ cache_read_input_tokens: 4, cache_creation_input_tokens: 2, output_tokens: 3 });
      expect((message as any)._routing.channel).toMatchObject({ name: 'demo-anthropic', provider: 'anthropic', channelType: 'PLATFORM' });
      const [upstream] = await mockRequests();
      expect(upstream).toMatchObject({ path: '/v1/messages', body: { model: 'mock-claude', system: 'be brief', max_tokens: 50 } });
      expect(upstream.headers['anthropic-version']).toBe('2023-06-01');
      expect(upstream.headers.authorization).toBeUndefined();

      // one usage record in our convention: cache reads and writes inside prompt_tokens
      const records: any[] = await eventually(
        'the usage record',
        async () => (await call('GET', '/v1/usage?model=mock-claude', stack.adminKey)).body.data,
        {
          until: (data) => data.length > 0,
          timeoutMs: 5_000,
          intervalMs: 50,
        },
      );
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        endpoint: '/v1/messages',
        prompt_tokens: message.usage.input_tokens + 4 + 2,
        completion_tokens: 3,
        cached_tokens: 4,
        channel_type: 'PLATFORM',
      });
      // mock-claude's demo price: input $3, cache reads $0.30, cache writes $3.75, output $15 per million
      const expected = (message.usage.input_tokens * 3 + 4 * 0.3 + 2 * 3.75 + 3 * 15) / 1e6;
      expect(records[0].cost).toBeCloseTo(expected, 12);
      expect(records[0]).toMatchObject({ cache_write_tokens: 2 });
    });

    it('is translated for an OpenAI-format channel: system, tools and stop reasons', async () => {
      const message = await anthropic.messages.create({
        model: 'mock-gpt',
        max_tokens: 50,
        system: 'system words',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'use the tool' }] }],
        tools: [
          { name: 'lookup', description: 'looks things up', input_schema: { type: 'object', properties: { echo: { type: 'string' } } } },
        ],
      });
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content).toEqual([
        { type: 'text', text: 'Echo: use the tool' },
        { type: 'tool_use', id: expect.any(String), name: 'lookup', input: { echo: 'Echo: use the tool' } },
      ]);
      expect(message.usage.input_tokens).toBeGreaterThan(0);
      const [upstream] = await mockRequests();
      expect(upstream.path).toBe('/v1/chat/completions');
      expect(upstream.body.messages[0]).toEqual({ role: 'system', content: 'system words' });
      expect(upstream.body.tools[0]).toMatchObject({ type: 'function', function: { name: 'lookup' } });
      expect(upstream.body.max_tokens).toBe(50);
    });

    it('streams Anthropic events from both kinds of channel', async () => {
      for (const model of ['mock-claude', 'mock-gpt']) {
        const stream = anthropic.messages.stream({ model, max_tokens: 50, messages: [{ role: 'user', content: 'stream it please' }] });
        const types: string[] = [];
        stream.on('streamEvent', (event) => types.push(event.type));
        const final = await stream.finalMessage();
        expect(final.content).toEqual([
          { type: 'text', text: 'Echo: stream it please', ...((final.content[0] as any).citations !== undefined && { citations: null }) },
        ]);
        expect(final.stop_reason).toBe('end_turn');
        expect(final.usage.output_tokens).toBe(4);
        expect(types[0]).toBe('message_start');
        expect(types.at(-1)).toBe('message_stop');
        expect(types).toContain('content_block_delta');
      }
    });

    it('counts tokens with the provider where it can, and estimates otherwise', async () => {
      const native = await anthropic.messages.countTokens({
        model: 'mock-claude',
        messages: [{ role: 'user', content: 'count these words' }],
      });
      expect(native).toEqual({ input_tokens: 3 + Math.ceil('count these words'.length / 4) });
      expect((await mockRequests()).map((r) => r.path)).toEqual(['/v1/messages/count_tokens']);
      const estimated = await anthropic.messages.countTokens({
        model: 'mock-gpt',
        messages: [{ role: 'user', content: 'count these words' }],
      });
      expect(estimated.input_tokens).toBeGreaterThan(0);
    });

    it("refuses bad input and unknown models in Anthropic's error envelope", async () => {
      const missing = await call(
        'POST',
        '/v1/messages',
        stack.adminKey,
        { model: 'mock-claude', messages: [{ role: 'user', content: 'x' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({
        type: 'error',
        error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') },
        request_id: expect.any(String),
      });
      const unknown = await anthropic.messages
        .create({ model: 'no-such-model', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })
        .catch((e) => e);
      expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    });
  });

  describe('the OpenAI API on an Anthropic channel (openai SDK)', () => {
    it('answers chat completions from an Anthropic channel, with cache reads inside prompt_tokens', async () => {
      await configureMock({ cached_tokens: 5 });
      const completion = await openai.chat.completions.create({
        model: 'mock-claude',
        messages: [
          { role: 'system', content: 'sys' },
          { role: 'user', content: 'hi from openai' },
        ],
      });
      expect(completion.choices[0]).toMatchObject({
        message: { role: 'assistant', content: 'Echo: hi from openai' },
        finish_reason: 'stop',
      });
      expect(completion.usage).toMatchObject({ completion_tokens: 4, prompt_tokens_details: { cached_tokens: 5 } });
      const [upstream] = await mockRequests();
      expect(upstream).toMatchObject({
        path: '/v1/messages',
        body: { system: 'sys', messages: [{ role: 'user', content: 'hi from openai' }] },
      });
      expect(completion.usage!.prompt_tokens).toBe(
        upstream.body.messages.length * 3 + Math.ceil('hi from openai'.length / 4) + Math.ceil('sys'.length / 4),
      );
    });

    it('streams chat chunks from an Anthropic channel, with the usage chunk when asked', async () => {
      const stream = await openai.chat.completions.create({
        model: 'mock-claude',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'stream from claude' }],
      });
      let text = '';
      let usage: OpenAI.CompletionUsage | undefined;
      let finish: string | null = null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        usage = chunk.usage ?? usage;
      }
      expect(text).toBe('Echo: stream from claude');
      expect(finish).toBe('stop');
      expect(usage).toMatchObject({ completion_tokens: 4 });
    });
  });

  describe('the Responses API (openai SDK)', () => {
    it('passes through to a channel that speaks it, streamed too', async () => {
      const response = await openai.responses.create({ model: 'mock-gpt', input: 'respond natively' });
      expect(response.output_text).toBe('Echo: respond natively');
      const stream = await openai.responses.create({ model: 'mock-gpt', input: 'stream natively', stream: true });
      let text = '';
      let completed: any = null;
      for await (const event of stream) {
        if (event.type === 'response.output_text.delta') text += event.delta;
        if (event.type === 'response.completed') completed = event.response;
      }
      expect(text).toBe('Echo: stream natively');
      expect(completed.usage.output_tokens).toBe(3);
      expect((await mockRequests()).map((r) => r.path)).toEqual(['/v1/responses', '/v1/responses']);
    });

    it('reads and deletes a stored response at the channel that made it, for its owner only', async () => {
      const created = await openai.responses.create({ model: 'mock-gpt', input: 'remember me' });
      const again = await openai.responses.retrieve(created.id);
      expect(again.output_text).toBe('Echo: remember me');
      const items = await openai.responses.inputItems.list(created.id);
      expect(items.data.map((i: any) => i.content[0].text)).toEqual(['remember me']);
      const stranger = await createUserWithKey(stack, { name: 'stranger' });
      const theirs = await call('GET', `/v1/responses/${created.id}`, stranger.key);
      expect(theirs.status).toBe(404);
      expect(await openai.responses.delete(created.id)).toEqual({ id: created.id, object: 'response', deleted: true });
      await expect(openai.responses.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      // an answer translated from chat was never stored anywhere
      const translated = await openai.responses.create({ model: 'mock-claude', input: 'not stored' });
      await expect(openai.responses.retrieve(translated.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it('is translated to chat for a channel that does not speak it, streamed too', async () => {
      const response = await openai.responses.create({ model: 'mock-claude', instructions: 'be kind', input: 'respond via claude' });
      expect(response.output_text).toBe('Echo: respond via claude');
      expect(response.usage).toMatchObject({ output_tokens: 4 });
      const stream = openai.responses.stream({ model: 'mock-claude', input: 'stream via claude' });
      const final = await stream.finalResponse();
      expect(final.output_text).toBe('Echo: stream via claude');
      const paths = (await mockRequests()).map((r) => r.path);
      expect(paths).toEqual(['/v1/messages', '/v1/messages']);
      expect((await mockRequests())[0].body.system).toBe('be kind');
    });
  });

  describe('Gemini native (raw HTTP)', () => {
    const gemini = (model: string, method: string, body: unknown, auth: Record<string, string> | string) => {
      const query = typeof auth === 'string' ? `?${auth}` : '';
      return validatingFetch(`${stack.gatewayUrl}/v1beta/models/${model}:${method}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(typeof auth === 'string' ? {} : auth) },
        body: JSON.stringify(body),
      });
    };
    const body = {
      systemInstruction: { parts: [{ text: 'sys' }] },
      contents: [{ role: 'user', parts: [{ text: 'hello gemini' }] }],
      generationConfig: { maxOutputTokens: 40 },
    };

    it('is served natively by a Gemini channel, with x-goog-api-key or ?key=', async () => {
      for (const auth of [{ 'x-goog-api-key': stack.adminKey }, `key=${stack.adminKey}`]) {
        const response = await gemini('mock-gemini', 'generateContent', body, auth);
        expect(response.status).toBe(200);
        const answer = (await response.json()) as any;
        expect(answer.candidates[0]).toMatchObject({
          content: { role: 'model', parts: [{ text: 'Echo: hello gemini' }] },
          finishReason: 'STOP',
        });
        expect(answer.usageMetadata).toMatchObject({ candidatesTokenCount: 3 });
        expect(answer._routing.channel).toMatchObject({ name: 'demo-gemini', provider: 'gemini' });
      }
      const upstream = (await mockRequests())[0];
      expect(upstream.path).toBe('/v1beta/models/mock-gemini:generateContent');
      expect(upstream.body.model).toBeUndefined();
      expect(upstream.headers['x-goog-api-key']).toBeDefined();
    });

    it('is translated for OpenAI-format and Anthropic channels, and streams as Gemini chunks', async () => {
      for (const model of ['mock-gpt', 'mock-claude']) {
        const answer = (await (await gemini(model, 'generateContent', body, { 'x-goog-api-key': stack.adminKey })).json()) as any;
        expect(answer.candidates[0].content.parts[0].text).toBe('Echo: hello gemini');
        expect(answer.usageMetadata.candidatesTokenCount).toBe(3);
      }
      const streamed = await gemini('mock-claude', 'streamGenerateContent', body, `alt=sse&key=${stack.adminKey}`);
      expect(streamed.headers.get('content-type')).toContain('text/event-stream');
      const chunks = (await streamed.text())
        .split('\n\n')
        .filter((e) => e.startsWith('data: '))
        .map((e) => JSON.parse(e.slice(6)));
      expect(chunks.map((c) => c.candidates?.[0]?.content?.parts?.map((p: any) => p.text ?? '').join('') ?? '').join('')).toBe(
        'Echo: hello gemini',
      );
      expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP');
      expect(chunks.at(-1).usageMetadata.candidatesTokenCount).toBe(3);
    });

    it("answers errors in Google's envelope", async () => {
      const badMethod = await gemini('mock-gemini', 'explode', body, { 'x-goog-api-key': stack.adminKey });
      expect(badMethod.status).toBe(404);
      expect(await badMethod.json()).toEqual({ error: { code: 404, message: expect.any(String), status: 'NOT_FOUND' } });
      const noKey = await gemini('mock-gemini', 'generateContent', body, {});
      expect(noKey.status).toBe(401);
      expect(((await noKey.json()) as any).error.status).toBe('UNAUTHENTICATED');
    });
  });

  describe('Anthropic Files mode bound to its channel', () => {
    it("uploads the file to an Anthropic channel and pins messages that reference it there, with the provider's id", async () => {
      const betas = ['files-api-2025-04-14'];
      const file = await anthropic.beta.files.upload({
        file: await toFile(Buffer.from('%PDF-1.4 pinned'), 'pinned.pdf', { type: 'application/pdf' }),
        betas,
      });
      const upload = (await mockRequests()).find((r) => r.path === '/v1/files')!;
      expect(upload.headers['anthropic-beta']).toBe('files-api-2025-04-14');
      await clearMock();

      const message = await anthropic.beta.messages.create({
        model: 'mock-claude',
        max_tokens: 20,
        betas,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', source: { type: 'file', file_id: file.id } },
              { type: 'text', text: 'summarise' },
            ],
          },
        ],
      });
      expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: summarise' });
      const [sent] = await mockRequests();
      const upstreamFileId = sent.body.messages[0].content[0].source.file_id;
      expect(upstreamFileId).toMatch(/^file_mock/);
      expect(upstreamFileId).not.toBe(file.id);

      // a model the holding channel does not serve cannot use the file
      const elsewhere = await anthropic.beta.messages
        .create({
          model: 'mock-gpt',
          max_tokens: 20,
          betas,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'document', source: { type: 'file', file_id: file.id } },
                { type: 'text', text: 'x' },
              ],
            },
          ],
        })
        .catch((e) => e);
      expect(elsewhere).toBeInstanceOf(Anthropic.BadRequestError);
      expect(elsewhere.message).toContain('mock-claude');

      // deleting the file deletes the provider's copy too
      await clearMock();
      await anthropic.beta.files.delete(file.id, { betas });
      expect((await mockRequests()).map((r) => `${(r as any).method} ${r.path}`)).toEqual([`DELETE /v1/files/${upstreamFileId}`]);
      const gone = await anthropic.beta.messages
        .create({
          model: 'mock-claude',
          max_tokens: 20,
          betas,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'document', source: { type: 'file', file_id: file.id } },
                { type: 'text', text: 'x' },
              ],
            },
          ],
        })
        .catch((e) => e);
      expect(gone).toBeInstanceOf(Anthropic.NotFoundError);
    });
  });
});
