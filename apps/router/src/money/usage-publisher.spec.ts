import type { UsageEvent } from '@switchyard/contracts';
import type { JsonLogger } from '@switchyard/logging';
import type { NatsConnection } from 'nats';
import type { RouterConfig } from '../router.config';
import { UsagePublisher } from './usage-publisher';

const event = (requestId: string) => ({ requestId }) as UsageEvent;
const lingering = (ms: number) => ({ SWITCHYARD_USAGE_PUBLISH_LINGER_MS: ms }) as RouterConfig;

/** A JetStream whose publishes are acknowledged (or refused) when the test says so. */
function controlledJetStream() {
  const sent: { requestIds: string[]; msgID: string }[] = [];
  const acks: (() => void)[] = [];
  const refusals: ((error: Error) => void)[] = [];
  const nc = {
    jetstream: () => ({
      publish: (_subject: string, data: Uint8Array, options: { msgID: string }) => {
        const group = JSON.parse(new TextDecoder().decode(data)) as { events: UsageEvent[] };
        sent.push({ requestIds: group.events.map((e) => e.requestId), msgID: options.msgID });
        return new Promise<void>((resolve, reject) => {
          acks.push(resolve);
          refusals.push(reject);
        });
      },
    }),
  } as unknown as NatsConnection;
  const ackNext = async () => {
    refusals.shift();
    acks.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  const refuseNext = () => {
    acks.shift();
    refusals.shift()!(new Error('no responders'));
  };
  return { nc, sent, ackNext, refuseNext };
}

/** Whether `promise` has settled yet, and how. */
function watch(promise: Promise<void>) {
  const state = { settled: 'pending' as 'pending' | 'acknowledged' | 'lost', error: null as unknown };
  promise.then(
    () => (state.settled = 'acknowledged'),
    (error) => {
      state.settled = 'lost';
      state.error = error;
    },
  );
  return state;
}

describe('UsagePublisher', () => {
  const logger = { error: () => undefined } as unknown as JsonLogger;

  it('publishes an event at once when idle, and groups the events that finish while a publish is in flight', async () => {
    const { nc, sent, ackNext } = controlledJetStream();
    const publisher = new UsagePublisher(nc, logger, lingering(0));
    void publisher.publish(event('req_1'));
    expect(sent).toEqual([{ requestIds: ['req_1'], msgID: 'usage:req_1:1' }]);
    void publisher.publish(event('req_2'));
    void publisher.publish(event('req_3'));
    expect(sent).toHaveLength(1);
    await ackNext();
    expect(sent[1]).toEqual({ requestIds: ['req_2', 'req_3'], msgID: 'usage:req_2:2' });
    await ackNext();
    void publisher.publish(event('req_4'));
    expect(sent[2].requestIds).toEqual(['req_4']);
  });

  it("resolves each event's publish only once JetStream has acknowledged the message carrying it", async () => {
    const { nc, ackNext } = controlledJetStream();
    const publisher = new UsagePublisher(nc, logger, lingering(0));
    const first = watch(publisher.publish(event('req_1')));
    const second = watch(publisher.publish(event('req_2')));
    await new Promise((r) => setImmediate(r));
    expect([first.settled, second.settled]).toEqual(['pending', 'pending']);
    await ackNext();
    expect([first.settled, second.settled]).toEqual(['acknowledged', 'pending']);
    await ackNext();
    expect(second.settled).toBe('acknowledged');
  });

  it('rejects the publishes of a group with service_unavailable when JetStream keeps refusing it', async () => {
    jest.useFakeTimers();
    try {
      const { nc, sent, refuseNext } = controlledJetStream();
      const errors: unknown[] = [];
      const publisher = new UsagePublisher(nc, { error: (...args: unknown[]) => errors.push(args) } as unknown as JsonLogger, lingering(0));
      const published = watch(publisher.publish(event('req_x')));
      for (let attempt = 0; attempt < 6; attempt++) {
        expect(sent).toHaveLength(attempt + 1);
        refuseNext();
        await jest.advanceTimersByTimeAsync(10_000);
      }
      expect(published.settled).toBe('lost');
      expect(published.error).toMatchObject({ code: 'service_unavailable' });
      expect(errors).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('publishes what is still waiting before it shuts down', async () => {
    const { nc, sent, ackNext } = controlledJetStream();
    const publisher = new UsagePublisher(nc, logger, lingering(0));
    void publisher.publish(event('req_a'));
    void publisher.publish(event('req_b'));
    let done = false;
    const shutdown = publisher.onApplicationShutdown().then(() => (done = true));
    await ackNext();
    expect(done).toBe(false);
    expect(sent.map((s) => s.requestIds)).toEqual([['req_a'], ['req_b']]);
    await ackNext();
    await shutdown;
    expect(done).toBe(true);
  });

  describe('with a linger', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('holds an event that finds no publish in flight for the linger, and sends the events finished meanwhile with it', () => {
      const { nc, sent } = controlledJetStream();
      const publisher = new UsagePublisher(nc, logger, lingering(5));
      void publisher.publish(event('req_1'));
      jest.advanceTimersByTime(4);
      void publisher.publish(event('req_2'));
      expect(sent).toHaveLength(0);
      jest.advanceTimersByTime(1);
      expect(sent).toEqual([{ requestIds: ['req_1', 'req_2'], msgID: 'usage:req_1:2' }]);
      void publisher.publish(event('req_3'));
      jest.advanceTimersByTime(10);
      expect(sent).toHaveLength(1);
    });

    it('sends a full group without waiting out the linger', () => {
      const { nc, sent } = controlledJetStream();
      const publisher = new UsagePublisher(nc, logger, lingering(1000));
      for (let i = 0; i < 256; i++) void publisher.publish(event(`req_${i}`));
      expect(sent).toHaveLength(1);
      expect(sent[0].requestIds).toHaveLength(256);
    });

    it('publishes a lingering group at once on shutdown', async () => {
      const { nc, sent, ackNext } = controlledJetStream();
      const publisher = new UsagePublisher(nc, logger, lingering(1000));
      void publisher.publish(event('req_a'));
      const shutdown = publisher.onApplicationShutdown();
      expect(sent.map((s) => s.requestIds)).toEqual([['req_a']]);
      jest.useRealTimers();
      await ackNext();
      await shutdown;
    });
  });
});
