import { NatsConnection } from 'nats';
import { StreamEvent, Streams, Subjects, UsageEvent, usageEventsOf } from '@switchyard/contracts';
import { chatRequest, RouterTestBed, startRouterTestBed } from './router-process.test-kit';

/**
 * The router's grouping wait, stretched from 5 ms to a second so that the kill, sent the moment the
 * answer arrives, is sure to land inside it: a router that answered before its usage was acknowledged
 * would lose it every time.
 */
const LINGER_MS = 1000;

/** Every usage event on the usage stream (no billing consumes it in this test). */
async function usageOnStream(nc: NatsConnection): Promise<UsageEvent[]> {
  const jsm = await nc.jetstreamManager();
  const { state } = await jsm.streams.info(Streams.usage.name);
  const events: UsageEvent[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    const message = await jsm.streams.getMessage(Streams.usage.name, { seq });
    events.push(...(usageEventsOf(message.json()) as UsageEvent[]));
  }
  return events;
}

/** kill -9 of a router the moment its answer arrives: the usage of that answer is already on JetStream (chaos finding 6). */
describe('a router process killed right after it answers', () => {
  let bed: RouterTestBed;

  beforeAll(async () => {
    bed = await startRouterTestBed('router_kill', { SWITCHYARD_USAGE_PUBLISH_LINGER_MS: String(LINGER_MS) });
    const router = await bed.started('router-setup');
    await bed.addMockChannel();
    router.process.kill('SIGTERM');
    await router.exited;
  }, 120_000);

  afterAll(() => bed?.stop());

  it('has put the usage of a non-streamed answer (a batch line) on JetStream before answering', async () => {
    const router = await bed.started('router-kill-answer');
    const answer = await bed.rpc.send(
      Subjects.routerRequestExecute,
      chatRequest('req_kill_line', { stream: false, batchId: 'batch_kill' }),
    );
    router.process.kill('SIGKILL');
    expect(answer).toMatchObject({ routing: { channel: { channelType: 'PLATFORM' } } });
    expect(await router.exited).toBe('SIGKILL');
    const usage = (await usageOnStream(bed.nc)).filter((e) => e.requestId === 'req_kill_line');
    expect(usage).toEqual([expect.objectContaining({ batchId: 'batch_kill', channelType: 'PLATFORM', estimated: false })]);
    expect(usage[0].completionTokens).toBeGreaterThan(0);
  }, 60_000);

  it("has put a stream's usage on JetStream before its end event", async () => {
    const router = await bed.started('router-kill-stream');
    const events: StreamEvent[] = [];
    const options = { firstTimeoutMs: 10_000, idleTimeoutMs: 10_000, producerLostMs: 5_000 };
    for await (const event of bed.rpc.stream(Subjects.routerRequestExecute, chatRequest('req_kill_stream', { stream: true }), options)) {
      events.push(event);
      if (event.kind === 'end') {
        router.process.kill('SIGKILL');
        break; // the stream's closing packet may never come now
      }
    }
    expect(events.at(-1)).toMatchObject({ kind: 'end' });
    expect(await router.exited).toBe('SIGKILL');
    const usage = (await usageOnStream(bed.nc)).filter((e) => e.requestId === 'req_kill_stream');
    expect(usage).toEqual([expect.objectContaining({ channelType: 'PLATFORM', estimated: false })]);
  }, 60_000);
});
