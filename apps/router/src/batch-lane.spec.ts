import { BatchLane } from './batch-lane';
import { RouterConfig } from './router.config';

describe('BatchLane', () => {
  it('runs at most N batch lines at once, the rest in arrival order', async () => {
    const lane = new BatchLane({ SWITCHYARD_ROUTER_BATCH_CONCURRENCY: 2, SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED: 1 } as RouterConfig);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => {
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      return { gate, open };
    });
    const runs = gates.map((g, i) => lane.run(async () => {
      started.push(i);
      await g.gate;
      return i;
    }));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect([lane.inFlight, lane.queued]).toEqual([2, 3]);
    gates[1].open();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect([lane.inFlight, lane.queued]).toEqual([0, 0]);
  });

  it('frees the slot when a line fails', async () => {
    const lane = new BatchLane({ SWITCHYARD_ROUTER_BATCH_CONCURRENCY: 1, SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED: 1 } as RouterConfig);
    await expect(lane.run(async () => { throw new Error('upstream broke'); })).rejects.toThrow('upstream broke');
    expect(await lane.run(async () => 'next')).toBe('next');
  });

  it('narrows while interactive requests are around and widens again a second after the last one', async () => {
    const lane = new BatchLane({ SWITCHYARD_ROUTER_BATCH_CONCURRENCY: 3, SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED: 1 } as RouterConfig);
    let clock = 10_000;
    lane.now = () => clock;
    lane.noteInteractive();
    const opened: (() => void)[] = [];
    const started: number[] = [];
    const runs = [0, 1, 2].map((i) => lane.run(() => new Promise<void>((r) => {
      started.push(i);
      opened.push(r);
    })));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0]); // one at a time next to interactive traffic
    clock += 1500; // interactive traffic went quiet
    opened[0]();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]); // wide again: both waiting lines run
    const more = lane.run(async () => started.push(3));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3]); // and a new one does not wait
    opened.slice(1).forEach((open) => open());
    await Promise.all([...runs, more]);
    expect([lane.inFlight, lane.queued]).toEqual([0, 0]);
  });
});
