import { NatsConnection, Subscription } from 'nats';
import { CreateHoldRequest, PriceWire, Subjects } from '@switchyard/contracts';
import type { ReplyPacket, RequestPacket } from '@switchyard/nats';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface FakeBilling {
  holds: CreateHoldRequest[];
  released: string[];
  stop(): void;
}

/**
 * Answers what the router asks billing (prices, holds), for tests of the router on its own:
 * the prices given, every hold granted and recorded.
 */
export function startFakeBilling(nc: NatsConnection, prices: PriceWire[] = []): FakeBilling {
  const holds: CreateHoldRequest[] = [];
  const released: string[] = [];
  const answer = (subject: string, handle: (data: any) => unknown): Subscription =>
    nc.subscribe(subject, {
      queue: 'billing',
      callback: (_err, msg) => {
        const packet = JSON.parse(decoder.decode(msg.data)) as RequestPacket;
        const reply: ReplyPacket = { id: packet.id, response: handle(packet.data), isDisposed: true };
        msg.respond(encoder.encode(JSON.stringify(reply)));
      },
    });
  const subscriptions = [
    answer(Subjects.billingPriceList, () => prices),
    answer(Subjects.billingHoldCreate, (req: CreateHoldRequest) => {
      holds.push(req);
      return { request_id: req.requestId, amount_nano: req.amountNano };
    }),
    answer(Subjects.billingHoldRelease, (req: { requestId: string }) => {
      released.push(req.requestId);
      return { released: true };
    }),
  ];
  return { holds, released, stop: () => subscriptions.forEach((s) => s.unsubscribe()) };
}
