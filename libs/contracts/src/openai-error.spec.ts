import { DomainError } from './domain-error';
import { openAiError, shouldRetryHeader } from './openai-error';

describe('openAiError', () => {
  it('always has all four keys', () => {
    const { status, body } = openAiError(new DomainError('invalid_api_key', 'bad key'));
    expect(status).toBe(401);
    expect(body).toEqual({ error: { message: 'bad key', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
  });

  it('keeps an overriding status and extra details', () => {
    const { status, body } = openAiError(new DomainError('upstream_error', 'nope', null, 400, { _routing: { cached: false } }));
    expect(status).toBe(400);
    expect(body._routing).toEqual({ cached: false });
  });
});

describe('shouldRetryHeader', () => {
  it('tells SDKs not to retry permanent errors', () => {
    expect(shouldRetryHeader(409)).toBe('false');
    expect(shouldRetryHeader(400)).toBe('false');
    expect(shouldRetryHeader(429)).toBeNull();
    expect(shouldRetryHeader(503)).toBeNull();
  });
});
