import type { NatsConnection } from 'nats';
import { Events, KeyRevokedEvent, Untrusted } from '@switchyard/contracts';
import { broadcast, onBroadcast } from './broadcast';

type Callback = (err: unknown, msg: { data: Uint8Array }) => void;

/** A connection that hands what it publishes to its own subscribers, and keeps a copy. */
function loopback() {
  const published: { subject: string; text: string }[] = [];
  const subscribers = new Map<string, Callback>();
  const deliver = (subject: string, text: string) => subscribers.get(subject)?.(null, { data: new TextEncoder().encode(text) });
  const nc = {
    publish: (subject: string, data: Uint8Array) => {
      const text = new TextDecoder().decode(data);
      published.push({ subject, text });
      deliver(subject, text);
    },
    subscribe: (subject: string, opts: { callback: Callback }) => {
      subscribers.set(subject, opts.callback);
      return { unsubscribe: () => subscribers.delete(subject) };
    },
  } as unknown as NatsConnection;
  return { nc, published, deliver };
}

describe('broadcast and onBroadcast', () => {
  it('carry the payload as JSON to the handler of its subject', () => {
    const { nc, published } = loopback();
    const heard: unknown[] = [];
    onBroadcast(nc, Events.billingKeyRevoked, (event) => heard.push(event));
    broadcast(nc, Events.billingKeyRevoked, { keyHash: 'abc' });
    expect(published).toEqual([{ subject: 'billing.key.revoked', text: '{"keyHash":"abc"}' }]);
    expect(heard).toEqual([{ keyHash: 'abc' }]);
  });

  it('drop a broadcast that is not JSON, or that its handler throws on', () => {
    const { nc, deliver } = loopback();
    const heard: string[] = [];
    onBroadcast(nc, Events.routerPolicyChanged, (change) => {
      if (typeof change.userId !== 'string') throw new Error('no user id');
      heard.push(change.userId);
    });
    expect(() => deliver(Events.routerPolicyChanged, '{not json')).not.toThrow();
    expect(() => deliver(Events.routerPolicyChanged, 'null')).not.toThrow();
    expect(() => deliver(Events.routerPolicyChanged, '{"userId":7}')).not.toThrow();
    deliver(Events.routerPolicyChanged, '{"userId":"usr_1","policy":"byok_only"}');
    expect(heard).toEqual(['usr_1']);
  });

  // the @ts-expect-error lines are the test: `npm run typecheck` fails if one of them compiles
  it('type the payload by its subject in EventMap', () => {
    const { nc, published } = loopback();
    broadcast(nc, Events.routerPolicyChanged, { userId: 'usr_1', policy: 'platform_only' });
    broadcast(nc, Events.routerChannelChanged, {});
    // @ts-expect-error a revoked key is named by its hash
    broadcast(nc, Events.billingKeyRevoked, { keyId: 'key_1' });
    // @ts-expect-error not a routing policy
    broadcast(nc, Events.routerPolicyChanged, { userId: 'usr_1', policy: 'cheapest' });
    // @ts-expect-error the channel table's broadcast carries nothing
    broadcast(nc, Events.routerChannelChanged, { channelId: 'ch_1' });
    // @ts-expect-error a durable event goes on its JetStream stream, not as a broadcast
    broadcast(nc, Events.routerRequestCompleted, { events: [] });
    expect(published).toHaveLength(6);

    const hashes: string[] = [];
    // no type argument: the handler's payload is inferred from the subject
    onBroadcast(nc, Events.billingKeyRevoked, (event) => {
      const _inferred: Untrusted<KeyRevokedEvent> = event;
      // @ts-expect-error the payload came over the network: a field is checked before it is used
      const _unchecked: string = event.keyHash;
      // @ts-expect-error not a field of a revoked key
      void event.keyId;
      if (typeof event.keyHash === 'string') hashes.push(event.keyHash);
    });
    // a handler that ignores the payload needs nothing
    onBroadcast(nc, Events.billingRateLimitChanged, () => undefined);
    broadcast(nc, Events.billingKeyRevoked, { keyHash: 'def' });
    expect(hashes).toEqual(['def']);
  });
});
