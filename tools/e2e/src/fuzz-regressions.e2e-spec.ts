import { apiCaller, RunningStack, startStackLikeNpmStart, uncheckedFetch } from '@switchyard/testing';

/**
 * Bodies the property-based fuzz tests found answered 500 (or a bad price stored), sent as a
 * caller sends them, to the whole system: each now gets a 4xx in its route's envelope, or is
 * served, with the caller's data passed to the upstream untouched.
 */
describe('fuzz regressions through the gateway', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  const mockRequests = async (): Promise<{ path: string; body: any }[]> =>
    ((await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: any[] }).data;
  const clearMock = () => uncheckedFetch(`${stack.mockUrl}/__mock/requests`, { method: 'DELETE' });

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    call = apiCaller(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  beforeEach(async () => {
    await clearMock();
  });

  it('serves a chat request whose tool schema has a property named "constructor", and hands it upstream untouched (was a 500)', async () => {
    const parameters = { type: 'object', properties: { constructor: { type: 'string' } } };
    const body = {
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'function', function: { name: 'f', parameters } }],
    };
    const answer = await call('POST', '/v1/chat/completions', stack.adminKey, body);
    expect(answer.status).toBe(200);
    const [upstream] = await mockRequests();
    expect(upstream.body.tools[0].function.parameters.properties).toHaveProperty('constructor', { type: 'string' });
  });

  it('answers a Messages request with a null content block, for a chat channel, 400 in the Anthropic envelope before any upstream call (was a 500)', async () => {
    const answer = await call('POST', '/v1/messages', stack.adminKey, {
      model: 'mock-gpt',
      max_tokens: 5,
      messages: [{ role: 'user', content: [null] }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(await mockRequests()).toHaveLength(0);
  });

  it('refuses a batch discount of 1e-7 with a 400 naming it (was a 500)', async () => {
    const answer = await call(
      'PUT',
      '/admin/prices/fuzz-model',
      stack.adminKey,
      '{"input_per_million":1,"output_per_million":1,"batch_discount":1e-7}',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_value', param: 'batch_discount' } });
  });
});
