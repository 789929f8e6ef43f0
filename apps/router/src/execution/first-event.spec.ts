import { UpstreamError } from '@switchyard/providers';
import { withFirstEvent } from './first-event';

async function* events(values: number[], failAfter?: number): AsyncGenerator<number> {
  for (const [i, value] of values.entries()) {
    if (i === failAfter) throw new UpstreamError('protocol', 'The upstream sent a stream event that is not JSON');
    yield value;
  }
  if (failAfter === values.length) throw new UpstreamError('connection', 'Could not reach the upstream: terminated');
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const value of iterable) seen.push(value);
  return seen;
}

describe('withFirstEvent', () => {
  it('gives every event back in order, the first one included', async () => {
    expect(await all(await withFirstEvent(Promise.resolve(events([1, 2, 3]))))).toEqual([1, 2, 3]);
  });

  it('fails while opening when the first event fails (before anything reached the caller), so the failover loop tries another channel', async () => {
    await expect(withFirstEvent(Promise.resolve(events([1, 2], 0)))).rejects.toMatchObject({ failure: 'protocol', retryable: true });
  });

  it('fails while opening when the stream ends with no event at all', async () => {
    await expect(withFirstEvent(Promise.resolve(events([])))).rejects.toMatchObject({ failure: 'protocol', retryable: true });
  });

  it('leaves a failure after the first event to the reader (no failover once the caller has a byte)', async () => {
    const stream = await withFirstEvent(Promise.resolve(events([1, 2], 2)));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of stream) seen.push(value);
      })(),
    ).rejects.toMatchObject({ failure: 'connection' });
    expect(seen).toEqual([1, 2]);
  });

  it('closes the upstream stream when the reader stops early', async () => {
    let closed = false;
    async function* upstream(): AsyncGenerator<number> {
      try {
        yield 1;
        yield 2;
        yield 3;
      } finally {
        closed = true;
      }
    }
    for await (const value of await withFirstEvent(Promise.resolve(upstream()))) if (value === 2) break;
    expect(closed).toBe(true);
  });
});
