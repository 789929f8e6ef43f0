import { BatchLane } from './batch-lane';
import { RouterConfig } from './router.config';

describe('BatchLane', () => {
  it('runs at most N batch lines at once, the rest in arrival order', async () => {
    const lane = new BatchLane({ SWITCHYARD_ROUTER_BATCH_CONCURRENCY: 2 } as RouterConfig);
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
    const lane = new BatchLane({ SWITCHYARD_ROUTER_BATCH_CONCURRENCY: 1 } as RouterConfig);
    await expect(lane.run(async () => { throw new Error('upstream broke'); })).rejects.toThrow('upstream broke');
    expect(await lane.run(async () => 'next')).toBe('next');
  });
});
