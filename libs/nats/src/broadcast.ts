import { NatsConnection, Subscription } from 'nats';
import { BroadcastSubject, EventMap, Untrusted } from '@switchyard/contracts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Fire-and-forget event that every replica of every subscriber receives (no queue group). */
export function broadcast<S extends BroadcastSubject>(nc: NatsConnection, subject: S, payload: EventMap[S]): void {
  nc.publish(subject, encoder.encode(JSON.stringify(payload)));
}

/**
 * A broadcast for a change the caller is told is made: it has reached the NATS server when this
 * resolves, and the server delivers it to each subscriber before anything this process publishes
 * after it (the reply to the caller included). So the caller's next request, on any replica that
 * subscribes, finds the change applied.
 */
export async function broadcastBeforeAnswering<S extends BroadcastSubject>(
  nc: NatsConnection,
  subject: S,
  payload: EventMap[S],
): Promise<void> {
  broadcast(nc, subject, payload);
  await nc.flush();
}

/** The handler gets the payload as it came over the network: it checks each field it uses. */
export function onBroadcast<S extends BroadcastSubject>(
  nc: NatsConnection,
  subject: S,
  handler: (payload: Untrusted<EventMap[S]>) => void,
): Subscription {
  return nc.subscribe(subject, {
    callback: (err, msg) => {
      if (err) return;
      try {
        handler(JSON.parse(decoder.decode(msg.data)) as Untrusted<EventMap[S]>);
      } catch {
        // a malformed broadcast is dropped; broadcasts only ever invalidate caches
      }
    },
  });
}
