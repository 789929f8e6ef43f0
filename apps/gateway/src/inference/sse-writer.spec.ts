import { PassThrough } from 'stream';
import type { ServerResponse } from 'http';
import type { RoutingInfo } from '@switchyard/contracts';
import { isClosingChunk, SseWriter } from './sse-writer';

const routing: RoutingInfo = {
  channel: { id: 'ch_1', name: 'c', provider: 'openai', channelType: 'PLATFORM' },
  cached: false,
  retryCount: 0,
  attempts: [],
};
const delta = (content: string) => ({
  id: 'x',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const finish = { id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };

function fakeResponse() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const res = Object.assign(out, { writeHead: () => res }) as unknown as ServerResponse;
  return { res, written: () => text.split('\n\n').filter(Boolean) };
}

describe('SseWriter', () => {
  it('knows the chunks that close a stream', () => {
    expect(isClosingChunk(delta('a'))).toBe(false);
    expect(isClosingChunk(finish)).toBe(true);
    expect(isClosingChunk({ choices: [], usage: { prompt_tokens: 1 } })).toBe(true);
  });

  it('writes content chunks at once and puts _routing on the final chunk', () => {
    const { res, written } = fakeResponse();
    const writer = new SseWriter(res);
    writer.start(routing, {});
    writer.handle({ kind: 'chunk', data: delta('Hel') });
    expect(written()).toEqual([`data: ${JSON.stringify(delta('Hel'))}`]);
    writer.handle({ kind: 'chunk', data: delta('lo') });
    writer.handle({ kind: 'chunk', data: finish });
    expect(written()).toHaveLength(2);
    writer.handle({ kind: 'end' });
    expect(written()).toEqual([
      `data: ${JSON.stringify(delta('Hel'))}`,
      `data: ${JSON.stringify(delta('lo'))}`,
      `data: ${JSON.stringify({ ...finish, _routing: routing })}`,
      'data: [DONE]',
    ]);
  });

  it('refuses binary data instead of dropping it (the caller then gets an error event, not a silent gap)', () => {
    const { res, written } = fakeResponse();
    const writer = new SseWriter(res);
    writer.start(routing, {});
    expect(() => writer.handle({ kind: 'bytes', data: 'AAEC' })).toThrow(/binary data/);
    expect(written()).toEqual([]);
  });

  it('still names the channel when a stream ends without a closing chunk', () => {
    const { res, written } = fakeResponse();
    const writer = new SseWriter(res);
    writer.start(routing, {});
    writer.handle({ kind: 'chunk', data: delta('cut') });
    writer.handle({ kind: 'end' });
    expect(JSON.parse(written()[1].slice(6))).toEqual({ id: 'x', object: 'chat.completion.chunk', choices: [], _routing: routing });
  });
});
