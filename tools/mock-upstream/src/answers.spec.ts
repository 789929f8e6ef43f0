import { base64Floats, completionTokensOf, embeddingOf, paddedReply, promptTokensOf, replyTo, wordsOf } from './answers';

describe('mock answers', () => {
  it('are deterministic', () => {
    const messages = [{ role: 'user', content: 'hello there' }];
    expect(replyTo(messages)).toBe('Echo: hello there');
    expect(promptTokensOf(messages)).toBe(3 + Math.ceil(11 / 4));
    expect(completionTokensOf('Echo: hello there')).toBe(3);
    expect(wordsOf('Echo: hello there').join('')).toBe('Echo: hello there');
    expect(embeddingOf('x', 5)).toEqual(embeddingOf('x', 5));
    expect(embeddingOf('x', 5)).not.toEqual(embeddingOf('y', 5));
  });

  it('pads a reply to the length asked for, and leaves it alone when none is asked', () => {
    expect(paddedReply('Echo: hi', undefined)).toBe('Echo: hi');
    expect(paddedReply('Echo: hi', 4)).toBe('Echo: hi');
    const padded = paddedReply('Echo: hi', 10_000);
    expect(padded).toHaveLength(10_000);
    expect(padded.startsWith('Echo: hi lorem ipsum')).toBe(true);
  });

  it('encodes base64 embeddings as little-endian float32', () => {
    const values = [0.5, -1, 0.25];
    const bytes = Buffer.from(base64Floats(values), 'base64');
    const decoded = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(Array.from(decoded)).toEqual(values);
  });
});
