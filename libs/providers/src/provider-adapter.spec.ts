import { subtitleSeconds } from './openai.adapter';
import { UpstreamError } from './provider-adapter';

describe('UpstreamError.retryable', () => {
  it.each([
    ['connection', null, true],
    ['timeout', null, true],
    ['http', 429, true],
    ['http', 500, true],
    ['http', 503, true],
    ['http', 401, true],
    ['http', 400, false],
    ['http', 404, false],
    ['http', 422, false],
  ] as const)('%s %s → %s', (failure, status, expected) => {
    expect(new UpstreamError(failure, 'x', status).retryable).toBe(expected);
  });
});

describe('subtitleSeconds', () => {
  it('reads the end of the last SRT or VTT cue, rounded up', () => {
    expect(subtitleSeconds('1\n00:00:00,000 --> 00:00:03,000\nhello\n\n2\n00:00:03,000 --> 00:01:02,250\nworld\n')).toBe(63);
    expect(subtitleSeconds('WEBVTT\n\n00:00:00.000 --> 00:00:04.500\nhi\n')).toBe(5);
    expect(subtitleSeconds('just words')).toBeNull();
  });
});
