import { LoopDelaySampler, SAMPLE_EVERY_MS } from './loop-delay-sampler';

describe('LoopDelaySampler', () => {
  it('reports how late its timer fired when the loop was held, and stops when no longer wanted', async () => {
    const delays: number[] = [];
    let wanted = true;
    const sampler = new LoopDelaySampler(
      () => wanted,
      (ms) => delays.push(ms),
    );
    sampler.start();
    const until = Date.now() + 5 * SAMPLE_EVERY_MS;
    while (Date.now() < until); // the loop is held for five sampling periods
    await new Promise((r) => setTimeout(r, 3 * SAMPLE_EVERY_MS));
    expect(delays[0]).toBeGreaterThanOrEqual(3 * SAMPLE_EVERY_MS);
    wanted = false;
    await new Promise((r) => setTimeout(r, 3 * SAMPLE_EVERY_MS));
    expect(sampler.running).toBe(false);
    const seen = delays.length;
    await new Promise((r) => setTimeout(r, 3 * SAMPLE_EVERY_MS));
    expect(delays.length).toBe(seen);
  });

  it('starts once however often it is asked to', () => {
    const sampler = new LoopDelaySampler(
      () => true,
      () => undefined,
    );
    sampler.start();
    sampler.start();
    expect(sampler.running).toBe(true);
    sampler.stop();
    expect(sampler.running).toBe(false);
  });
});
