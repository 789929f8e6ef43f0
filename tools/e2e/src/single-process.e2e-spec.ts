import { readFileSync } from 'fs';
import { connect, NatsConnection } from 'nats';
import OpenAI, { toFile } from 'openai';
import { ServiceNames, Subjects } from '@switchyard/contracts';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  RunningStack,
  servicePid,
  startStackLikeNpmStart,
  validatingFetch,
} from '@switchyard/testing';

/** The default `npm start`: the five services in one process, request/reply in process, JetStream still on NATS. */
describe('one-process mode (the default start)', () => {
  let stack: RunningStack;
  let nc: NatsConnection;
  const seen = new Set<string>();
  let user: { userId: string; key: string };
  let client: OpenAI;
  const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    // everything published on the stack's NATS from now on, whoever publishes it
    nc = await connect({ servers: stack.natsUrl });
    nc.subscribe('>', { callback: (_err, msg) => seen.add(msg.subject) });
    await nc.flush();
    user = await createUserWithKey(stack, { name: 'solo', credits: 5 });
    client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
  });

  afterAll(async () => {
    await nc?.close();
    await stack?.stop();
  });

  it('runs every service in one process', async () => {
    expect(stack.mode).toBe('single');
    const pid = servicePid(stack, 'gateway');
    for (const service of ServiceNames) expect(servicePid(stack, service)).toBe(pid);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('dist/tools/single-process/src/main.js');
    expect(new Set(Object.values(stack.pids)).size).toBe(2); // that process and the mock upstream
    const health = await call('GET', '/health', null);
    expect(health.status).toBe(200);
    for (const service of ['router', 'billing', 'files', 'batches'])
      expect(health.body.services[service].instance).toBe(`${service}-${instanceHost(health.body.services.router.instance)}-${pid}`);
  });

  it('answers chat completions, plain and streamed', async () => {
    const answer = await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'one process' }] });
    expect(answer.choices[0].message.content).toBe('Echo: one process');
    expect((answer as any)._routing.channel.name).toBe('demo-mock');
    expect((answer.usage as any).cost).toBeGreaterThan(0);

    const stream = await client.chat.completions.create({
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'streamed in process' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Echo: streamed in process');
    expect(chunks[chunks.length - 1]._routing.channel.name).toBe('demo-mock');
  });

  it('refuses bad input with the same errors (the handler validates what arrives in process)', async () => {
    const refused = await call('POST', '/v1/chat/completions', user.key, { model: 'mock-gpt', messages: 'not a list' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.type).toBe('invalid_request_error');
    const unknown = await call('GET', '/v1/files/file-does-not-exist', user.key);
    expect(unknown.status).toBe(404);
  });

  it('stores a file and runs a batch from it', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => ({
      custom_id: `line-${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'mock-gpt', messages: [{ role: 'user', content: `batch ${i}` }] },
    }));
    const file = await client.files.create({
      file: await toFile(Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')), 'in.jsonl'),
      purpose: 'batch',
    });
    expect((await client.files.retrieve(file.id)).bytes).toBeGreaterThan(0);
    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const batch = await eventually('the batch to finish', () => client.batches.retrieve(created.id), {
      until: (b) => ['completed', 'failed', 'expired', 'cancelled'].includes(b.status),
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(batch).toMatchObject({ status: 'completed', request_counts: { total: 5, completed: 5, failed: 0 } });
    const output = (await (await client.files.content(batch.output_file_id!)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(output.map((o) => o.custom_id).sort()).toEqual(lines.map((l) => l.custom_id));
  });

  it('bills the usage: records with their cost, and the balance goes down by their sum', async () => {
    // two chats and five batch lines
    const usage: { data: { cost: number }[] } = await eventually(
      '7 usage records',
      async () => (await call('GET', '/v1/usage?limit=100', user.key)).body,
      {
        until: (body) => body.data.length >= 7,
        timeoutMs: 20_000,
        intervalMs: 200,
      },
    );
    expect(usage.data).toHaveLength(7);
    const spent = usage.data.reduce((sum, u) => sum + u.cost, 0);
    expect(spent).toBeGreaterThan(0);
    const balance = (await call('GET', `/admin/users/${user.userId}`, stack.adminKey)).body.balance;
    expect(balance).toBeCloseTo(5 - spent, 9);
  });

  it('sends no request or reply over NATS, while usage events still go through JetStream', async () => {
    await nc.flush();
    const rpcSubjects = new Set<string>(Object.values(Subjects));
    expect([...seen].filter((subject) => rpcSubjects.has(subject))).toEqual([]);
    expect(seen.has('router.request.completed')).toBe(true);
  });
});

/** `router-<host>-<pid>` → `<host>` */
function instanceHost(instance: string): string {
  return instance.slice(instance.indexOf('-') + 1, instance.lastIndexOf('-'));
}
