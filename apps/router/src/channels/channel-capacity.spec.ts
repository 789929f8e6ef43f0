import { metrics } from '@switchyard/runtime';
import { ChannelCapacity } from './channel-capacity';
import type { RoutableChannel } from '../routing/channel-selector';

const channel = (over: Partial<RoutableChannel>) => ({ id: 'c', maxConcurrency: null, rpmLimit: null, ...over }) as RoutableChannel;

describe('ChannelCapacity', () => {
  it('holds a channel to its concurrency cap until a request releases (once)', () => {
    const capacity = new ChannelCapacity();
    const c = channel({ maxConcurrency: 2 });
    const first = capacity.tryAcquire(c)!;
    const second = capacity.tryAcquire(c)!;
    expect(capacity.tryAcquire(c)).toBeNull();
    first();
    first();
    expect(capacity.tryAcquire(c)).not.toBeNull();
    expect(capacity.tryAcquire(c)).toBeNull();
    second();
  });

  it('holds a channel to its requests per minute, sliding', () => {
    const capacity = new ChannelCapacity();
    const c = channel({ rpmLimit: 2 });
    capacity.tryAcquire(c, 0)!();
    capacity.tryAcquire(c, 10_000)!();
    expect(capacity.tryAcquire(c, 30_000)).toBeNull();
    expect(capacity.tryAcquire(c, 60_001)).not.toBeNull();
  });

  it('lets an uncapped channel take anything', () => {
    const capacity = new ChannelCapacity();
    for (let i = 0; i < 1000; i++) expect(capacity.tryAcquire(channel({}))).not.toBeNull();
  });

  it('counts each refusal by channel and cap, PRIVATE channels as `private`', async () => {
    const refusals = async (labels: Record<string, string>) =>
      (await metrics().channelCapRefusals.get()).values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))
        ?.value ?? 0;
    const capacity = new ChannelCapacity();
    const concurrent = channel({ id: 'ch_cap_c', type: 'PLATFORM', maxConcurrency: 1 });
    const perMinute = channel({ id: 'ch_someones', type: 'PRIVATE', rpmLimit: 1 });
    capacity.tryAcquire(concurrent);
    capacity.tryAcquire(perMinute, 0);
    for (let i = 0; i < 3; i++) capacity.tryAcquire(concurrent);
    for (let i = 0; i < 2; i++) capacity.tryAcquire(perMinute, 1000);
    expect(await refusals({ channel: 'ch_cap_c', cap: 'concurrency' })).toBe(3);
    expect(await refusals({ channel: 'private', cap: 'rpm' })).toBe(2);
    expect(await refusals({ channel: 'ch_someones' })).toBe(0);
  });
});
