import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import {
  apiCaller,
  ApiAnswer,
  createUserWithKey,
  eventually,
  RunningStack,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';
import { AttackTally, FormPart, isOpenAiEnvelope, multipartBody, rawExchange, rawRequest } from './hostile-helpers';

const MOCK_KEY = 'sk-mock-upstream-demo';
const ANTHROPIC = { 'anthropic-version': '2023-06-01', 'anthropic-beta': 'files-api-2025-04-14' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Tenant {
  name: string;
  userId: string;
  key: string;
  /** in every prompt this tenant sends, so the mock's records can be told apart per tenant */
  marker: string;
}

interface Victim extends Tenant {
  fileId: string;
  fileBytes: Buffer;
  anthropicFileId: string;
  batchId: string;
  taskId: string;
  responseId: string;
  channelId: string;
  ownModel: string;
  chatRequestId: string;
}

/**
 * The hostile suite: one running system, two victims with credits and data, and an attacker
 * with a small balance who tries every route family against them. Each `it` is one attack family;
 * each family tries all its cases and names every one that did not hold.
 */
describe("hostile: no key holder can skip billing, read another tenant's data, overdraw, or take the gateway down", () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let db: Client;
  let victims: Victim[];
  let attacker: Tenant;
  let pidsAtStart: Record<string, number>;
  const tally = new AttackTally();
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const marked = (who: Tenant, text: string) => `${who.marker} ${text}`;
  const chat = (who: Tenant, text: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    call(
      'POST',
      '/v1/chat/completions',
      who.key,
      { model: 'mock-gpt', messages: [{ role: 'user', content: marked(who, text) }], ...extra },
      headers,
    );

  async function upload(key: string, parts: FormPart[], headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const form = new FormData();
    for (const part of parts) {
      if (part.filename)
        form.append(part.name, new Blob([part.value], { type: part.contentType ?? 'application/octet-stream' }), part.filename);
      else form.append(part.name, String(part.value));
    }
    const response = await validatingFetch(`${stack.gatewayUrl}/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, ...headers },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  async function mockRequests(): Promise<{ method: string; path: string; body: unknown }[]> {
    return (
      (await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as {
        data: { method: string; path: string; body: unknown }[];
      }
    ).data;
  }

  const POLL_MS = 200;

  /** The launcher restarts a gateway that died: wait for one to answer. */
  const gatewayUp = () =>
    eventually('the gateway to answer', async () => (await validatingFetch(`${stack.gatewayUrl}/health`).catch(() => null))?.ok, {
      timeoutMs: 60_000,
      intervalMs: POLL_MS,
    });

  async function tenant(name: string, credits: number): Promise<Tenant> {
    const { userId, key } = await createUserWithKey(stack, { name, credits, role: 'vip' });
    return { name, userId, key, marker: `hostile-${name}-${randomBytes(6).toString('hex')}` };
  }

  async function victim(name: string): Promise<Victim> {
    const t = await tenant(name, 5);
    const fileBytes = Buffer.concat([PNG, Buffer.from(`secret bytes of ${t.marker}`)]);
    const file = await upload(t.key, [
      { name: 'purpose', value: 'user_data' },
      { name: 'file', value: fileBytes, filename: 'secret.png', contentType: 'image/png' },
    ]);
    const anthropicFile = await upload(
      t.key,
      [{ name: 'file', value: Buffer.from(`anthropic secret ${t.marker}`), filename: 'secret.txt', contentType: 'text/plain' }],
      { ...ANTHROPIC, 'x-api-key': t.key },
    );
    const lines = [1, 2].map((i) =>
      JSON.stringify({
        custom_id: `l${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: marked(t, `batch line ${i}`) }] },
      }),
    );
    const input = await upload(t.key, [
      { name: 'purpose', value: 'batch' },
      { name: 'file', value: `${lines.join('\n')}\n`, filename: 'in.jsonl' },
    ]);
    const batch = await call('POST', '/v1/batches', t.key, {
      input_file_id: input.body.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const task = await call('POST', '/v1/videos/generations', t.key, { model: 'mock-video', prompt: marked(t, 'a victim video') });
    const response = await call('POST', '/v1/responses', t.key, { model: 'mock-gpt', input: marked(t, 'remember this') });
    const ownModel = `${name}-own-model`;
    const channel = await call('POST', '/v1/channels', t.key, {
      provider: 'openai',
      api_key: `sk-${name}-own-upstream-key`,
      models: [ownModel],
    });
    await call('PUT', '/v1/routing-policy', t.key, { policy: 'platform_first' });
    const answered = await chat(t, 'hello');
    for (const [what, answer] of [
      ['file', file],
      ['anthropic file', anthropicFile],
      ['batch', batch],
      ['task', task],
      ['response', response],
      ['channel', channel],
      ['chat', answered],
    ] as const) {
      if (answer.status >= 300) throw new Error(`victim ${name}: ${what} → ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    // both finish in the background and add output files: let them, so the victim's view is stable before the attacks
    await eventually(
      `${name}'s task to finish`,
      async () => (await call('GET', `/v1/videos/generations/${task.body.id}`, t.key)).body.status,
      {
        until: (status) => ['succeeded', 'failed'].includes(status),
        timeoutMs: 60_000,
        intervalMs: POLL_MS,
      },
    );
    await eventually(`${name}'s batch to finish`, async () => (await call('GET', `/v1/batches/${batch.body.id}`, t.key)).body.status, {
      until: (status) => ['completed', 'failed', 'expired'].includes(status),
      timeoutMs: 60_000,
      intervalMs: POLL_MS,
    });
    return {
      ...t,
      fileId: file.body.id,
      fileBytes,
      anthropicFileId: anthropicFile.body.id,
      batchId: batch.body.id,
      taskId: task.body.id,
      responseId: response.body.id,
      channelId: channel.body.id,
      ownModel,
      chatRequestId: answered.headers.get('x-request-id')!,
    };
  }

  /** What a victim sees of their own things; must be the same after every attack. */
  async function victimView(v: Victim) {
    const files = (await call('GET', '/v1/files?limit=100', v.key)).body.data.map((f: { id: string }) => f.id).sort();
    const anthropicFiles = (
      await call('GET', '/v1/files?beta=true&limit=100', v.key, undefined, { ...ANTHROPIC, 'x-api-key': v.key })
    ).body.data
      .map((f: { id: string }) => f.id)
      .sort();
    const batches = (await call('GET', '/v1/batches?limit=100', v.key)).body.data.map((b: { id: string }) => b.id).sort();
    const channels = (await call('GET', '/v1/channels', v.key)).body.data;
    const policy = (await call('GET', '/v1/routing-policy', v.key)).body;
    const content = await validatingFetch(`${stack.gatewayUrl}/v1/files/${v.fileId}/content`, {
      headers: { authorization: `Bearer ${v.key}` },
    });
    const bytes = Buffer.from(await content.arrayBuffer()).toString('base64');
    return { files, anthropicFiles, batches, channels, policy, bytes };
  }

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    call = apiCaller(stack);
    pidsAtStart = { ...stack.pids };
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const channel = (name: string, provider: string, models: string[]) =>
      admin('POST', '/admin/channels', { name, provider, base_url: `${stack.mockUrl}/v1`, api_key: MOCK_KEY, models });
    await channel('hostile-media', 'openai', ['gpt-image-2', 'mock-tts', 'mock-whisper']);
    await channel('hostile-compatible', 'openai-compatible', ['mock-rerank', 'mock-video']);
    await admin('PUT', '/admin/prices/gpt-image-2', { input_per_million: 0, output_per_million: 0, per_image: 0.01 });
    await admin('PUT', '/admin/prices/mock-tts', { input_per_million: 15, output_per_million: 0 });
    await admin('PUT', '/admin/prices/mock-whisper', { input_per_million: 0, output_per_million: 0, per_audio_second: 0.0001 });
    await admin('PUT', '/admin/prices/mock-rerank', { input_per_million: 1, output_per_million: 0 });
    await admin('PUT', '/admin/prices/mock-video', { input_per_million: 0, output_per_million: 0, per_call: 0.5 });
    victims = await Promise.all([victim('victim-a'), victim('victim-b')]);
    attacker = await tenant('attacker', 0.2);
  });

  // a family that crashed the gateway fails itself (and the processes family); the others still get a gateway to attack
  beforeEach(() => gatewayUp());

  afterAll(async () => {
    process.stdout.write(`${tally.summary()}\n`);
    await db?.end();
    await stack?.stop();
  });

  it('isolation: files, in OpenAI and Anthropic mode, answer 404 to another tenant and stay as they were', async () => {
    const { attempt, verdict } = tally.family('files');
    const before = await Promise.all(victims.map(victimView));
    const anthropic = { ...ANTHROPIC, 'x-api-key': attacker.key };
    for (const v of victims) {
      await attempt(`get ${v.name}'s file`, async () =>
        expect((await call('GET', `/v1/files/${v.fileId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`download ${v.name}'s file`, async () => {
        const answer = await call('GET', `/v1/files/${v.fileId}/content`, attacker.key);
        expect(answer.status).toBe(404);
        expect(JSON.stringify(answer.body)).not.toContain(v.marker);
      });
      await attempt(`delete ${v.name}'s file`, async () =>
        expect((await call('DELETE', `/v1/files/${v.fileId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`list past ${v.name}'s file id`, async () => {
        const answer = await call('GET', `/v1/files?after=${v.fileId}`, attacker.key);
        expect(answer.status).toBeLessThan(500);
        // a refusal may repeat the id it was given; a list must not hold anything of theirs
        if (answer.status === 200) expect(JSON.stringify(answer.body.data)).not.toContain(v.userId);
        expect(JSON.stringify(answer.body)).not.toContain(v.marker);
      });
      await attempt(`download ${v.name}'s object through a traversal id`, async () => {
        const answer = await call('GET', `/v1/files/..%2F..%2Ffiles%2F${v.userId}%2F${v.fileId}/content`, attacker.key);
        expect([400, 404]).toContain(answer.status);
        expect(JSON.stringify(answer.body)).not.toContain(v.marker);
      });
      await attempt(`get ${v.name}'s Anthropic file`, async () => {
        const answer = await call('GET', `/v1/files/${v.anthropicFileId}?beta=true`, null, undefined, anthropic);
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
      });
      await attempt(`download ${v.name}'s Anthropic file`, async () =>
        expect((await call('GET', `/v1/files/${v.anthropicFileId}/content?beta=true`, null, undefined, anthropic)).status).toBe(404),
      );
      await attempt(`delete ${v.name}'s Anthropic file`, async () =>
        expect((await call('DELETE', `/v1/files/${v.anthropicFileId}?beta=true`, null, undefined, anthropic)).status).toBe(404),
      );
      await attempt(`delete ${v.name}'s Anthropic file in OpenAI mode`, async () =>
        expect((await call('DELETE', `/v1/files/${v.anthropicFileId}`, attacker.key)).status).toBe(404),
      );
    }
    await attempt("list shows none of the victims' files", async () => {
      const listed = JSON.stringify([
        (await call('GET', '/v1/files?limit=100', attacker.key)).body,
        (await call('GET', '/v1/files?beta=true&limit=100', null, undefined, anthropic)).body,
      ]);
      for (const v of victims) for (const id of [v.fileId, v.anthropicFileId]) expect(listed).not.toContain(id);
    });
    await attempt("the victims' files are unchanged", async () => expect(await Promise.all(victims.map(victimView))).toEqual(before));
    verdict();
  });

  it('isolation: batches answer 404 to another tenant (get, cancel, input file), and are not cancelled', async () => {
    const { attempt, verdict } = tally.family('batches');
    for (const v of victims) {
      await attempt(`get ${v.name}'s batch`, async () =>
        expect((await call('GET', `/v1/batches/${v.batchId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`cancel ${v.name}'s batch`, async () =>
        expect((await call('POST', `/v1/batches/${v.batchId}/cancel`, attacker.key)).status).toBe(404),
      );
      await attempt(`run a batch on ${v.name}'s input file`, async () => {
        const input = (await call('GET', `/v1/batches/${v.batchId}`, v.key)).body.input_file_id;
        expect(
          (
            await call('POST', '/v1/batches', attacker.key, {
              input_file_id: input,
              endpoint: '/v1/chat/completions',
              completion_window: '24h',
            })
          ).status,
        ).toBe(404);
      });
      await attempt(`${v.name}'s batch is not cancelled`, async () =>
        expect((await call('GET', `/v1/batches/${v.batchId}`, v.key)).body.status).not.toMatch(/cancel/),
      );
    }
    await attempt("list shows none of the victims' batches", async () => {
      const listed = JSON.stringify((await call('GET', '/v1/batches?limit=100', attacker.key)).body);
      for (const v of victims) expect(listed).not.toContain(v.batchId);
    });
    verdict();
  });

  it('isolation: generation tasks answer 404 to another tenant', async () => {
    const { attempt, verdict } = tally.family('tasks');
    for (const v of victims) {
      for (const family of ['videos', 'music', '3d']) {
        await attempt(`get ${v.name}'s task as ${family}`, async () => {
          const answer = await call('GET', `/v1/${family}/generations/${v.taskId}`, attacker.key);
          expect(answer.status).toBe(404);
          expect(JSON.stringify(answer.body)).not.toContain(v.marker);
        });
      }
      await attempt(`${v.name} still sees their task`, async () =>
        expect((await call('GET', `/v1/videos/generations/${v.taskId}`, v.key)).status).toBe(200),
      );
    }
    verdict();
  });

  it('isolation: stored responses answer 404 to another tenant, also as previous_response_id, before any upstream call', async () => {
    const { attempt, verdict } = tally.family('responses');
    for (const v of victims) {
      await attempt(`get ${v.name}'s response`, async () =>
        expect((await call('GET', `/v1/responses/${v.responseId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`list ${v.name}'s response input items`, async () => {
        const answer = await call('GET', `/v1/responses/${v.responseId}/input_items`, attacker.key);
        expect(answer.status).toBe(404);
        expect(JSON.stringify(answer.body)).not.toContain(v.marker);
      });
      await attempt(`delete ${v.name}'s response`, async () =>
        expect((await call('DELETE', `/v1/responses/${v.responseId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`continue ${v.name}'s response`, async () => {
        const answer = await call('POST', '/v1/responses', attacker.key, {
          model: 'mock-gpt',
          input: marked(attacker, 'continue theirs'),
          previous_response_id: v.responseId,
        });
        expect(answer.status).toBe(404);
        const sent = (await mockRequests()).filter(
          (r) => JSON.stringify(r.body).includes(v.responseId) && JSON.stringify(r.body).includes(attacker.marker),
        );
        expect(sent).toEqual([]);
      });
      await attempt(`${v.name} still has their response`, async () =>
        expect((await call('GET', `/v1/responses/${v.responseId}`, v.key)).status).toBe(200),
      );
    }
    verdict();
  });

  it('isolation: BYOK channels and routing policies belong to their owner alone', async () => {
    const { attempt, verdict } = tally.family('channels');
    const before = await Promise.all(victims.map(victimView));
    for (const v of victims) {
      await attempt(`get ${v.name}'s channel`, async () =>
        expect((await call('GET', `/v1/channels/${v.channelId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`update ${v.name}'s channel`, async () =>
        expect((await call('PATCH', `/v1/channels/${v.channelId}`, attacker.key, { name: 'mine now' })).status).toBe(404),
      );
      await attempt(`test ${v.name}'s channel`, async () =>
        expect((await call('POST', `/v1/channels/${v.channelId}/test`, attacker.key)).status).toBe(404),
      );
      await attempt(`delete ${v.name}'s channel`, async () =>
        expect((await call('DELETE', `/v1/channels/${v.channelId}`, attacker.key)).status).toBe(404),
      );
      await attempt(`route through ${v.name}'s channel`, async () => {
        for (const headers of [{}, { 'x-switchyard-channel-type': 'PRIVATE' }] as Record<string, string>[]) {
          const answer = await call(
            'POST',
            '/v1/chat/completions',
            attacker.key,
            { model: v.ownModel, messages: [{ role: 'user', content: marked(attacker, 'borrow') }] },
            headers,
          );
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(JSON.stringify(answer.body)).not.toContain(v.channelId);
        }
      });
      await attempt(`reach ${v.name}'s channel on the admin path`, async () =>
        expect([403, 404]).toContain((await call('GET', `/admin/channels/${v.channelId}`, attacker.key)).status),
      );
    }
    await attempt("list shows none of the victims' channels", async () => {
      const listed = JSON.stringify((await call('GET', '/v1/channels', attacker.key)).body);
      for (const v of victims) expect(listed).not.toContain(v.channelId);
    });
    await attempt('the attacker sets only their own routing policy', async () => {
      expect((await call('PUT', '/v1/routing-policy', attacker.key, { policy: 'byok_only' })).status).toBe(200);
      expect((await call('PUT', '/v1/routing-policy', attacker.key, { policy: 'byok_first' })).status).toBe(200);
    });
    await attempt("the victims' channels and policies are unchanged", async () =>
      expect(await Promise.all(victims.map(victimView))).toEqual(before),
    );
    verdict();
  });

  it('isolation: usage shows each caller only their own, whatever the query says', async () => {
    const { attempt, verdict } = tally.family('usage');
    const own = (await chat(attacker, 'for my usage')).headers.get('x-request-id');
    for (const v of victims) {
      for (const path of [
        `/v1/usage?user_id=${v.userId}&limit=100`,
        `/v1/usage/daily?user_id=${v.userId}`,
        `/v1/usage?limit=100&after=${v.chatRequestId}`,
      ]) {
        await attempt(`read ${v.name}'s usage through ${path.split('?')[0]}`, async () => {
          const answer = await call('GET', path, attacker.key);
          expect(answer.status).toBeLessThan(500);
          // a refusal may repeat the id it was given; an answer must hold nothing of theirs
          if (answer.status === 200) expect(JSON.stringify(answer.body)).not.toContain(v.chatRequestId);
          expect(JSON.stringify(answer.body)).not.toContain(v.userId);
        });
      }
      await attempt(`read ${v.name}'s usage through the admin API`, async () =>
        expect([403, 404]).toContain((await call('GET', `/admin/usage?user_id=${v.userId}`, attacker.key)).status),
      );
    }
    await attempt("the attacker's own usage is there", async () => {
      await eventually("the attacker's usage", async () => (await call('GET', '/v1/usage?limit=100', attacker.key)).body.data.length > 0, {
        timeoutMs: 10_000,
        intervalMs: POLL_MS,
      });
      expect(own).toBeTruthy();
    });
    verdict();
  });

  it('admin routes answer 403/404 to a user key and change nothing', async () => {
    const { attempt, verdict } = tally.family('admin');
    const [a] = victims;
    const balance = async () => (await admin('GET', `/admin/users/${attacker.userId}`)).body.balance;
    const before = await balance();
    const keysOfA = (await admin('GET', `/admin/users/${a.userId}/keys`)).body.data;
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/users'],
      ['POST', '/admin/users', { name: 'mallory', role: 'admin', credits: 1000 }],
      ['GET', `/admin/users/${a.userId}`],
      ['POST', `/admin/users/${attacker.userId}/credits`, { amount: 1000 }],
      ['POST', `/admin/users/${a.userId}/keys`, { scopes: ['inference', 'admin'] }],
      ['GET', `/admin/users/${a.userId}/keys`],
      ['DELETE', `/admin/users/${a.userId}/keys/${keysOfA[0].id}`],
      ['GET', `/admin/users/${a.userId}/ledger`],
      ['PUT', `/admin/users/${attacker.userId}/rate-limit`, { requests_per_minute: 100000 }],
      ['DELETE', `/admin/users/${attacker.userId}/rate-limit`],
      ['GET', '/admin/channels'],
      [
        'POST',
        '/admin/channels',
        { name: 'evil', provider: 'openai', base_url: 'http://127.0.0.1:1/v1', api_key: 'k', models: ['mock-gpt'], priority: 99 },
      ],
      ['PUT', '/admin/prices/mock-gpt', { input_per_million: 0, output_per_million: 0 }],
      ['GET', '/admin/rate-limits'],
      ['PUT', '/admin/rate-limits/vip', { requests_per_minute: 100000 }],
      ['GET', '/admin/usage'],
      ['GET', '/admin/usage/daily'],
    ];
    for (const [method, path, body] of routes) {
      await attempt(`${method} ${path}`, async () => {
        const answer = await call(method, path, attacker.key, body);
        expect([403, 404]).toContain(answer.status);
        expect(isOpenAiEnvelope(answer.body)).toBe(true);
      });
    }
    await attempt('nothing changed: balance, victim keys, prices', async () => {
      expect(await balance()).toBe(before);
      expect((await admin('GET', `/admin/users/${a.userId}/keys`)).body.data).toEqual(keysOfA);
      expect((await admin('GET', '/admin/channels')).body.data.map((c: { name: string }) => c.name)).not.toContain('evil');
    });
    verdict();
  });

  it("models: another tenant's BYOK models are not listed or found", async () => {
    const { attempt, verdict } = tally.family('models');
    const listed = JSON.stringify((await call('GET', '/v1/models', attacker.key)).body);
    for (const v of victims) {
      await attempt(`${v.name}'s model not listed`, async () => expect(listed).not.toContain(v.ownModel));
      await attempt(`${v.name}'s model not found`, async () =>
        expect((await call('GET', `/v1/models/${v.ownModel}`, attacker.key)).status).toBe(404),
      );
    }
    verdict();
  });

  it("every route family serves the attacker's own legitimate use", async () => {
    const { attempt, verdict } = tally.family('routes');
    const ok = (answer: { status: number; body: unknown }) => {
      if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    };
    const text = (t: string) => marked(attacker, t);
    await attempt('chat', async () => ok(await chat(attacker, 'plain chat')));
    await attempt('chat stream', async () => {
      const response = await validatingFetch(`${stack.gatewayUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'mock-gpt', stream: true, messages: [{ role: 'user', content: text('stream') }] }),
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('data: [DONE]');
    });
    await attempt('completions', async () =>
      ok(await call('POST', '/v1/completions', attacker.key, { model: 'mock-gpt', prompt: text('legacy'), max_tokens: 20 })),
    );
    await attempt('responses', async () =>
      ok(await call('POST', '/v1/responses', attacker.key, { model: 'mock-gpt', input: text('responses') })),
    );
    await attempt('messages', async () =>
      ok(
        await call(
          'POST',
          '/v1/messages',
          attacker.key,
          { model: 'mock-claude', max_tokens: 50, messages: [{ role: 'user', content: text('claude') }] },
          { 'anthropic-version': '2023-06-01' },
        ),
      ),
    );
    await attempt('gemini', async () =>
      ok(
        await call(
          'POST',
          '/v1beta/models/mock-gemini:generateContent',
          null,
          { contents: [{ role: 'user', parts: [{ text: text('gemini') }] }], generationConfig: { maxOutputTokens: 40 } },
          { 'x-goog-api-key': attacker.key },
        ),
      ),
    );
    await attempt('embeddings', async () =>
      ok(await call('POST', '/v1/embeddings', attacker.key, { model: 'mock-embedding', input: text('embed') })),
    );
    await attempt('images generations', async () =>
      ok(await call('POST', '/v1/images/generations', attacker.key, { prompt: text('a fox'), n: 1 })),
    );
    await attempt('images edits JSON', async () =>
      ok(
        await call('POST', '/v1/images/edits', attacker.key, {
          prompt: text('edit json'),
          images: [{ image_url: `data:image/png;base64,${PNG.toString('base64')}` }],
        }),
      ),
    );
    await attempt('images edits multipart', async () => {
      const form = new FormData();
      form.append('prompt', text('edit multipart'));
      form.append('image', new Blob([PNG], { type: 'image/png' }), 'a.png');
      const response = await validatingFetch(`${stack.gatewayUrl}/v1/images/edits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.key}` },
        body: form,
      });
      ok({ status: response.status, body: await response.text() });
    });
    await attempt('audio speech', async () => {
      const response = await validatingFetch(`${stack.gatewayUrl}/v1/audio/speech`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'mock-tts', voice: 'alloy', input: text('say') }),
      });
      ok({ status: response.status, body: (await response.arrayBuffer()).byteLength });
    });
    await attempt('audio transcription', async () => {
      const form = new FormData();
      form.append('model', 'mock-whisper');
      form.append('file', new Blob([Buffer.alloc(4000, 1)]), 'talk.mp3');
      const response = await validatingFetch(`${stack.gatewayUrl}/v1/audio/transcriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.key}` },
        body: form,
      });
      ok({ status: response.status, body: await response.text() });
    });
    await attempt('rerank', async () =>
      ok(await call('POST', '/v1/rerank', attacker.key, { model: 'mock-rerank', query: text('rerank'), documents: ['a', 'b'] })),
    );
    await attempt('tasks: one the balance cannot pay never starts upstream', async () => {
      const created = await call('POST', '/v1/videos/generations', attacker.key, { model: 'mock-video', prompt: text('too dear') });
      if (created.status === 200) {
        const task = await eventually(
          'the task to fail',
          async () => (await call('GET', `/v1/videos/generations/${created.body.id}`, attacker.key)).body,
          {
            until: (t) => t.status === 'failed' || t.status === 'succeeded',
            timeoutMs: 30_000,
            intervalMs: POLL_MS,
          },
        );
        expect(task.status).toBe('failed');
      } else {
        expect(created.status).toBe(402);
      }
      expect((await mockRequests()).filter((r) => r.path === '/v1/videos' && JSON.stringify(r.body).includes(attacker.marker))).toEqual([]);
    });
    await attempt('models', async () => ok(await call('GET', '/v1/models', attacker.key)));
    await attempt('files: upload, list, get, content, delete', async () => {
      const created = await upload(attacker.key, [
        { name: 'purpose', value: 'user_data' },
        { name: 'file', value: 'mine', filename: 'mine.txt' },
      ]);
      ok(created);
      ok(await call('GET', `/v1/files/${created.body.id}`, attacker.key));
      ok(await call('GET', `/v1/files/${created.body.id}/content`, attacker.key));
      ok(await call('DELETE', `/v1/files/${created.body.id}`, attacker.key));
    });
    await attempt('files in Anthropic mode: upload, list, get, delete', async () => {
      const anthropic = { ...ANTHROPIC, 'x-api-key': attacker.key };
      const created = await upload(
        attacker.key,
        [{ name: 'file', value: 'mine', filename: 'mine.txt', contentType: 'text/plain' }],
        anthropic,
      );
      ok(created);
      expect(JSON.stringify((await call('GET', '/v1/files?beta=true', null, undefined, anthropic)).body)).toContain(created.body.id);
      ok(await call('GET', `/v1/files/${created.body.id}?beta=true`, null, undefined, anthropic));
      ok(await call('DELETE', `/v1/files/${created.body.id}?beta=true`, null, undefined, anthropic));
    });
    await attempt('batches: create, get, list, cancel', async () => {
      const line = JSON.stringify({
        custom_id: 'own',
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: text('own batch') }] },
      });
      const input = await upload(attacker.key, [
        { name: 'purpose', value: 'batch' },
        { name: 'file', value: `${line}\n`, filename: 'own.jsonl' },
      ]);
      ok(input);
      const batch = await call('POST', '/v1/batches', attacker.key, {
        input_file_id: input.body.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      });
      ok(batch);
      ok(await call('GET', `/v1/batches/${batch.body.id}`, attacker.key));
      expect(JSON.stringify((await call('GET', '/v1/batches', attacker.key)).body)).toContain(batch.body.id);
      // one line may finish before the cancel arrives: then the cancel is a 409 conflict
      expect([200, 409]).toContain((await call('POST', `/v1/batches/${batch.body.id}/cancel`, attacker.key)).status);
    });
    await attempt('usage', async () => ok(await call('GET', '/v1/usage', attacker.key)));
    await attempt('BYOK channel: create, get, update, delete', async () => {
      const created = await call('POST', '/v1/channels', attacker.key, {
        provider: 'openai',
        api_key: 'sk-attacker-own-key',
        models: ['attacker-own-model'],
      });
      expect(created.status).toBe(201);
      ok(await call('GET', `/v1/channels/${created.body.id}`, attacker.key));
      ok(await call('PATCH', `/v1/channels/${created.body.id}`, attacker.key, { name: 'renamed' }));
      ok(await call('DELETE', `/v1/channels/${created.body.id}`, attacker.key));
    });
    verdict();
  });

  it('parsers: broken multipart, deep JSON and huge headers get a 4xx envelope, store nothing, and kill nothing', async () => {
    const { attempt, verdict } = tally.family('parsers');
    const filesBefore = (await call('GET', '/v1/files?limit=100', attacker.key)).body.data.map((f: { id: string }) => f.id).sort();
    const auth = { authorization: `Bearer ${attacker.key}` };
    const send = (path: string, headers: Record<string, string>, body: Buffer, options: { halfClose?: boolean } = {}) =>
      rawExchange(stack.gatewayUrl, rawRequest('POST', path, headers, body), options);
    // each case meets a live gateway, even after one that took it down (that one fails, and so does the processes family)
    const attack = (name: string, check: () => Promise<void>) =>
      attempt(name, async () => {
        await gatewayUp();
        await check();
      });
    const refusedWithEnvelope = (answer: { status: number; body: unknown }) => {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(isOpenAiEnvelope(answer.body)).toBe(true);
    };
    const routes: [string, FormPart[]][] = [
      [
        '/v1/files',
        [
          { name: 'purpose', value: 'user_data' },
          { name: 'file', value: Buffer.alloc(3000, 97), filename: 'cut.txt' },
        ],
      ],
      [
        '/v1/audio/transcriptions',
        [
          { name: 'model', value: 'mock-whisper' },
          { name: 'file', value: Buffer.alloc(3000, 1), filename: 'cut.mp3' },
        ],
      ],
      [
        '/v1/images/edits',
        [
          { name: 'prompt', value: marked(attacker, 'cut') },
          { name: 'image', value: Buffer.concat([PNG, Buffer.alloc(3000, 7)]), filename: 'cut.png', contentType: 'image/png' },
        ],
      ],
    ];
    for (const [path, parts] of routes) {
      const boundary = `hostile${randomBytes(6).toString('hex')}`;
      const whole = multipartBody(boundary, parts);
      const type = { 'content-type': `multipart/form-data; boundary=${boundary}` };
      await attack(`${path}: form cut in the middle of a part`, async () => {
        const cut = whole.subarray(0, whole.length - 1500);
        refusedWithEnvelope(await send(path, { ...auth, ...type, 'content-length': String(cut.length) }, cut));
      });
      await attack(`${path}: form without its closing boundary`, async () => {
        const open = multipartBody(boundary, parts, false);
        refusedWithEnvelope(await send(path, { ...auth, ...type, 'content-length': String(open.length) }, open));
      });
      await attack(`${path}: body shorter than its content-length, then the client gives up`, async () => {
        const cut = whole.subarray(0, whole.length - 1500);
        const answer = await send(path, { ...auth, ...type, 'content-length': String(whole.length) }, cut, { halfClose: true });
        // a client that went away may get no answer at all; an answer must be a refusal in the envelope
        if (answer.status !== 0) refusedWithEnvelope(answer);
      });
      for (const [why, contentType] of [
        ['no boundary', 'multipart/form-data'],
        ['empty boundary', 'multipart/form-data; boundary='],
        ['a boundary the body does not use', 'multipart/form-data; boundary=not-the-one'],
        ['a 200-character boundary', `multipart/form-data; boundary=${'b'.repeat(200)}`],
      ]) {
        await attack(`${path}: ${why}`, async () =>
          refusedWithEnvelope(await send(path, { ...auth, 'content-type': contentType, 'content-length': String(whole.length) }, whole)),
        );
      }
    }
    await attack('/v1/files: two file parts', async () => {
      const boundary = 'twofiles';
      const body = multipartBody(boundary, [
        { name: 'purpose', value: 'user_data' },
        { name: 'file', value: 'one', filename: 'one.txt' },
        { name: 'file', value: 'two', filename: 'two.txt' },
      ]);
      refusedWithEnvelope(
        await send(
          '/v1/files',
          { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
          body,
        ),
      );
    });
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    for (const [where, body] of [
      ['as the message content', `{"model":"mock-gpt","messages":[{"role":"user","content":${deep(10_000)}}]}`],
      [
        'as a pass-through parameter',
        `{"model":"mock-gpt","messages":[{"role":"user","content":"${attacker.marker} deep"}],"metadata":${deep(10_000)}}`,
      ],
      ['as the whole body', deep(100_000)],
    ]) {
      await attack(`JSON nested 10,000+ levels deep ${where}`, async () => {
        refusedWithEnvelope(
          await send(
            '/v1/chat/completions',
            { ...auth, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
            Buffer.from(body),
          ),
        );
      });
    }
    for (const [why, headers] of [
      ['one 64 KiB header', { 'x-hostile': 'h'.repeat(64 * 1024) }],
      ['2,000 headers', Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`x-hostile-${i}`, 'h']))],
    ] as const) {
      await attack(`huge headers: ${why}`, async () => {
        const body = Buffer.from(
          JSON.stringify({ model: 'mock-gpt', messages: [{ role: 'user', content: marked(attacker, 'huge headers') }] }),
        );
        refusedWithEnvelope(
          await send(
            '/v1/chat/completions',
            { ...auth, ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
            body,
          ),
        );
      });
    }
    await attack('nothing was stored after the refusals (file list, parked objects)', async () => {
      const after = (await call('GET', '/v1/files?limit=100', attacker.key)).body.data.map((f: { id: string }) => f.id).sort();
      expect(after).toEqual(filesBefore);
      const parked = await eventually(
        'parked objects to go',
        () => uncheckedFetch(`${stack.s3Endpoint}/switchyard?list-type=2&prefix=tmp/${attacker.userId}`).then((r) => r.text()),
        {
          until: (listing) => !listing.includes('<Key>'),
          timeoutMs: 10_000,
          intervalMs: POLL_MS,
        },
      ).catch(() => 'still parked');
      expect(parked).not.toBe('still parked');
    });
    await attack('the gateway still answers', async () => expect((await chat(attacker, 'after the parsers')).status).toBe(200));
    verdict();
  });

  it('SSRF: a BYOK base_url at a private, loopback, link-local or embedded-IPv4 address is refused naming base_url', async () => {
    const { attempt, verdict } = tally.family('ssrf');
    const urls = [
      'https://127.0.0.1/v1',
      'https://[::1]/v1',
      'https://[::ffff:127.0.0.1]/v1',
      'https://[::127.0.0.1]/v1',
      'https://[2002:7f00:1::]/v1',
      'https://169.254.169.254/latest',
      'https://[fe80::1%25eth0]/v1',
      'https://[::ffff:7f00:1]/v1',
      'https://[::7f00:1]/v1',
      'https://0.0.0.0/v1',
      'https://2130706433/v1',
      'https://0x7f.0.0.1/v1',
      'https://localhost/v1',
      'https://10.1.2.3/v1',
      'https://[fc00::1]/v1',
    ];
    const own = await call('POST', '/v1/channels', attacker.key, {
      provider: 'openai',
      api_key: 'sk-attacker-ssrf-key',
      models: ['attacker-ssrf-model'],
    });
    for (const base_url of urls) {
      await attempt(`create with ${base_url}`, async () => {
        const answer = await call('POST', '/v1/channels', attacker.key, {
          provider: 'openai-compatible',
          api_key: 'sk-x',
          models: ['ssrf-model'],
          base_url,
        });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', param: 'base_url' });
      });
      await attempt(`move a channel to ${base_url}`, async () => {
        const answer = await call('PATCH', `/v1/channels/${own.body.id}`, attacker.key, { base_url });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', param: 'base_url' });
      });
    }
    await attempt('no channel was created or moved', async () => {
      const channels = (await call('GET', '/v1/channels', attacker.key)).body.data as { id: string; base_url: string }[];
      expect(channels.map((c) => c.id)).toEqual([own.body.id]);
      expect(channels[0].base_url).toBe('https://api.openai.com/v1');
    });
    await call('DELETE', `/v1/channels/${own.body.id}`, attacker.key);
    verdict();
  });

  it('parked object keys: a caller cannot name a stored object, so no victim bytes go upstream', async () => {
    const { attempt, verdict } = tally.family('parked');
    // each case has its own prompt, so one case that leaked does not fail the next
    const sentUpstream = async (prompt: string, bytes: string) =>
      (await mockRequests()).some((r) => JSON.stringify(r.body).includes(prompt) && JSON.stringify(r.body).includes(bytes));
    for (const v of victims) {
      const victimBytes = v.fileBytes.toString('base64');
      const keys = [
        `tmp/${attacker.userId}/../../files/${v.userId}/${v.fileId}`,
        `files/${v.userId}/${v.fileId}`,
        `tmp/${attacker.userId}/x/../../../files/${v.userId}/${v.fileId}`,
        `tmp/${attacker.userId}/%2e%2e/%2e%2e/files/${v.userId}/${v.fileId}`,
        `/files/${v.userId}/${v.fileId}`,
        `tmp/${v.userId}/req_anything-0`,
      ];
      const decoy = `data:image/png;base64,${PNG.toString('base64')}`;
      for (const objectKey of keys) {
        // alone, and beside an image_url that satisfies the body's validation
        for (const where of ['images', 'images beside image_url', 'mask beside image_url'] as const) {
          await attempt(
            `${where}: parked.objectKey ${objectKey.replace(attacker.userId, '<attacker>').replace(v.userId, `<${v.name}>`)}`,
            async () => {
              const parked = {
                ...(where === 'images' ? {} : { image_url: decoy }),
                parked: { objectKey, filename: 'x.png', mediaType: 'image/png' },
              };
              const prompt = marked(attacker, `steal ${randomBytes(6).toString('hex')}`);
              const body = where.startsWith('mask')
                ? { prompt, images: [{ image_url: decoy }], mask: parked }
                : { prompt, images: [parked] };
              const answer = await call('POST', '/v1/images/edits', attacker.key, body);
              expect(answer.status).toBe(400);
              expect(isOpenAiEnvelope(answer.body)).toBe(true);
              expect(await sentUpstream(prompt, victimBytes)).toBe(false);
            },
          );
        }
      }
      await attempt(`${v.name}'s file id as an image`, async () => {
        const prompt = marked(attacker, `steal by id ${randomBytes(6).toString('hex')}`);
        expect((await call('POST', '/v1/images/edits', attacker.key, { prompt, images: [{ file_id: v.fileId }] })).status).toBe(404);
        expect(await sentUpstream(prompt, victimBytes)).toBe(false);
      });
    }
    verdict();
  });

  it('revocation: a revoked key is refused at once on every route family', async () => {
    const { attempt, verdict } = tally.family('revocation');
    const second = (await admin('POST', `/admin/users/${attacker.userId}/keys`, { name: 'second' })).body;
    expect((await call('GET', '/v1/models', second.key)).status).toBe(200); // now cached by the gateway
    expect((await admin('DELETE', `/admin/users/${attacker.userId}/keys/${second.id}`)).status).toBe(200);
    const routes: [string, string, unknown?, Record<string, string>?][] = [
      ['POST', '/v1/chat/completions', { model: 'mock-gpt', messages: [{ role: 'user', content: marked(attacker, 'revoked') }] }],
      ['GET', '/v1/models'],
      ['GET', '/v1/files'],
      ['GET', '/v1/batches'],
      ['GET', '/v1/usage'],
      ['GET', '/v1/channels'],
      ['POST', '/v1/embeddings', { model: 'mock-embedding', input: marked(attacker, 'revoked') }],
    ];
    for (const [method, path, body] of routes) {
      await attempt(`${method} ${path} with the revoked key`, async () => {
        const answer = await call(method, path, second.key, body);
        expect(answer.status).toBe(401);
        expect(answer.body.error).toMatchObject({ code: 'invalid_api_key' });
      });
    }
    await attempt('POST /v1/messages with the revoked key (Anthropic envelope)', async () => {
      const answer = await call(
        'POST',
        '/v1/messages',
        null,
        { model: 'mock-claude', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] },
        { 'x-api-key': second.key, 'anthropic-version': '2023-06-01' },
      );
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    });
    await attempt('the revoked key made no upstream call', async () => {
      expect((await mockRequests()).filter((r) => JSON.stringify(r.body).includes(`${attacker.marker} revoked`))).toEqual([]);
    });
    verdict();
  });

  it('money: x-request-id reuse does not make requests free, and holds cover the largest output the upstream is asked for', async () => {
    const { attempt, verdict } = tally.family('money');
    const [a] = victims;
    const platformUsage = async (userId: string) =>
      Number(
        (await db.query(`SELECT count(*) AS n FROM billing.usage_records WHERE user_id = $1 AND channel_type = 'PLATFORM'`, [userId]))
          .rows[0].n,
      );
    // usage is billed from a durable stream, a moment after the answer; a count that never arrives is the finding
    const settle = async (userId: string, atLeast: number) =>
      eventually('usage to arrive', async () => (await platformUsage(userId)) >= atLeast, { timeoutMs: 5_000, intervalMs: POLL_MS }).catch(
        () => undefined,
      );

    await attempt('the same x-request-id three times is billed three times', async () => {
      const before = await platformUsage(attacker.userId);
      const id = `hostile-same-${randomBytes(4).toString('hex')}`;
      for (let i = 0; i < 3; i++) expect((await chat(attacker, `same id ${i}`, {}, { 'x-request-id': id })).status).toBe(200);
      await settle(attacker.userId, before + 3);
      expect(await platformUsage(attacker.userId)).toBe(before + 3);
    });
    await attempt("another user's request id is billed to the caller, and the victim's record is untouched", async () => {
      const before = await platformUsage(attacker.userId);
      const victimRecords = (
        await db.query('SELECT request_id, user_id, cost_nano FROM billing.usage_records WHERE user_id = $1 ORDER BY request_id', [
          a.userId,
        ])
      ).rows;
      expect((await chat(attacker, 'their id', {}, { 'x-request-id': a.chatRequestId })).status).toBe(200);
      await settle(attacker.userId, before + 1);
      expect(await platformUsage(attacker.userId)).toBe(before + 1);
      expect(
        (
          await db.query('SELECT request_id, user_id, cost_nano FROM billing.usage_records WHERE user_id = $1 ORDER BY request_id', [
            a.userId,
          ])
        ).rows,
      ).toEqual(victimRecords);
    });
    await attempt("a task id and a batch line id as x-request-id leave the victim's task and lines billed", async () => {
      const before = await platformUsage(attacker.userId);
      for (const id of [a.taskId, `${a.batchId}-0`, `${a.batchId}-1`, a.batchId]) {
        expect((await chat(attacker, `borrowed id ${id}`, {}, { 'x-request-id': id })).status).toBe(200);
      }
      await settle(attacker.userId, before + 4);
      expect(await platformUsage(attacker.userId)).toBe(before + 4);
    });
    // what the upstream was asked for: every output-limit spelling of every format in one recorded body
    const limitsSentFor = async (text: string): Promise<number[]> => {
      const sent = (await mockRequests()).filter(
        (r) => JSON.stringify(r.body).includes(text) && JSON.stringify(r.body).includes(attacker.marker),
      );
      return sent.flatMap((r) => {
        const body = r.body as Record<string, any>;
        return [body.max_tokens, body.max_completion_tokens, body.max_output_tokens, body.generationConfig?.maxOutputTokens].filter(
          (v) => v !== undefined,
        );
      });
    };
    for (const [route, text, send] of [
      [
        'gemini: max_tokens 1 beside generationConfig.maxOutputTokens 2,000,000',
        'dear gemini',
        () =>
          call(
            'POST',
            '/v1beta/models/mock-gemini:generateContent',
            null,
            {
              max_tokens: 1,
              contents: [{ role: 'user', parts: [{ text: marked(attacker, 'dear gemini') }] }],
              generationConfig: { maxOutputTokens: 2_000_000 },
              mock: { completion_tokens: 2_000_000 },
            },
            { 'x-goog-api-key': attacker.key },
          ),
      ],
      [
        'chat: max_tokens 1 beside max_completion_tokens 2,000,000',
        'dear chat',
        () => chat(attacker, 'dear chat', { max_tokens: 1, max_completion_tokens: 2_000_000, mock: { completion_tokens: 2_000_000 } }),
      ],
      [
        'messages: max_tokens 1 beside max_completion_tokens 2,000,000',
        'dear claude',
        () =>
          call(
            'POST',
            '/v1/messages',
            attacker.key,
            {
              model: 'mock-claude',
              max_tokens: 1,
              max_completion_tokens: 2_000_000,
              messages: [{ role: 'user', content: marked(attacker, 'dear claude') }],
              mock: { completion_tokens: 2_000_000 },
            },
            { 'anthropic-version': '2023-06-01' },
          ),
      ],
    ] as const) {
      // either the large limit is held (and refused: the balance cannot cover it), or the upstream is asked for no more than the small one held
      await attempt(`the upstream is never asked for more output than was held (${route})`, async () => {
        const answer = await send();
        if (answer.status === 402) return expect(await limitsSentFor(text)).toEqual([]);
        expect(answer.status).toBe(200);
        expect(await limitsSentFor(text)).toEqual([1]);
      });
    }
    verdict();
  });

  it('money: every PLATFORM upstream call is billed exactly once, every ledger adds up to its balance, and no balance is negative', async () => {
    const { attempt, verdict } = tally.family('ledger');
    const tenants: Tenant[] = [...victims, attacker];
    const billedCalls = async (t: Tenant) => {
      const calls = (await mockRequests()).filter(
        (r) => r.method === 'POST' && r.path !== '/v1/messages/count_tokens' && JSON.stringify(r.body).includes(t.marker),
      ).length;
      const { rows } = await db.query(
        `SELECT count(*) AS n FROM billing.usage_records WHERE user_id = $1 AND channel_type = 'PLATFORM' AND NOT cached AND endpoint <> '/v1/audio/transcriptions'`,
        [t.userId],
      );
      return { calls, records: Number(rows[0].n) };
    };
    // batch lines and tasks finish in the background: wait until every tenant's calls are accounted for, or time runs out
    await eventually(
      'usage to settle',
      async () => {
        const counts = [];
        for (const t of tenants) counts.push(await billedCalls(t));
        return counts.every((c) => c.calls === c.records);
      },
      { timeoutMs: 15_000, intervalMs: POLL_MS },
    ).catch(() => undefined);
    for (const t of tenants) {
      await attempt(`${t.name}: calls at the mock = usage records`, async () => {
        const { calls, records } = await billedCalls(t);
        expect(calls).toBeGreaterThan(0);
        expect(records).toBe(calls);
      });
    }
    await attempt('transcriptions: calls at the mock = usage records', async () => {
      const calls = (await mockRequests()).filter((r) => r.path === '/v1/audio/transcriptions').length;
      const { rows } = await db.query(
        `SELECT count(*) AS n FROM billing.usage_records WHERE endpoint = '/v1/audio/transcriptions' AND channel_type = 'PLATFORM'`,
      );
      expect(Number(rows[0].n)).toBe(calls);
    });
    const debt =
      (
        await db.query(
          `SELECT 1 FROM information_schema.columns WHERE table_schema = 'billing' AND table_name = 'users' AND column_name = 'debt_nano'`,
        )
      ).rowCount! > 0;
    const { rows: books } = await db.query(
      `SELECT u.id, u.name, u.balance_nano::text AS balance, ${debt ? 'u.debt_nano::text' : `'0'`} AS debt, COALESCE(sum(l.amount_nano), 0)::text AS ledger
         FROM billing.users u LEFT JOIN billing.ledger l ON l.user_id = u.id GROUP BY u.id ORDER BY u.name`,
    );
    for (const user of books as { name: string; balance: string; debt: string; ledger: string }[]) {
      await attempt(`${user.name}: ledger = balance${debt ? ' - debt' : ''}`, async () =>
        expect(BigInt(user.ledger)).toBe(BigInt(user.balance) - BigInt(user.debt)),
      );
      await attempt(`${user.name}: balance >= 0`, async () => expect(BigInt(user.balance) >= 0n).toBe(true));
    }
    verdict();
  });

  it('nothing crashed: every service process is the one that started', async () => {
    const { attempt, verdict } = tally.family('processes');
    const written = JSON.parse(readFileSync(join(stack.dataDir, 'stack.json'), 'utf8')).pids as Record<string, number>;
    await attempt('stack.json names the same processes', async () => expect(written).toEqual(pidsAtStart));
    for (const [name, pid] of Object.entries(pidsAtStart)) {
      // the launcher restarts a process that died, under a new pid: the first one must still be alive
      await attempt(`${name} (pid ${pid}) is alive`, async () => expect(() => process.kill(pid, 0)).not.toThrow());
    }
    verdict();
  });
});
