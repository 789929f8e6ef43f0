import { startEventLoopDelayMonitor, takeEventLoopDelay } from './event-loop-delay';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const blockLoop = (ms: number) => {
  const started = Date.now();
  while (Date.now() - started < ms);
};

describe('takeEventLoopDelay', () => {
  it('reports how long the loop was blocked, and starts a new window once the old one is long enough', async () => {
    startEventLoopDelayMonitor();
    await sleep(50);
    blockLoop(80);
    await sleep(50);
    expect(takeEventLoopDelay(0)!.max_ms).toBeGreaterThanOrEqual(60);
    await sleep(100);
    expect(takeEventLoopDelay(0)!.max_ms).toBeLessThan(60);
  });

  it('keeps growing a window that is still too short, so quick successive reads never come back empty', async () => {
    takeEventLoopDelay(0);
    await sleep(30);
    blockLoop(80);
    await sleep(30);
    const first = takeEventLoopDelay(60_000);
    const second = takeEventLoopDelay(60_000);
    expect(first!.max_ms).toBeGreaterThanOrEqual(60);
    expect(second).toEqual(first);
  });

  it('repeats the last report while a fresh window has no sample yet', async () => {
    await sleep(30);
    const report = takeEventLoopDelay(0);
    expect(report).not.toBeNull();
    expect(takeEventLoopDelay(0)).toEqual(report);
  });
});
