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
