import { randomBytes } from 'crypto';
import { clientRequestIdFrom, newRequestId, requestIdMaker } from './request-id';

describe('request ids', () => {
  it('makes a fresh id for every request', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it('never repeats within a process: a counter under one random prefix', () => {
    const next = requestIdMaker();
    const ids = Array.from({ length: 200_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(0, 20))).size).toBe(1);
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it('differs across processes by a random prefix, drawn once, and again when the counter is spent', () => {
    let draws = 0;
    const counted = (size: number) => {
      draws++;
      return randomBytes(size);
    };
    const next = requestIdMaker(counted, 1000);
    const ids = Array.from({ length: 2500 }, next);
    expect(draws).toBe(3);
    expect(new Set(ids).size).toBe(2500);
    expect(new Set(ids.map((id) => id.slice(0, 20))).size).toBe(3);
    expect(requestIdMaker()().slice(0, 20)).not.toBe(requestIdMaker()().slice(0, 20));
  });

  it('does not count in the open: consecutive ids are not consecutive numbers', () => {
    const next = requestIdMaker();
    const tails = Array.from({ length: 50 }, () => parseInt(next().slice(20), 16));
    expect(tails.slice(1).filter((tail, i) => tail === tails[i] + 1).length).toBeLessThan(5);
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
