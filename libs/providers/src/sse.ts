/**
 * Parses a text/event-stream body into the `data` payload of each event.
 * Handles events split across network chunks, CRLF line ends and multi-line data.
 */
export async function* sseData(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const takeLines = function* (final: boolean): Generator<string> {
    for (;;) {
      const nl = buffer.indexOf('\n');
      if (nl < 0) break;
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (line === '') {
        if (data.length) yield data.join('\n');
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      // comments (":") and other fields (event:, id:, retry:) carry nothing we need
    }
    if (final) {
      const rest = buffer.replace(/\r$/, '');
      if (rest.startsWith('data:')) data.push(rest.slice(5).replace(/^ /, ''));
      if (data.length) yield data.join('\n');
      data = [];
      buffer = '';
    }
  };
  for await (const chunk of body) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* takeLines(false);
  }
  buffer += decoder.decode();
  yield* takeLines(true);
}
