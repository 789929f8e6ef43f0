import Anthropic, { toFile } from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import {
  apiCaller,
  createUserWithKey,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';

const betas = ['files-api-2025-04-14'];

/**
 * Ids that name objects in the operator's upstream accounts (stored responses, provider-held files,
 * conversations...) are checked against what the caller owns before anything is sent or held:
 * another tenant's id answers 404, exactly like an unknown one, and never reaches the upstream.
 */
describe('references to upstream objects', () => {
  let stack: RunningStack;
  let ownServers: MockUpstreamProcess[] = [];
  let call: ReturnType<typeof apiCaller>;
  let victim: { userId: string; key: string };
  let attacker: { userId: string; key: string };
  const mockRequests = async (): Promise<{ path: string; body: any }[]> =>
    ((await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: any[] }).data;
  const clearMock = () => uncheckedFetch(`${stack.mockUrl}/__mock/requests`, { method: 'DELETE' });
  const openai = (key: string) => new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
  const anthropic = (key: string) => new Anthropic({ apiKey: key, baseURL: stack.gatewayUrl, maxRetries: 0, fetch: validatingFetch });
  const document = (fileId: string) => [
    {
      role: 'user' as const,
      content: [
        { type: 'document' as const, source: { type: 'file' as const, file_id: fileId } },
        { type: 'text' as const, text: 'read it' },
      ],
    },
  ];

  beforeAll(async () => {
    // the users' own (BYOK) servers run on this machine
    [stack, ...ownServers] = await Promise.all([
      startStackLikeNpmStart({ SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true' }),
      startMockUpstream(),
      startMockUpstream(),
    ]);
    call = apiCaller(stack);
    [victim, attacker] = await Promise.all([createUserWithKey(stack, { name: 'victim' }), createUserWithKey(stack, { name: 'attacker' })]);
  });

  afterAll(async () => {
    await Promise.all([stack?.stop(), ...ownServers.map((server) => server.stop())]);
  });

  it("answers 404 for another user's stored response and Anthropic file, and the upstream never sees their ids", async () => {
    const stored = await openai(victim.key).responses.create({ model: 'mock-gpt', input: 'my secret plan' });
    const file = await anthropic(victim.key).beta.files.upload({
      file: await toFile(Buffer.from('%PDF-1.4 secret'), 'secret.pdf', { type: 'application/pdf' }),
      betas,
    });
    await anthropic(victim.key).beta.messages.create({ model: 'mock-claude', max_tokens: 20, betas, messages: document(file.id) });
    const upstreamFileId: string = (await mockRequests()).find((r) => r.path === '/v1/messages')!.body.messages[0].content[0].source
      .file_id;
    expect(upstreamFileId).toMatch(/^file_mock/);
    await clearMock();

    const previous = await openai(attacker.key)
      .responses.create({ model: 'mock-gpt', previous_response_id: stored.id, input: 'go on' })
      .catch((e) => e);
    expect(previous).toBeInstanceOf(OpenAI.NotFoundError);
    expect(previous.error).toMatchObject({ code: 'not_found', param: 'previous_response_id' });

    const streamed = await call('POST', '/v1/responses', attacker.key, {
      model: 'mock-gpt',
      previous_response_id: stored.id,
      input: 'go on',
      stream: true,
    });
    expect(streamed.status).toBe(404);

    // our id of the victim's file, and the id the provider gave it, alike
    for (const fileId of [file.id, upstreamFileId]) {
      const refused = await anthropic(attacker.key)
        .beta.messages.create({ model: 'mock-claude', max_tokens: 20, betas, messages: document(fileId) })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(Anthropic.NotFoundError);
      expect(refused.error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
      const viaChat = await call('POST', '/v1/chat/completions', attacker.key, {
        model: 'mock-claude',
        messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: fileId } }] }],
      });
      expect(viaChat.status).toBe(404);
      expect(viaChat.body.error).toMatchObject({ code: 'INFERENCE_3302', param: 'messages[0].content[0].file.file_id' });
    }

    // objects we never hold for anyone can only be the operator's
    for (const extra of [
      { conversation: 'conv_123' },
      { prompt: { id: 'pmpt_123' } },
      { tools: [{ type: 'file_search', vector_store_ids: ['vs_123'] }] },
    ]) {
      const refused = await call('POST', '/v1/responses', attacker.key, { model: 'mock-gpt', input: 'hi', ...extra });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('not_found');
    }
    const container = await call(
      'POST',
      '/v1/messages',
      attacker.key,
      { model: 'mock-claude', max_tokens: 20, container: 'container_123', messages: [{ role: 'user', content: 'hi' }] },
      { 'anthropic-version': '2023-06-01' },
    );
    expect(container.status).toBe(404);
    expect(container.body).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });

    expect(await mockRequests()).toEqual([]);
    // nothing was held or charged for the refused requests
    expect((await call('GET', '/v1/usage', attacker.key)).body.data).toEqual([]);

    // the owner still uses both, and the response is continued at the channel that stored it
    const continued = await openai(victim.key).responses.create({ model: 'mock-gpt', previous_response_id: stored.id, input: 'go on' });
    expect(continued.status).toBe('completed');
    const message = await anthropic(victim.key).beta.messages.create({
      model: 'mock-claude',
      max_tokens: 20,
      betas,
      messages: document(file.id),
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: read it' });
    const sent = await mockRequests();
    expect(sent.find((r) => r.path === '/v1/responses')!.body.previous_response_id).toBe(stored.id);
  });

  it("keeps two users' stored responses apart when their own servers hand out the same response id", async () => {
    const [first, second] = await Promise.all([
      createUserWithKey(stack, { name: 'own-server-1' }),
      createUserWithKey(stack, { name: 'own-server-2' }),
    ]);
    // each user's own server counts its response ids from 1, so both answers are resp_mock1
    for (const [user, server] of [
      [first, ownServers[0]],
      [second, ownServers[1]],
    ] as const) {
      const created = await call('POST', '/v1/channels', user.key, {
        provider: 'openai',
        base_url: `${server.url}/v1`,
        api_key: 'sk-own',
        models: ['own-gpt'],
      });
      expect(created.status).toBe(201);
    }
    const mine = await openai(first.key).responses.create({ model: 'own-gpt', input: 'first user plan' });
    const theirs = await openai(second.key).responses.create({ model: 'own-gpt', input: 'second user plan' });
    expect(theirs.id).toBe(mine.id);

    for (const [user, text] of [
      [first, 'first user plan'],
      [second, 'second user plan'],
    ] as const) {
      const read = await call('GET', `/v1/responses/${mine.id}`, user.key);
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body.output)).toContain(text);
    }
    // deleting one's own leaves the other's in place
    expect((await call('DELETE', `/v1/responses/${mine.id}`, second.key)).status).toBe(200);
    expect((await call('GET', `/v1/responses/${mine.id}`, second.key)).status).toBe(404);
    const still = await call('GET', `/v1/responses/${mine.id}`, first.key);
    expect(still.status).toBe(200);
    expect(JSON.stringify(still.body.output)).toContain('first user plan');
  });
});
