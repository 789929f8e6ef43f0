import { describe, expect, it } from 'vitest';
import { addChunk, sseData, type StreamedAnswer } from './sse';

/** A body that delivers `parts` as separate reads, split exactly where the test says. */
function bodyOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function all(parts: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of sseData(bodyOf(parts))) out.push(data);
  return out;
}

describe('sseData', () => {
  it('yields each event’s data, split anywhere across reads, and stops at [DONE]', async () => {
    const text = 'data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\ndata: {"after":true}\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await all([text.slice(0, cut), text.slice(cut)])).toEqual(['{"a":1}', '{"a":2}']);
    }
    expect(await all(text.split(''))).toEqual(['{"a":1}', '{"a":2}']);
    const crlf = 'data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n';
    for (let cut = 0; cut <= crlf.length; cut++) {
      expect(await all([crlf.slice(0, cut), crlf.slice(cut)])).toEqual(['a\nb', 'c']);
    }
  });

  it('takes CRLF and CR line ends, joins multi-line data, skips comments and other fields', async () => {
    expect(await all([': keep-alive\r\n\r\nevent: x\r\nid: 3\r\ndata: one\r\ndata: two\r\n\r\n', 'data:three\r\r'])).toEqual([
      'one\ntwo',
      'three',
    ]);
  });

  it('yields a last event that ended without its blank line', async () => {
    expect(await all(['data: {"last":1}'])).toEqual(['{"last":1}']);
    expect(await all(['data: {"last":1}\n'])).toEqual(['{"last":1}']);
  });

  it('keeps multi-byte characters split across reads whole', async () => {
    const bytes = new TextEncoder().encode('data: héllo 👋\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const out: string[] = [];
    for await (const data of sseData(body)) out.push(data);
    expect(out).toEqual(['héllo 👋']);
  });
});

describe('addChunk', () => {
  it('adds up the text, keeps the usage with its cost and the routing of the last chunk', () => {
    let answer: StreamedAnswer = { text: '', usage: null, routing: null };
    answer = addChunk(answer, { choices: [{ delta: { content: 'Echo: ' } }] });
    answer = addChunk(answer, { choices: [{ delta: { content: 'hi' } }] });
    answer = addChunk(answer, { choices: [], usage: { prompt_tokens: 7, completion_tokens: 2, cost: 0.0000056 } });
    answer = addChunk(answer, { choices: [{ delta: {} }], _routing: { channel: { name: 'demo-mock' } } });
    expect(answer).toEqual({
      text: 'Echo: hi',
      usage: { prompt_tokens: 7, completion_tokens: 2, cost: 0.0000056 },
      routing: { channel: { name: 'demo-mock' } },
    });
  });

  it('throws the message of an error the stream ended with', () => {
    expect(() => addChunk({ text: '', usage: null, routing: null }, { error: { message: 'upstream failed' } })).toThrow('upstream failed');
  });
});
