import { StreamEvent, Subjects } from '@switchyard/contracts';
import { chatRequest, RouterTestBed, startRouterTestBed } from './router-process.test-kit';

const GRACE_MS = 3000;

/** SIGTERM ends a router within its grace: after the streams it produces, or cutting them when they outlast it, or with NATS gone. */
describe('a router process on SIGTERM', () => {
  let bed: RouterTestBed;

  beforeAll(async () => {
    bed = await startRouterTestBed('router_shutdown', { SWITCHYARD_SHUTDOWN_GRACE_MS: String(GRACE_MS) });
  }, 120_000);

  afterAll(() => bed?.stop());

  it('finishes the stream it is producing, then exits 0', async () => {
    const router = await bed.started('router-drain');
    await bed.addMockChannel();
    const events: StreamEvent[] = [];
    const options = { firstTimeoutMs: 10_000, idleTimeoutMs: 10_000, producerLostMs: 5_000 };
    for await (const event of bed.rpc.stream(
      Subjects.routerRequestExecute,
      chatRequest('req_drain_1', { stream: true, mock: { chunk_delay_ms: 150 } }),
      options,
    )) {
      events.push(event);
      if (events.length === 2) router.process.kill('SIGTERM');
    }
    expect(events.at(-1)).toMatchObject({ kind: 'end' });
    expect(events.filter((e) => e.kind === 'chunk').length).toBeGreaterThan(3);
    expect(await router.exited).toBe(0);
    expect(router.process.tail(5)).toContain('shut down cleanly');
  });

  it('exits 1 at the grace, naming the handler still running, when a stream outlasts it', async () => {
    const router = await bed.started('router-cut');
    const options = { firstTimeoutMs: 30_000, idleTimeoutMs: 30_000, producerLostMs: 5_000 };
    const stream = bed.rpc.stream(
      Subjects.routerRequestExecute,
      chatRequest('req_cut_1', { stream: true, mock: { delay_ms: 20_000 } }),
      options,
    );
    const outcome = (async () => {
      try {
        for await (const event of stream) void event;
        return 'ended';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    // the request is in the handler (its upstream call waits 20 s) before the signal
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const signalled = Date.now();
    router.process.kill('SIGTERM');
    expect(await router.exited).toBe(1);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(took).toBeLessThan(GRACE_MS + 2000);
    expect(router.process.tail(5)).toMatch(
      /still in flight: router: stop taking requests, finish the running ones \(1 handler\(s\) running\)/,
    );
    // its caller learns the producer is gone instead of waiting for the 20 s answer
    expect(await outcome).toMatch(/stopped answering|unavailable/);
  }, 30_000);

  it('ends within the grace when NATS is gone', async () => {
    const router = await bed.started('router-orphan');
    await bed.nats.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const signalled = Date.now();
    router.process.kill('SIGTERM');
    const code = await router.exited;
    expect(typeof code).toBe('number');
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS + 2000);
  }, 30_000);
});
