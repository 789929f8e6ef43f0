import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('expires entries and evicts the oldest when full', () => {
    let now = 0;
    const cache = new TtlCache<number>(100, 2, () => now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    now = 150;
    expect(cache.get('c')).toBeUndefined();
  });

  it('caches nothing with a zero ttl', () => {
    const cache = new TtlCache<number>(0, 10);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
