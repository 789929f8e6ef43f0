import { MockUpstreamProcess, startMockUpstream } from '@switchyard/testing';
import { Bridge, bridgeFor } from './formats/bridge';
import { NormalizedUsage, ProviderAdapter, UpstreamCall, UpstreamError } from './provider-adapter';

/**
 * The behaviour every provider adapter must show, run against the mock upstream speaking that
 * adapter's wire format. Requests are written as chat and put in the adapter's API the way the
 * router does (natively or through the chat hub), so one suite checks every provider. A new
 * adapter passes this suite before it is registered.
 */
export function describeAdapterContract(name: string, makeAdapter: () => ProviderAdapter, baseUrlOf: (mockUrl: string) => string): void {
  describe(`${name} adapter contract`, () => {
    const apiKey = 'sk-contract-key';
    let mock: MockUpstreamProcess;
    let adapter: ProviderAdapter;
    let chat: Bridge;
    /** a chat request in the adapter's API */
    const call = (body: Record<string, unknown>, over: Partial<UpstreamCall> = {}): UpstreamCall => ({
      endpoint: chat.upstreamEndpoint,
      target: { baseUrl: baseUrlOf(mock.url), apiKey, publicAddressesOnly: false },
      body: { ...chat.request(body), model: body.model },
      timeoutMs: 2000,
      ...over,
    });
    /** a request already in one of the adapter's own endpoints' format */
    const nativeCall = (body: Record<string, unknown>, endpoint: UpstreamCall['endpoint']): UpstreamCall => ({
      ...call({ model: 'm', messages }),
      endpoint,
      body,
    });
    const messages = [{ role: 'user', content: 'contract test' }];

    beforeAll(async () => {
      mock = await startMockUpstream({ apiKey });
      adapter = makeAdapter();
      chat = bridgeFor('/v1/chat/completions', adapter.endpoints)!;
    });
    afterAll(() => mock?.stop());
    beforeEach(() => Promise.all([mock.configure({}), mock.clearRequests()]));

    it('sends a chat request with the channel key and returns body and usage', async () => {
      const result = await adapter.send(call({ model: 'm', messages }));
      expect((chat.response(result.body, {}).choices as any[])[0].message.content).toBe('Echo: contract test');
      expect(result.usage).toEqual({ promptTokens: 7, completionTokens: 3 });
      expect((await mock.requests()).pop()?.apiKey).toBe(apiKey);
    });

    it("reads prompt-cache reads into the prompt count, whatever the provider's convention", async () => {
      await mock.configure({ cached_tokens: 2 });
      const result = await adapter.send(call({ model: 'm', messages }));
      expect(result.usage).toMatchObject({ promptTokens: 7, completionTokens: 3, cachedTokens: 2 });
    });

    it('calls a tool and reads the call back as chat tool_calls', async () => {
      const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }];
      const answer = chat.response((await adapter.send(call({ model: 'm', messages, tools }))).body, {});
      const choice = (answer.choices as any[])[0];
      expect(choice.finish_reason).toBe('tool_calls');
      expect(choice.message.tool_calls[0]).toMatchObject({ type: 'function', function: { name: 'lookup' } });
      expect(JSON.parse(choice.message.tool_calls[0].function.arguments)).toEqual({ echo: 'Echo: contract test' });
    });

    const serves = (endpoint: UpstreamCall['endpoint']) => makeAdapter().endpoints.includes(endpoint);
    // capabilities: tests only for what the adapter serves natively (everything else is translated to chat above)
    if (serves('/v1/embeddings'))
      it('sends embeddings', async () => {
        const result = await adapter.send(nativeCall({ model: 'e', input: 'abcd' }, '/v1/embeddings'));
        expect((result.body.data as any[])[0].embedding).toHaveLength(8);
        expect(result.usage).toEqual({ promptTokens: 1, completionTokens: 0 });
      });

    if (serves('/v1/responses'))
      it('passes legacy completions and the Responses API through, reading both usage shapes', async () => {
        const completion = await adapter.send(nativeCall({ model: 'm', prompt: 'complete me' }, '/v1/completions'));
        expect((completion.body.choices as any[])[0].text).toBe('Echo: complete me');
        expect(completion.usage).toEqual({ promptTokens: 3, completionTokens: 3 });
        const response = await adapter.send(
          nativeCall({ model: 'm', input: 'respond please', mock: { cached_tokens: 2 } }, '/v1/responses'),
        );
        expect((response.body.output as any[])[0].content[0].text).toBe('Echo: respond please');
        expect(response.usage).toEqual({ promptTokens: 7, completionTokens: 3, cachedTokens: 2 });
        expect((await mock.requests()).map((r) => r.path)).toEqual(['/v1/completions', '/v1/responses']);
      });

    it('streams, and the usage of the stream adds up to one record', async () => {
      const translate = chat.stream();
      const chunks: Record<string, any>[] = [];
      let usage: NormalizedUsage | null = null;
      for await (const event of await adapter.openStream(call({ model: 'm', messages, stream: true }))) {
        usage = adapter.usageOf(event, usage) ?? usage;
        chunks.push(...translate.push(event));
      }
      chunks.push(...translate.end());
      expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Echo: contract test');
      expect(chunks.filter((c) => c.choices[0]?.finish_reason).map((c) => c.choices[0].finish_reason)).toEqual(['stop']);
      expect(usage).toEqual({ promptTokens: 7, completionTokens: 3 });
    });

    it('reports an upstream 400 as a non-retryable http failure with its message', async () => {
      await mock.configure({ mode: 'fail', status: 400, message: 'bad input here' });
      const error = await adapter.send(call({ model: 'm', messages })).catch((e) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ failure: 'http', status: 400, message: 'bad input here', retryable: false });
    });

    it('fails before the stream starts, retryably, when the upstream drops the connection or answers with a page that is not an event stream', async () => {
      for (const mode of ['reset', 'wrong_type']) {
        await mock.configure({ mode });
        const error = await adapter.openStream(call({ model: 'm', messages, stream: true })).catch((e) => e);
        expect(error).toBeInstanceOf(UpstreamError);
        expect(error).toMatchObject({ failure: mode === 'reset' ? 'connection' : 'protocol', retryable: true });
      }
    });

    it('reports 429 and 5xx as retryable, before a stream starts too', async () => {
      await mock.configure({ mode: 'fail', status: 429 });
      expect(await adapter.send(call({ model: 'm', messages })).catch((e) => e)).toMatchObject({ status: 429, retryable: true });
      await mock.configure({ mode: 'fail', status: 503 });
      expect(await adapter.openStream(call({ model: 'm', messages, stream: true })).catch((e) => e)).toMatchObject({
        status: 503,
        retryable: true,
      });
    });

    it("reports a wrong key as the channel's failure", async () => {
      const error = await adapter
        .send(call({ model: 'm', messages }, { target: { baseUrl: baseUrlOf(mock.url), apiKey: 'wrong', publicAddressesOnly: false } }))
        .catch((e) => e);
      expect(error).toMatchObject({ failure: 'http', status: 401, retryable: true });
    });

    it('times out a stalled upstream', async () => {
      await mock.configure({ mode: 'stall' });
      expect(await adapter.send(call({ model: 'm', messages }, { timeoutMs: 300 })).catch((e) => e)).toMatchObject({
        failure: 'timeout',
        retryable: true,
      });
    });

    it('reports an unreachable upstream as a connection failure', async () => {
      const error = await adapter
        .send(call({ model: 'm', messages }, { target: { baseUrl: 'http://127.0.0.1:9/v1', apiKey, publicAddressesOnly: false } }))
        .catch((e) => e);
      expect(error).toMatchObject({ failure: 'connection', retryable: true });
    });

    it('refuses to connect to a non-public address for a user-supplied upstream, by IP or by name', async () => {
      for (const baseUrl of [baseUrlOf(mock.url), baseUrlOf(mock.url).replace('127.0.0.1', 'localhost')]) {
        const target = { baseUrl, apiKey, publicAddressesOnly: true };
        const error = await adapter.send(call({ model: 'm', messages }, { target })).catch((e) => e);
        expect(error).toMatchObject({ failure: 'connection', message: expect.stringContaining('not a public address') });
        expect(await adapter.openStream(call({ model: 'm', messages, stream: true }, { target })).catch((e) => e)).toMatchObject({
          failure: 'connection',
        });
      }
      expect((await mock.requests()).length).toBe(0);
    });

    it('throws mid-stream when the upstream drops the connection', async () => {
      await mock.configure({ mode: 'cut', after_chunks: 2 });
      const seen: unknown[] = [];
      const error = await (async () => {
        for await (const chunk of await adapter.openStream(call({ model: 'm', messages, stream: true }))) seen.push(chunk);
      })().catch((e) => e);
      expect(seen).toHaveLength(2);
      expect(error).toBeInstanceOf(UpstreamError);
    });
  });
}
