import { sseData } from './sse';

async function collect(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    for (const c of chunks) yield new TextEncoder().encode(c);
  }
  for await (const d of sseData(source())) out.push(d);
  return out;
}

describe('sseData', () => {
  it('joins events split across chunks', async () => {
    expect(await collect(['data: {"a"', ':1}\n', '\ndata: [DONE]\n\n'])).toEqual(['{"a":1}', '[DONE]']);
  });

  it('handles CRLF, comments, other fields and multi-line data', async () => {
    expect(await collect([': ping\r\nevent: x\r\ndata: one\r\ndata: two\r\n\r\n'])).toEqual(['one\ntwo']);
  });

  it('flushes a final event without a trailing blank line', async () => {
    expect(await collect(['data: last'])).toEqual(['last']);
  });
});
