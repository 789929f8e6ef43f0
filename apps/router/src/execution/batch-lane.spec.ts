import { BatchLane } from './batch-lane';
import { LoopDelaySampler } from './loop-delay-sampler';
import { DECIDE_EVERY_MS } from './batch-width';
import { RouterConfig } from '../router.config';

function laneOf(ceiling: number, shared: number, slowdownMax = 16): BatchLane {
  return new BatchLane({
    SWITCHYARD_ROUTER_BATCH_CONCURRENCY: ceiling,
    SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED: shared,
    SWITCHYARD_ROUTER_BATCH_SLOWDOWN_MAX: slowdownMax,
    SWITCHYARD_ROUTER_BATCH_DELAY_TOLERANCE_MS: 2,
  } as RouterConfig);
}

/** `count` lines, each held until its gate opens; `started` lists them as they start. */
function gatedLines(lane: BatchLane, count: number) {
  const started: number[] = [];
  const opens: (() => void)[] = [];
  const runs = Array.from({ length: count }, (_, i) =>
    lane.run(
      () =>
        new Promise<number>((resolve) => {
          started.push(i);
          opens[i] = () => resolve(i);
        }),
    ),
  );
  return { started, runs, open: (i: number) => opens[i]?.() };
}

const turn = () => new Promise((r) => setImmediate(r));

/** Puts the lane on the test's clock; each call of the result is one decision window of interactive traffic at that event-loop delay. */
function decisionWindow(lane: BatchLane, clock: { ms: number }): (delayMs: number) => void {
  lane.now = () => clock.ms;
  // the test gives every delay: the lane's own sampler would add this machine's real ones (a loaded CI machine narrows the lane)
  jest.spyOn(LoopDelaySampler.prototype, 'start').mockImplementation(() => undefined);
  return (delayMs) => {
    lane.noteInteractive();
    for (let i = 0; i < 10; i++) lane.noteLoopDelay(delayMs);
    clock.ms += DECIDE_EVERY_MS;
    lane.noteLoopDelay(delayMs);
  };
}

describe('BatchLane', () => {
  let lane: BatchLane;
  afterEach(() => {
    lane.onApplicationShutdown();
    jest.restoreAllMocks();
  });

  it('runs at most N batch lines at once, the rest in arrival order', async () => {
    lane = laneOf(2, 1);
    const lines = gatedLines(lane, 5);
    await turn();
    expect(lines.started).toEqual([0, 1]);
    expect([lane.inFlight, lane.queued]).toEqual([2, 3]);
    lines.open(1);
    await turn();
    expect(lines.started).toEqual([0, 1, 2]);
    for (let i = 0; i < 5; i++) {
      lines.open(i);
      await turn();
    }
    expect(await Promise.all(lines.runs)).toEqual([0, 1, 2, 3, 4]);
    expect([lane.inFlight, lane.queued]).toEqual([0, 0]);
  });

  it('frees the slot when a line fails', async () => {
    lane = laneOf(1, 1);
    await expect(
      lane.run(async () => {
        throw new Error('upstream broke');
      }),
    ).rejects.toThrow('upstream broke');
    expect(await lane.run(async () => 'next')).toBe('next');
  });

  it('narrows while interactive requests are around and widens again a second after the last one', async () => {
    lane = laneOf(3, 1);
    let clock = 10_000;
    lane.now = () => clock;
    lane.noteInteractive();
    const lines = gatedLines(lane, 3);
    await turn();
    expect(lines.started).toEqual([0]); // one at a time next to interactive traffic
    clock += 1500; // interactive traffic went quiet
    lines.open(0);
    await turn();
    expect(lines.started).toEqual([0, 1, 2]); // wide again: both waiting lines run
    const more = lane.run(async () => lines.started.push(3));
    await turn();
    expect(lines.started).toEqual([0, 1, 2, 3]); // and a new one does not wait
    lines.open(1);
    lines.open(2);
    await Promise.all([...lines.runs, more]);
    expect([lane.inFlight, lane.queued]).toEqual([0, 0]);
  });

  it('follows the event-loop delay next to interactive traffic: fewer lines when it grows, more when it eases', async () => {
    lane = laneOf(8, 4);
    const clock = { ms: 10_000 };
    const window = decisionWindow(lane, clock);
    lane.noteInteractive();
    window(1); // interactive traffic alone: the baseline
    const lines = gatedLines(lane, 8);
    await turn();
    expect(lines.started).toEqual([0, 1, 2, 3]);
    window(10); // the batch hurts: half the width
    for (const i of [0, 1]) lines.open(i);
    await turn();
    expect(lines.started).toEqual([0, 1, 2, 3]); // two left, two running: no new line starts
    window(1); // healthy again: one more line
    await turn();
    expect(lines.started).toEqual([0, 1, 2, 3, 4]);
    for (let i = 2; i < 8; i++) {
      lines.open(i);
      await turn();
    }
    await Promise.all(lines.runs);
  });

  it('below one line, keeps the slot idle for the rest of the duty cycle after each line', async () => {
    lane = laneOf(4, 1, 4);
    const clock = { ms: 10_000 };
    const window = decisionWindow(lane, clock);
    lane.noteInteractive();
    window(1);
    const lineStarts = clock.ms;
    const lines = gatedLines(lane, 3);
    await turn();
    window(10);
    window(10); // 1 → 0.5 → 0.25: one line, then three times its time idle
    clock.ms = lineStarts + 4; // line 0 took 4 ms (the windows' clock steps aside)
    lines.open(0);
    await lines.runs[0]; // its answer is not held back
    await turn();
    expect(lines.started).toEqual([0]);
    await new Promise((r) => setTimeout(r, 30)); // the lane stays idle 12 ms
    expect(lines.started).toEqual([0, 1]);
    lines.open(1);
    await new Promise((r) => setTimeout(r, 30));
    lines.open(2);
    await Promise.all(lines.runs);
  });
});
