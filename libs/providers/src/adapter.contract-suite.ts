import { MockUpstreamProcess, startMockUpstream } from '@switchyard/testing';
import { ProviderAdapter, UpstreamCall, UpstreamError } from './provider-adapter';

/**
 * The behaviour every provider adapter must show, run against the mock upstream speaking that
 * adapter's wire format. A new adapter passes this suite before it is registered.
 */
export function describeAdapterContract(name: string, makeAdapter: () => ProviderAdapter, baseUrlOf: (mockUrl: string) => string): void {
  describe(`${name} adapter contract`, () => {
    const apiKey = 'sk-contract-key';
    let mock: MockUpstreamProcess;
    let adapter: ProviderAdapter;
    const call = (body: Record<string, unknown>, over: Partial<UpstreamCall> = {}): UpstreamCall => ({
      endpoint: '/v1/chat/completions', target: { baseUrl: baseUrlOf(mock.url), apiKey, publicAddressesOnly: false }, body, timeoutMs: 2000, ...over,
    });
    const messages = [{ role: 'user', content: 'contract test' }];

    beforeAll(async () => {
      mock = await startMockUpstream({ apiKey });
      adapter = makeAdapter();
    });
    afterAll(() => mock?.stop());
    beforeEach(() => Promise.all([mock.configure({}), mock.clearRequests()]));

    it('sends a chat request with the channel key and returns body and usage', async () => {
      const result = await adapter.send(call({ model: 'm', messages }));
      expect((result.body.choices as any[])[0].message.content).toBe('Echo: contract test');
      expect(result.usage).toEqual({ promptTokens: 7, completionTokens: 3 });
      expect((await mock.requests()).pop()?.authorization).toBe(`Bearer ${apiKey}`);
    });

    const servesEmbeddings = makeAdapter().endpoints.includes('/v1/embeddings');
    (servesEmbeddings ? it : it.skip)('sends embeddings (adapters that serve them)', async () => {
      const result = await adapter.send(call({ model: 'e', input: 'abcd' }, { endpoint: '/v1/embeddings' }));
      expect((result.body.data as any[])[0].embedding).toHaveLength(8);
      expect(result.usage).toEqual({ promptTokens: 1, completionTokens: 0 });
    });

    it('passes legacy completions and the Responses API through, reading both usage shapes', async () => {
      const completion = await adapter.send(call({ model: 'm', prompt: 'complete me' }, { endpoint: '/v1/completions' }));
      expect((completion.body.choices as any[])[0].text).toBe('Echo: complete me');
      expect(completion.usage).toEqual({ promptTokens: 3, completionTokens: 3 });
      const response = await adapter.send(call({ model: 'm', input: 'respond please', mock: { cached_tokens: 2 } }, { endpoint: '/v1/responses' }));
      expect((response.body.output as any[])[0].content[0].text).toBe('Echo: respond please');
      expect(response.usage).toEqual({ promptTokens: 7, completionTokens: 3, cachedTokens: 2 });
      expect((await mock.requests()).map((r) => r.path)).toEqual(['/v1/completions', '/v1/responses']);
    });

    it('streams chunks and the usage chunk', async () => {
      const chunks: Record<string, unknown>[] = [];
      for await (const chunk of await adapter.openStream(call({ model: 'm', messages, stream: true, stream_options: { include_usage: true } }))) chunks.push(chunk);
      expect(chunks.map((c: any) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Echo: contract test');
      expect(chunks.map((c) => adapter.usageOf(c)).filter(Boolean)).toEqual([{ promptTokens: 7, completionTokens: 3 }]);
    });

    it('reports an upstream 400 as a non-retryable http failure with its message', async () => {
      await mock.configure({ mode: 'fail', status: 400, message: 'bad input here' });
      const error = await adapter.send(call({ model: 'm', messages })).catch((e) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ failure: 'http', status: 400, message: 'bad input here', retryable: false });
    });

    it('reports 429 and 5xx as retryable, before a stream starts too', async () => {
      await mock.configure({ mode: 'fail', status: 429 });
      expect(await adapter.send(call({ model: 'm', messages })).catch((e) => e)).toMatchObject({ status: 429, retryable: true });
      await mock.configure({ mode: 'fail', status: 503 });
      expect(await adapter.openStream(call({ model: 'm', messages, stream: true })).catch((e) => e)).toMatchObject({ status: 503, retryable: true });
    });

    it('reports a wrong key as the channel\'s failure', async () => {
      const error = await adapter.send(call({ model: 'm', messages }, { target: { baseUrl: baseUrlOf(mock.url), apiKey: 'wrong', publicAddressesOnly: false } })).catch((e) => e);
      expect(error).toMatchObject({ failure: 'http', status: 401, retryable: true });
    });

    it('times out a stalled upstream', async () => {
      await mock.configure({ mode: 'stall' });
      expect(await adapter.send(call({ model: 'm', messages }, { timeoutMs: 300 })).catch((e) => e)).toMatchObject({ failure: 'timeout', retryable: true });
    });

    it('reports an unreachable upstream as a connection failure', async () => {
      const error = await adapter.send(call({ model: 'm', messages }, { target: { baseUrl: 'http://127.0.0.1:9/v1', apiKey, publicAddressesOnly: false } })).catch((e) => e);
      expect(error).toMatchObject({ failure: 'connection', retryable: true });
    });

    it('refuses to connect to a non-public address for a user-supplied upstream, by IP or by name', async () => {
      for (const baseUrl of [baseUrlOf(mock.url), baseUrlOf(mock.url).replace('127.0.0.1', 'localhost')]) {
        const target = { baseUrl, apiKey, publicAddressesOnly: true };
        const error = await adapter.send(call({ model: 'm', messages }, { target })).catch((e) => e);
        expect(error).toMatchObject({ failure: 'connection', message: expect.stringContaining('not a public address') });
        expect(await adapter.openStream(call({ model: 'm', messages, stream: true }, { target })).catch((e) => e)).toMatchObject({ failure: 'connection' });
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
