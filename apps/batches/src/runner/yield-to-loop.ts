/**
 * The batch runner's own CPU work comes in bounded pieces with a turn of the event loop between
 * them, so a large batch never holds the loop for long (the same loop serves interactive requests
 * when all services run in one process): input is validated 16 KiB at a time, lines are sent 16 at
 * a time, output rows are serialized 250 at a time.
 */
export const VALIDATE_SLICE_BYTES = 16 * 1024;
export const SEND_GROUP = 16;
export const OUTPUT_ROWS = 250;

/**
 * Lets whatever waits on the event loop (timers, sockets, other requests in a one-process
 * deployment) run before the batch work goes on: setImmediate runs after pending I/O callbacks.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Splits a buffer into slices of at most `size` bytes (views, no copies). */
export function* slices(buffer: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}
