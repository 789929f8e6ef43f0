import { DomainError } from '@switchyard/contracts';
import { retryDelayMs } from './batch-lines';

describe('retryDelayMs (what a failed batch line does next)', () => {
  it('slows down on throttling and cooling channels instead of failing the line', () => {
    expect(retryDelayMs(new DomainError('rate_limit_exceeded', 'slow down'), 5000)).toBe(5000);
    expect(retryDelayMs(new DomainError('channels_unavailable', 'cooling'), 5000)).toBe(5000);
  });

  it("retries soon when a service was unreachable or broke, and fails the line for the request's own faults", () => {
    expect(retryDelayMs(new DomainError('service_unavailable', 'router down'), 5000)).toBe(2000);
    expect(retryDelayMs(new Error('socket closed'), 5000)).toBe(2000);
    expect(retryDelayMs(new DomainError('upstream_error', 'bad input', null, 400), 5000)).toBeNull();
    expect(retryDelayMs(new DomainError('insufficient_quota', 'no money'), 5000)).toBeNull();
    expect(retryDelayMs(new DomainError('model_not_found', 'nope'), 5000)).toBeNull();
  });
});
