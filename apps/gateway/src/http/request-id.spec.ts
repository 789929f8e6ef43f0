import { clientRequestIdFrom, newRequestId } from './request-id';

describe('request ids', () => {
  it('makes a fresh id for every request', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it('keeps a printable caller id as a label and drops anything else', () => {
    expect(clientRequestIdFrom('trace-1:a.b_c')).toBe('trace-1:a.b_c');
    expect(clientRequestIdFrom(['first', 'second'])).toBe('first');
    expect(clientRequestIdFrom(undefined)).toBeNull();
    expect(clientRequestIdFrom('')).toBeNull();
    expect(clientRequestIdFrom('has space')).toBeNull();
    expect(clientRequestIdFrom('x'.repeat(129))).toBeNull();
    expect(clientRequestIdFrom('line\nbreak')).toBeNull();
  });
});
