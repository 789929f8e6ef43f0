import { NatsConnection, Subscription } from 'nats';
import { EventSubject } from '@switchyard/contracts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Fire-and-forget event that every replica of every subscriber receives (no queue group). */
export function broadcast(nc: NatsConnection, subject: EventSubject, payload: unknown): void {
  nc.publish(subject, encoder.encode(JSON.stringify(payload)));
}

export function onBroadcast<T>(nc: NatsConnection, subject: EventSubject, handler: (payload: T) => void): Subscription {
  return nc.subscribe(subject, {
    callback: (err, msg) => {
      if (err) return;
      try {
        handler(JSON.parse(decoder.decode(msg.data)) as T);
      } catch {
        // a malformed broadcast is dropped; broadcasts only ever invalidate caches
      }
    },
  });
}
