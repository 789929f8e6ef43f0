import { candidatesFor, orderCandidates, upstreamModel } from './channel-selector';
import { routableChannel } from './routable-channel-test-kit';

const channel = routableChannel;

function seq(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('channel selection', () => {
  const query = { userId: 'u1', model: 'm', endpoint: '/v1/chat/completions' as const };

  it('keeps only enabled, visible channels that serve the model and endpoint', () => {
    const channels = [
      channel({ id: 'ok' }),
      channel({ id: 'disabled', status: 'disabled' }),
      channel({ id: 'other-model', models: ['x'] }),
      channel({ id: 'mapped', models: [], modelMapping: { m: 'upstream-m' } }),
      channel({ id: 'embeddings-only', endpoints: ['/v1/embeddings'] }),
      channel({ id: 'someone-elses', type: 'PRIVATE', ownerUserId: 'u2' }),
      channel({ id: 'mine', type: 'PRIVATE', ownerUserId: 'u1' }),
    ];
    expect(
      candidatesFor(channels, query)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['mapped', 'mine', 'ok']);
  });

  it('rewrites the model through the mapping', () => {
    expect(upstreamModel(channel({ modelMapping: { m: 'real' } }), 'm')).toBe('real');
    expect(upstreamModel(channel({}), 'm')).toBe('m');
  });

  it('orders PRIVATE first, then higher priority tiers', () => {
    const ordered = orderCandidates([
      channel({ id: 'low', priority: 0 }),
      channel({ id: 'high', priority: 10 }),
      channel({ id: 'mine', type: 'PRIVATE', ownerUserId: 'u1', priority: -5 }),
    ]);
    expect(ordered.map((c) => c.id)).toEqual(['mine', 'high', 'low']);
  });

  it('follows the routing policy: which kinds may serve, and which kind goes first', () => {
    const channels = [
      channel({ id: 'platform-high', priority: 10 }),
      channel({ id: 'platform-low', priority: 0 }),
      channel({ id: 'mine', type: 'PRIVATE', ownerUserId: 'u1' }),
    ];
    const order = (policy: 'byok_first' | 'platform_first' | 'byok_only' | 'platform_only') =>
      orderCandidates(candidatesFor(channels, query, policy), policy, seq([0])).map((c) => c.id);
    expect(order('byok_first')).toEqual(['mine', 'platform-high', 'platform-low']);
    expect(order('platform_first')).toEqual(['platform-high', 'platform-low', 'mine']);
    expect(order('byok_only')).toEqual(['mine']);
    expect(order('platform_only')).toEqual(['platform-high', 'platform-low']);
    // another user's PRIVATE channel never appears, whatever the policy
    expect(candidatesFor(channels, { ...query, userId: 'u2' }, 'byok_only')).toEqual([]);
  });

  it('picks inside a tier in proportion to weight', () => {
    const tier = [channel({ id: 'a', weight: 1 }), channel({ id: 'b', weight: 3 })];
    expect(orderCandidates(tier, 'byok_first', seq([0.1]))[0].id).toBe('a'); // 0.1 × 4 = 0.4 < 1
    expect(orderCandidates(tier, 'byok_first', seq([0.5]))[0].id).toBe('b'); // 0.5 × 4 = 2 ≥ 1
    let firstB = 0;
    for (let i = 0; i < 4000; i++) if (orderCandidates(tier)[0].id === 'b') firstB++;
    expect(firstB / 4000).toBeGreaterThan(0.7);
    expect(firstB / 4000).toBeLessThan(0.8);
  });

  it('tries weight-0 channels only after the others', () => {
    const ordered = orderCandidates([channel({ id: 'zero', weight: 0 }), channel({ id: 'one', weight: 1 })], 'byok_first', seq([0]));
    expect(ordered.map((c) => c.id)).toEqual(['one', 'zero']);
  });
});
