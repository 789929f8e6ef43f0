import { UpstreamError } from '@switchyard/providers';

/**
 * Opens an upstream stream and waits for its first event before the stream counts as answered.
 * Until then nothing has reached the caller, so a stream that fails first (dropped, an event that
 * is not JSON, silent past the timeout, or ended with no event at all) is the channel's failure and
 * the failover loop tries the next channel. The events come back in order, the first one included;
 * a reader that stops early closes the upstream stream.
 */
export async function withFirstEvent<T>(opening: Promise<AsyncIterable<T>>): Promise<AsyncIterable<T>> {
  const iterator = (await opening)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new UpstreamError('protocol', 'The upstream ended the stream without sending an event');
  const rest: AsyncIterable<T> = { [Symbol.asyncIterator]: () => iterator };
  return (async function* () {
    yield first.value;
    yield* rest;
  })();
}
