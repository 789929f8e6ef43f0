import { shouldRetryHeader } from './error-envelope';

describe('shouldRetryHeader', () => {
  it('tells SDKs not to retry permanent errors', () => {
    expect(shouldRetryHeader(409)).toBe('false');
    expect(shouldRetryHeader(400)).toBe('false');
    expect(shouldRetryHeader(429)).toBeNull();
    expect(shouldRetryHeader(503)).toBeNull();
  });
});
