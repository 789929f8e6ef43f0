import { metrics } from '@switchyard/runtime';

const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * Yields what `source` yields, timing a streamed reply: until its first value
 * (`switchyard_rpc_first_chunk_seconds`) and until it is over (`switchyard_rpc_duration_seconds`,
 * outcome `ok` at its end, `error` when it throws, `cancelled` when the reader stops early).
 */
export async function* timedStream<T>(subject: string, source: AsyncGenerator<T>): AsyncGenerator<T> {
  const started = process.hrtime.bigint();
  let outcome = 'cancelled';
  let first = true;
  try {
    for await (const value of source) {
      if (first) {
        first = false;
        metrics().rpcFirstChunk.observe({ subject }, since(started));
      }
      yield value;
    }
    outcome = 'ok';
  } catch (error) {
    outcome = 'error';
    throw error;
  } finally {
    metrics().rpcDuration.observe({ subject, outcome }, since(started));
  }
}
