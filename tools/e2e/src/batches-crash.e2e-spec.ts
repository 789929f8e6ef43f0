import OpenAI, { toFile } from 'openai';
import { eventually, RunningStack, servicePid, startStackLikeNpmStart, uncheckedFetch, validatingFetch } from '@switchyard/testing';

const LINES = 10_000;
const finished = (batch: OpenAI.Batch) => ['completed', 'failed', 'expired', 'cancelled'].includes(batch.status);

/** Durable batch execution: a batches replica killed mid-batch loses nothing and repeats nothing. */
describe('batches survive kill -9 of a replica', () => {
  let stack: RunningStack;
  let client: OpenAI;

  beforeAll(async () => {
    // split: it kills one of two batches processes
    stack = await startStackLikeNpmStart(
      { SWITCHYARD_REPLICAS: 'batches=2', SWITCHYARD_BATCH_LEASE_MS: '3000', SWITCHYARD_BATCH_CONCURRENCY: '16' },
      { mode: 'split' },
    );
    client = new OpenAI({ apiKey: stack.adminKey, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('renews the lease of a line that runs longer than the lease, so no other replica runs it again', async () => {
    const marker = `slow-${Date.now()}`;
    const body = Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({
        custom_id: `s-${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: `${marker} ${i}` }], mock: { delay_ms: 7000 } },
      }),
    ).join('\n');
    const input = await client.files.create({ file: await toFile(Buffer.from(body), 'slow.jsonl'), purpose: 'batch' });
    const batch = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const done = await eventually('the slow batch to finish', () => client.batches.retrieve(batch.id), {
      until: finished,
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: 6, completed: 6, failed: 0 } });
    // each line took 7 s against a 3 s lease: without renewal the other replica claims and calls it again
    const calls = ((await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: { body: unknown }[] }).data.filter(
      (r) => JSON.stringify(r.body).includes(marker),
    );
    expect(calls).toHaveLength(6);
  });

  it(`completes a ${LINES}-line batch with every custom_id exactly once and every line billed once`, async () => {
    const body = Array.from({ length: LINES }, (_, i) =>
      JSON.stringify({
        custom_id: `c-${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: `n${i}` }] },
      }),
    ).join('\n');
    const input = await client.files.create({ file: await toFile(Buffer.from(body), 'big.jsonl'), purpose: 'batch' });
    const started = Date.now();
    const batch = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });

    let killed = false;
    const done = await eventually(
      'the batch to finish',
      async () => {
        const now = await client.batches.retrieve(batch.id);
        if (!killed && (now.request_counts?.completed ?? 0) >= LINES / 2) {
          process.kill(servicePid(stack, 'batches-1'), 'SIGKILL');
          killed = true;
        }
        return now;
      },
      { until: finished, timeoutMs: 240_000, intervalMs: 100 },
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${LINES} lines with a replica killed at 50%: ${seconds.toFixed(1)} s, ${Math.round(LINES / seconds)} lines/s\n`);
    expect(killed).toBe(true);
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: LINES, completed: LINES, failed: 0 } });
    expect(done.error_file_id).toBeNull();

    const outputs = (await (await client.files.content(done.output_file_id!)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).custom_id as string);
    expect(outputs).toHaveLength(LINES);
    expect(new Set(outputs).size).toBe(LINES);

    // billing: one usage record per line, none twice, even for lines a dead replica had started
    const batchRecords = async () => {
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = (await (
          await validatingFetch(`${stack.gatewayUrl}/v1/usage?limit=100${after ? `&after=${after}` : ''}`, {
            headers: { authorization: `Bearer ${stack.adminKey}` },
          })
        ).json()) as { data: { request_id: string; batch_id: string | null }[]; has_more: boolean };
        ids.push(...page.data.filter((r) => r.batch_id === batch.id).map((r) => r.request_id));
        if (!page.has_more) return ids;
        after = page.data[page.data.length - 1].request_id;
      }
    };
    const records = await eventually('a usage record per line', batchRecords, {
      until: (ids) => ids.length >= LINES,
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    expect(records).toHaveLength(LINES);
    expect(new Set(records).size).toBe(LINES);
  });
});
