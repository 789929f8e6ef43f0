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
