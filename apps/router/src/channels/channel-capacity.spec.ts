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
});
