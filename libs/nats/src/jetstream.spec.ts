import type { JetStreamClient } from 'nats';
import { Events } from '@switchyard/contracts';
import { publishDurable } from './jetstream';

describe('publishDurable', () => {
  // the @ts-expect-error lines are part of the test: `npm run typecheck` fails if one of them compiles
  it('publishes the payload as JSON under its message id, typed by its subject in EventMap', async () => {
    const sent: { subject: string; text: string; msgID?: string }[] = [];
    const js = {
      publish: async (subject: string, data: Uint8Array, options?: { msgID?: string }) => {
        sent.push({ subject, text: new TextDecoder().decode(data), msgID: options?.msgID });
      },
    } as unknown as JetStreamClient;
    await publishDurable(js, Events.routerRequestCompleted, { events: [] }, 'usage:req_1:0');
    // @ts-expect-error a broadcast is not stored on a stream
    await publishDurable(js, Events.billingKeyRevoked, { keyHash: 'abc' }, 'revoked:abc');
    // @ts-expect-error an interrupted stream's usage is one event, not a group
    await publishDurable(js, Events.gatewayRequestInterrupted, { events: [] }, 'usage:interrupted:req_2');
    expect(sent).toEqual([
      { subject: 'router.request.completed', text: '{"events":[]}', msgID: 'usage:req_1:0' },
      { subject: 'billing.key.revoked', text: '{"keyHash":"abc"}', msgID: 'revoked:abc' },
      { subject: 'gateway.request.interrupted', text: '{"events":[]}', msgID: 'usage:interrupted:req_2' },
    ]);
  });
});
