import fc from 'fast-check';
import { MemoryUsageStore } from './memory-usage-store';
import { RateLeases } from './rate-leases';
import { counted, RATE_WINDOW_MS, slotOf, SLOTS_COUNTED } from './usage-record';

const START = 1_700_000_000_000;
const USER = 'u1';

const step = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 999 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1000, max: 5000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 55_000, max: 62_000 }), weight: 1 },
);
const event = fc.record({ afterMs: step, replica: fc.nat(7), requests: fc.integer({ min: 1, max: 6 }), sweep: fc.boolean() });
const scenario = fc.record({
  limit: fc.integer({ min: 1, max: 25 }),
  replicas: fc.integer({ min: 1, max: 4 }),
  events: fc.array(event, { minLength: 1, maxLength: 60 }),
});

/**
 * N replicas sharing one store and one clock. A replica that waits lets the others sweep (hand back)
 * meanwhile: in sequential runs time moves on by the wait; in racing runs it stands still and the
 * sweeps run in the background (awaited before each check).
 */
function simulation(replicaCount: number, advanceWhileWaiting: boolean) {
  const store = new MemoryUsageStore();
  const clock = { now: START };
  const replicas: RateLeases[] = [];
  const background: Promise<unknown>[] = [];
  const sweepAll = async (except = -1) => {
    for (let i = 0; i < replicas.length; i++) if (i !== except) await replicas[i].sweep();
  };
  for (let i = 0; i < replicaCount; i++) {
    replicas.push(
      new RateLeases(store, {
        replica: `gw_${i}`,
        now: () => clock.now,
        sleep: async (ms) => {
          if (advanceWhileWaiting) {
            clock.now += ms;
            await sweepAll(i);
          } else {
            background.push(sweepAll(i));
            await new Promise((resolve) => setImmediate(resolve));
          }
        },
      }),
    );
  }
  const settle = async () => {
    while (background.length > 0) await background.shift();
  };
  const grants: number[] = [];
  const grantedCounting = () => grants.filter((t) => slotOf(t) > slotOf(clock.now) - SLOTS_COUNTED).length;
  const unusedElsewhere = (except: number) => replicas.reduce((sum, replica, i) => (i === except ? sum : sum + replica.unused(USER)), 0);
  return { store, clock, replicas, sweepAll, settle, grants, grantedCounting, unusedElsewhere };
}

function expectAtMostLimitInAnyWindow(grants: number[], limit: number): void {
  const sorted = [...grants].sort((a, b) => a - b);
  for (let i = limit; i < sorted.length; i++) expect(sorted[i] - sorted[i - limit]).toBeGreaterThanOrEqual(RATE_WINDOW_MS);
}

describe('RateLeases across replicas, fuzzed', () => {
  it('never grants more than the limit in any 60 s, never refuses while capacity is neither granted nor leased by another replica, and the record accounts for every unit', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ limit, replicas: count, events }) => {
        const sim = simulation(count, true);
        for (const { afterMs, replica, requests, sweep } of events) {
          sim.clock.now += afterMs;
          if (sweep) await sim.sweepAll();
          const gateway = sim.replicas[replica % count];
          for (let r = 0; r < requests; r++) {
            const decision = await gateway.acquire(USER, limit);
            if (decision.allowed) {
              sim.grants.push(sim.clock.now);
              expect(decision.remaining).toBeGreaterThanOrEqual(0);
              expect(decision.remaining).toBeLessThan(limit);
            } else {
              expect(decision.remaining).toBe(0);
              expect(sim.grantedCounting() + sim.unusedElsewhere(replica % count)).toBeGreaterThanOrEqual(limit);
              expect(decision.retryAfter).toBeGreaterThanOrEqual(1);
              expect(decision.retryAfter).toBeLessThanOrEqual(61);
              expect(decision.reset * 1000).toBeGreaterThan(sim.clock.now);
            }
            const record = sim.store.peek(USER);
            const inRecord = record ? counted(record, slotOf(sim.clock.now)) : 0;
            expect(inRecord).toBe(sim.grantedCounting() + sim.unusedElsewhere(-1));
          }
        }
        expectAtMostLimitInAnyWindow(sim.grants, limit);
      }),
    );
  });

  it('with one replica, remaining is exact: the limit less everything granted in the counted slots', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ limit, events }) => {
        const sim = simulation(1, true);
        for (const { afterMs, requests, sweep } of events) {
          sim.clock.now += afterMs;
          if (sweep) await sim.sweepAll();
          for (let r = 0; r < requests; r++) {
            const decision = await sim.replicas[0].acquire(USER, limit);
            if (decision.allowed) sim.grants.push(sim.clock.now);
            expect(decision.remaining).toBe(limit - sim.grantedCounting());
          }
        }
      }),
    );
  });

  it('with requests racing on every replica at once, still never grants more than the limit in any 60 s', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ limit, replicas: count, events }) => {
        const sim = simulation(count, false);
        for (const { afterMs, requests, sweep } of events) {
          sim.clock.now += afterMs;
          const racing = sim.replicas.flatMap((gateway) => Array.from({ length: requests }, () => gateway.acquire(USER, limit)));
          if (sweep) racing.push(sim.sweepAll().then(() => ({ allowed: false }) as never));
          for (const decision of await Promise.all(racing)) if (decision.allowed) sim.grants.push(sim.clock.now);
          await sim.settle();
          const record = sim.store.peek(USER);
          expect(record ? counted(record, slotOf(sim.clock.now)) : 0).toBe(sim.grantedCounting() + sim.unusedElsewhere(-1));
        }
        expectAtMostLimitInAnyWindow(sim.grants, limit);
      }),
    );
  });
});
