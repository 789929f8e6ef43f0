import { Events, EventSubject, Streams } from './subjects';
import type { Empty } from './rpc-map';
import type { KeyRevokedEvent, PriceChangedEvent, UserIndebtedEvent } from './payloads/accounts';
import type { UserChangedEvent } from './payloads/local-accounts';
import type { ChannelCalledEvent, ChannelHealthClearedEvent } from './payloads/channels';
import type { RoutingPolicyChanged } from './payloads/routing';
import type { SessionsRevokedEvent } from './payloads/sessions';
import type { RpcRequestAbandonedEvent } from './payloads/rpc';
import type { UsageEvent, UsageEventGroup } from './payloads/usage';

/** Payload type of every event subject (broadcasts and durable events). */
export type EventMap = {
  /** a router sends a group; a bare event (what earlier versions sent) is still taken */
  [Events.routerRequestCompleted]: UsageEventGroup | UsageEvent;
  [Events.gatewayRequestInterrupted]: UsageEvent;
  [Events.billingKeyRevoked]: KeyRevokedEvent;
  [Events.billingSessionRevoked]: SessionsRevokedEvent;
  [Events.billingRateLimitChanged]: Empty;
  [Events.billingUserChanged]: UserChangedEvent;
  [Events.billingUserIndebted]: UserIndebtedEvent;
  [Events.billingPriceChanged]: PriceChangedEvent;
  [Events.routerChannelChanged]: Empty;
  [Events.routerChannelCalled]: ChannelCalledEvent;
  [Events.routerChannelHealthCleared]: ChannelHealthClearedEvent;
  [Events.routerPolicyChanged]: RoutingPolicyChanged;
  [Events.batchesBatchChanged]: Empty;
  [Events.rpcRequestAbandoned]: RpcRequestAbandonedEvent;
};

/** Events stored on a JetStream stream until consumed; every other event is a broadcast. */
export type DurableEventSubject = (typeof Streams)[keyof typeof Streams]['subjects'][number];
export type BroadcastSubject = Exclude<EventSubject, DurableEventSubject>;

/**
 * A message as it arrives from another process: it names the fields of its contract, but nothing
 * vouches for their values (a malformed or hostile sender may have put anything there), so each
 * field is checked before it is used.
 */
export type Untrusted<T> = { readonly [K in keyof T]?: unknown };
