import { parseServerSentEvents } from './server-sent-events';

describe('parseServerSentEvents', () => {
  it('reads named and unnamed events, data on several lines, any line ending, and skips comments', () => {
    const text = ': ping\n\nevent: message_start\ndata: {"a":1}\r\n\r\ndata: one\rdata:two\r\rdata: [DONE]\n\n';
    expect(parseServerSentEvents(text)).toEqual([
      { event: 'message_start', data: '{"a":1}' },
      { event: null, data: 'one\ntwo' },
      { event: null, data: '[DONE]' },
    ]);
  });

  it('dispatches no event without data, and none the stream ended before its blank line', () => {
    expect(parseServerSentEvents('event: lonely\n\ndata: complete\n\ndata: cut')).toEqual([{ event: null, data: 'complete' }]);
    expect(parseServerSentEvents('data: no blank line\n')).toEqual([]);
  });
});
