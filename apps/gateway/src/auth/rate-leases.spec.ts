import { MemoryUsageStore } from './memory-usage-store';
import { RateLeases, RateLimitContention, UsageStore } from './rate-leases';
import { counted, slotOf } from './usage-record';

const START = 1_700_000_000_000; // on a slot boundary

function setup(replicas = 1, store: UsageStore = new MemoryUsageStore()) {
  const clock = { now: START };
  const sleeps: number[] = [];
  const all: RateLeases[] = [];
  for (let i = 0; i < replicas; i++) {
    all.push(
      new RateLeases(store, {
        replica: `gw_${i}`,
        now: () => clock.now,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.now += ms;
          for (const replica of all) await replica.sweep();
        },
      }),
    );
  }
  return { clock, sleeps, replicas: all, store: store as MemoryUsageStore };
}

describe('RateLeases', () => {
  it('leases a block with one read and one write, then grants from it with no store round trip and exact remaining', async () => {
    const {
      replicas: [gw],
      store,
    } = setup();
    const first = await gw.acquire('u1', 60);
    expect(first).toEqual({ allowed: true, limit: 60, remaining: 59, reset: START / 1000 + 61, retryAfter: null });
    expect([store.reads, store.writes]).toEqual([1, 1]);
    const next = [gw.acquire('u1', 60), gw.acquire('u1', 60), gw.acquire('u1', 60)];
    expect(next.every((d) => !(d instanceof Promise))).toBe(true); // answered synchronously from the lease
    expect(next.map((d) => (d as { remaining: number }).remaining)).toEqual([58, 57, 56]);
    expect([store.reads, store.writes]).toEqual([1, 1]);
    expect(gw.unused('u1')).toBe(0);
  });

  it("sizes a lease by demand (requests queued and last second's rate), at most a quarter of what is free", async () => {
    const {
      clock,
      replicas: [gw],
      store,
    } = setup();
    await Promise.all(Array.from({ length: 10 }, () => gw.acquire('u1', 1000)));
    expect(store.peek('u1')!.slots).toEqual([[slotOf(START), 20]]); // 9 waiting behind the first: 2 × 10
    clock.now += 1000;
    for (let i = 0; i < 40; i++) await gw.acquire('u1', 1000);
    clock.now += 1000;
    await gw.acquire('u1', 1000);
    expect(gw.unused('u1')).toBeGreaterThanOrEqual(39); // last second's 40 grants size this lease
    await Promise.all(Array.from({ length: 10 }, () => gw.acquire('u2', 20)));
    expect(store.peek('u2')!.slots[0][1]).toBe(5 + 3 + 3); // demand of 20, but a quarter of 20 free, then of 15, then of 12
  });

  it('shrinks blocks as the window fills, grants the last requests one by one, then refuses with Retry-After and the reset', async () => {
    const {
      clock,
      replicas: [gw],
      store,
    } = setup();
    const remaining: number[] = [];
    for (let i = 0; i < 10; i++) remaining.push((await gw.acquire('u1', 10)).remaining);
    expect(remaining).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(store.writes).toBeGreaterThanOrEqual(6); // 2 (a quarter of 10), then 2, then ones
    clock.now += 500;
    const refused = await gw.acquire('u1', 10);
    expect(refused).toEqual({ allowed: false, limit: 10, remaining: 0, reset: START / 1000 + 61, retryAfter: 61 });
    clock.now = START + 61_000;
    expect((await gw.acquire('u1', 10)).allowed).toBe(true);
  });

  it('hands the unused part of a lease back when its slot ends, so the record counts only what was granted', async () => {
    const {
      clock,
      replicas: [gw],
      store,
    } = setup();
    await gw.acquire('u1', 100);
    await gw.acquire('u1', 100);
    expect(store.peek('u1')).toEqual({ slots: [[slotOf(START), 4]], leases: [['gw_0', slotOf(START)]] });
    await gw.sweep();
    expect(store.peek('u1')!.slots[0][1]).toBe(4); // the slot has not ended
    clock.now += 1000;
    await gw.sweep();
    expect(store.peek('u1')).toEqual({ slots: [[slotOf(START), 2]], leases: [] });
    expect(gw.unused('u1')).toBe(0);
  });

  it('does not grant from a lease in a later slot (it was counted in its own slot)', async () => {
    const {
      clock,
      replicas: [gw],
      store,
    } = setup();
    await gw.acquire('u1', 100);
    clock.now += 1000;
    await gw.acquire('u1', 100);
    expect(store.peek('u1')!.slots).toEqual([
      [slotOf(START), 1],
      [slotOf(START) + 1, 4],
    ]);
  });

  it('lets another replica use capacity handed back by the first', async () => {
    const {
      clock,
      replicas: [a, b],
      store,
    } = setup(2);
    for (let i = 0; i < 5; i++) expect((await a.acquire('u1', 8)).allowed).toBe(true);
    clock.now += 1000;
    await a.sweep();
    const fromB = [];
    for (let i = 0; i < 4; i++) fromB.push((await b.acquire('u1', 8)).allowed);
    expect(fromB).toEqual([true, true, true, false]);
    expect(counted(store.peek('u1')!, slotOf(clock.now))).toBe(8);
  });

  it("before refusing, waits once for another replica's lease to come back, then grants from it", async () => {
    const {
      clock,
      sleeps,
      replicas: [a, b],
    } = setup(2);
    clock.now += 100;
    expect((await a.acquire('u1', 12)).remaining).toBe(11); // leases 3 of 12
    for (let i = 0; i < 9; i++) expect((await b.acquire('u1', 12)).allowed).toBe(true);
    const last = await b.acquire('u1', 12); // all counted, a holds 2 unused
    expect(last.allowed).toBe(true);
    expect(sleeps).toEqual([1300]); // to the end of a's slot plus the hand-back grace
    expect((await b.acquire('u1', 12)).allowed).toBe(true);
    const refused = await b.acquire('u1', 12);
    expect(refused.allowed).toBe(false);
    expect(sleeps).toHaveLength(1); // nobody holds anything now: refused at once
  });

  it('refuses only on a record it has just read, not on one it wrote itself earlier', async () => {
    const {
      clock,
      replicas: [a, b],
      store,
    } = setup(2);
    for (let i = 0; i < 4; i++) await a.acquire('u1', 4); // a's own write says full
    clock.now += 1000;
    await b.acquire('u1', 5); // someone raised the limit and b used one
    const readsBefore = store.reads;
    expect((await a.acquire('u1', 5)).allowed).toBe(false);
    expect(store.reads).toBe(readsBefore + 1);
  });

  it('a changed limit takes effect at once: a lease taken under the old one is handed back, not used', async () => {
    const {
      replicas: [gw],
      store,
    } = setup();
    await gw.acquire('u1', 1000); // leases 4
    const lowered = await gw.acquire('u1', 3);
    expect(lowered).toMatchObject({ allowed: true, limit: 3, remaining: 1 });
    expect((await gw.acquire('u1', 3)).allowed).toBe(true);
    expect((await gw.acquire('u1', 3)).allowed).toBe(false);
    expect(counted(store.peek('u1')!, slotOf(START))).toBe(3);
    expect((await gw.acquire('u1', 1000)).remaining).toBeLessThanOrEqual(996);
  });

  it('retries on a compare-and-set conflict with a fresh read', async () => {
    const {
      replicas: [a, b],
      store,
    } = setup(2);
    await a.acquire('u1', 100);
    await b.acquire('u1', 100); // a's known revision is stale now
    for (let i = 0; i < 3; i++) await a.acquire('u1', 100); // uses up a's lease of 4
    const conflictsBefore = store.conflicts;
    expect((await a.acquire('u1', 100)).allowed).toBe(true);
    expect(store.conflicts).toBe(conflictsBefore + 1);
    expect(counted(store.peek('u1')!, slotOf(START))).toBe(12);
  });

  it('gives up after too many conflicts', async () => {
    const always: UsageStore = { read: async () => null, write: async () => null };
    const gw = new RateLeases(always, { replica: 'gw', now: () => START, maxAttempts: 3 });
    await expect(gw.acquire('u1', 10)).rejects.toBeInstanceOf(RateLimitContention);
  });

  it('starts afresh when the store lost everything (a NATS restart empties the memory bucket)', async () => {
    const {
      clock,
      replicas: [gw],
      store,
    } = setup();
    for (let i = 0; i < 5; i++) await gw.acquire('u1', 5);
    store.clear();
    clock.now += 1000;
    expect((await gw.acquire('u1', 5)).allowed).toBe(true); // the create-or-update conflicts, then reads nothing
    expect(counted(store.peek('u1')!, slotOf(clock.now))).toBe(1);
  });

  it('hands back every lease on shutdown and forgets users idle for over a window', async () => {
    const {
      clock,
      replicas: [gw],
      store,
    } = setup();
    await gw.acquire('u1', 100);
    await gw.releaseAll();
    expect(store.peek('u1')).toEqual({ slots: [[slotOf(START), 1]], leases: [] });
    clock.now += 63_000;
    await gw.sweep();
    const reads = store.reads;
    await gw.acquire('u1', 100);
    expect(store.reads).toBe(reads + 1); // nothing remembered: read again
  });
});
