import { metrics } from '@switchyard/runtime';
import { timedStream } from './rpc-stream-metrics';

async function* values(count: number, failAfter = Infinity) {
  for (let i = 0; i < count; i++) {
    if (i === failAfter) throw new Error('producer failed');
    yield i;
  }
}

/** How many streams were timed with these labels, in each histogram. */
async function counts(subject: string) {
  const countOf = async (histogram: 'rpcDuration' | 'rpcFirstChunk', labels: Record<string, string>) =>
    (await metrics()[histogram].get()).values.find(
      (v) => v.metricName?.endsWith('_count') && Object.entries(labels).every(([k, value]) => v.labels[k] === value),
    )?.value ?? 0;
  return {
    firstChunk: await countOf('rpcFirstChunk', { subject }),
    ok: await countOf('rpcDuration', { subject, outcome: 'ok' }),
    error: await countOf('rpcDuration', { subject, outcome: 'error' }),
    cancelled: await countOf('rpcDuration', { subject, outcome: 'cancelled' }),
  };
}

describe('timedStream', () => {
  it('times a stream read to its end, one that throws and one its reader leaves, with their first chunk', async () => {
    const read: number[] = [];
    for await (const v of timedStream('t.whole', values(3))) read.push(v);
    expect(read).toEqual([0, 1, 2]);
    expect(await counts('t.whole')).toEqual({ firstChunk: 1, ok: 1, error: 0, cancelled: 0 });

    await expect(
      (async () => {
        for await (const v of timedStream('t.failing', values(3, 1))) read.push(v);
      })(),
    ).rejects.toThrow('producer failed');
    expect(await counts('t.failing')).toEqual({ firstChunk: 1, ok: 0, error: 1, cancelled: 0 });

    for await (const v of timedStream('t.left', values(3))) if (v === 0) break;
    expect(await counts('t.left')).toEqual({ firstChunk: 1, ok: 0, error: 0, cancelled: 1 });

    // a stream that ends before any chunk has no first chunk
    for await (const v of timedStream('t.empty', values(0))) read.push(v);
    expect(await counts('t.empty')).toEqual({ firstChunk: 0, ok: 1, error: 0, cancelled: 0 });
  });
});
