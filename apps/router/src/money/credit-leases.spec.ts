import { CreditLeases, LeaseGrantor } from './credit-leases';

/** Billing as the leases see it: a balance, holds granted up to half of what is available (at least the minimum). */
class FakeBilling implements LeaseGrantor {
  holds = new Map<string, bigint>();
  grants: { target: bigint; minimum: bigint }[] = [];
  released: string[] = [];
  /** its database is down: every call fails as billing's does then */
  unreachable = false;
  constructor(public balance: bigint) {}

  private reachable(): void {
    if (this.unreachable) throw Object.assign(new Error('the database is unreachable'), { code: 'service_unavailable' });
  }

  async grant(leaseId: string, _userId: string, target: bigint, minimum: bigint): Promise<bigint> {
    this.grants.push({ target, minimum });
    await Promise.resolve();
    this.reachable();
    const available = this.balance - [...this.holds.values()].reduce((s, v) => s + v, 0n);
    const half = available / 2n;
    const allowed = half > minimum ? half : minimum;
    const amount = target < allowed ? target : allowed;
    if (available < amount) throw Object.assign(new Error('insufficient'), { code: 'insufficient_quota' });
    this.holds.set(leaseId, amount);
    return amount;
  }

  async shrink(leaseId: string, amount: bigint): Promise<void> {
    const held = this.holds.get(leaseId) ?? 0n;
    this.holds.set(leaseId, held - (amount < held ? amount : held));
  }

  async release(leaseId: string): Promise<void> {
    this.reachable();
    this.released.push(leaseId);
    this.holds.delete(leaseId);
  }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CreditLeases', () => {
  let clock: number;
  const leasesOver = (billing: FakeBilling, leaseNano = 100n) =>
    new CreditLeases(billing, { leaseNano, maxAgeMs: 30_000, idleMs: 5000, outageGraceMs: 60_000, owner: 'test', now: () => clock });

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('serves many requests from one lease, asking billing once', async () => {
    const billing = new FakeBilling(10_000n);
    const leases = leasesOver(billing);
    for (let i = 0; i < 10; i++) await leases.take(`r${i}`, 'u1', 10n);
    expect(billing.grants).toEqual([{ target: 100n, minimum: 10n }]);
    expect(leases.held()).toEqual([{ userId: 'u1', grantedNano: 100n, committedNano: 100n, inFlight: 10 }]);
  });

  it('shares one renewal among requests that arrive while it is under way', async () => {
    const billing = new FakeBilling(10_000n);
    const leases = leasesOver(billing);
    await Promise.all(Array.from({ length: 5 }, (_, i) => leases.take(`r${i}`, 'u1', 10n)));
    expect(billing.grants).toHaveLength(1);
  });

  it("gives back the difference between worst case and cost once the cost is known, and a cancelled request's whole worst case", async () => {
    const leases = leasesOver(new FakeBilling(10_000n));
    await leases.take('a', 'u1', 40n);
    await leases.take('b', 'u1', 40n);
    const leaseId = leases.settle('a', Promise.resolve(5n));
    expect(leaseId).toMatch(/^lease_test_/);
    await tick();
    leases.cancel('b');
    expect(leases.held()).toEqual([{ userId: 'u1', grantedNano: 100n, committedNano: 5n, inFlight: 0 }]);
    expect(leases.settle('never-took', Promise.resolve(1n))).toBeNull();
  });

  it('keeps the worst case committed when the cost cannot be known', async () => {
    const leases = leasesOver(new FakeBilling(10_000n));
    await leases.take('a', 'u1', 40n);
    leases.settle('a', Promise.resolve(null));
    await tick();
    expect(leases.held()[0].committedNano).toBe(40n);
  });

  it('renews a lease that runs short, retiring the old one and giving it back once its requests are done', async () => {
    const billing = new FakeBilling(10_000n);
    const leases = leasesOver(billing);
    await leases.take('a', 'u1', 60n);
    await leases.take('b', 'u1', 60n); // does not fit in what is left (40)
    expect(billing.grants).toHaveLength(2);
    const [first] = [...billing.holds.keys()];
    leases.sweep();
    expect(billing.released).toEqual([]); // the old lease still has a request in flight
    leases.settle('a', Promise.resolve(60n));
    clock += 2000;
    leases.sweep();
    expect(billing.released).toEqual([first]);
  });

  it('gives back what its leases left unused before refusing a request the balance still covers', async () => {
    const billing = new FakeBilling(35n);
    const leases = leasesOver(billing);
    // lease 1: half of 35 (17), one request of 10; lease 2: the minimum 10 of the 18 left; then 8 left
    await leases.take('a', 'u1', 10n);
    await leases.take('b', 'u1', 10n);
    // the third fits only once lease 1's unused 7 goes back: 15 available
    await leases.take('c', 'u1', 10n);
    await expect(leases.take('d', 'u1', 10n)).rejects.toMatchObject({ code: 'insufficient_quota' });
    const held = [...billing.holds.values()].reduce((s, v) => s + v, 0n);
    expect(held).toBeLessThanOrEqual(35n);
    expect(leases.held().reduce((s, l) => s + l.committedNano, 0n)).toBe(30n);
  });

  it("asks for a lease as large as one request's worst case when that exceeds the usual size", async () => {
    const billing = new FakeBilling(10_000n);
    await leasesOver(billing).take('big', 'u1', 500n);
    expect(billing.grants).toEqual([{ target: 500n, minimum: 500n }]);
  });

  it('refuses a request billing cannot cover even on its own, leaving nothing taken', async () => {
    const billing = new FakeBilling(30n);
    const leases = leasesOver(billing);
    await expect(leases.take('a', 'u1', 40n)).rejects.toMatchObject({ code: 'insufficient_quota' });
    expect(leases.held()).toEqual([]);
    expect(leases.settle('a', Promise.resolve(1n))).toBeNull();
  });

  it('takes exactly what the balance covers, however many requests arrive at once', async () => {
    const billing = new FakeBilling(1000n);
    const leases = leasesOver(billing, 300n);
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => leases.take(`r${i}`, 'u1', 100n)));
    const taken = results.filter((r) => r.status === 'fulfilled').length;
    expect(taken).toBe(10);
    const committed = leases.held().reduce((s, l) => s + l.committedNano, 0n);
    expect(committed).toBe(BigInt(taken) * 100n);
    expect([...billing.holds.values()].reduce((s, v) => s + v, 0n)).toBeLessThanOrEqual(1000n);
  });

  it('gives back a lease that idles, and stops using one that is too old', async () => {
    const billing = new FakeBilling(10_000n);
    const leases = leasesOver(billing);
    await leases.take('a', 'u1', 10n);
    leases.settle('a', Promise.resolve(10n));
    clock += 4000;
    leases.sweep();
    expect(billing.released).toHaveLength(0);
    clock += 1000;
    leases.sweep(); // idle for 5 s: retired
    leases.sweep(); // and, nothing in flight, given back
    await tick();
    expect(billing.released).toHaveLength(1);
    expect(leases.held()).toEqual([]);

    await leases.take('b', 'u2', 10n);
    clock += 30_000;
    await leases.take('c', 'u2', 10n); // the old lease is past its age: a new one
    expect(billing.grants).toHaveLength(3);
  });

  it('gives every lease back on shutdown', async () => {
    const billing = new FakeBilling(10_000n);
    const leases = leasesOver(billing);
    await leases.take('a', 'u1', 10n);
    await leases.take('b', 'u2', 10n);
    leases.releaseAll();
    await tick();
    expect(billing.released).toHaveLength(2);
    expect(billing.holds.size).toBe(0);
  });

  it('stops serving a user from a lease once billing says they owe debt, and asks billing again', async () => {
    const billing = new FakeBilling(10_000n);
    const leases = leasesOver(billing);
    await leases.take('before', 'u1', 10n);
    leases.revoke('u1');
    // billing now refuses this user (debt): the money the old lease still has must not serve them
    billing.balance = 0n;
    billing.holds.clear();
    await expect(leases.take('after', 'u1', 10n)).rejects.toMatchObject({ code: 'insufficient_quota' });
    // asked, gave back what the old lease had unused, asked once more: refused each time
    expect(billing.grants).toHaveLength(3);
    expect(leases.held()).toEqual([{ userId: 'u1', grantedNano: 10n, committedNano: 10n, inFlight: 1 }]);
    // the request in flight finishes on the old lease, which then goes back
    leases.settle('before', Promise.resolve(10n));
    clock += 10_000;
    leases.sweep();
    await tick();
    expect(billing.released).toHaveLength(1);
  });

  describe('while billing cannot be reached (its database is down)', () => {
    it('keeps serving from a lease past its age, within the outage grace and what it was granted, then refuses as billing did', async () => {
      const billing = new FakeBilling(10_000n);
      const leases = leasesOver(billing);
      await leases.take('a', 'u1', 10n);
      leases.settle('a', Promise.resolve(10n));
      billing.unreachable = true;
      clock += 31_000; // past the lease's 30 s
      leases.sweep(); // retired for its age
      await leases.take('b', 'u1', 10n);
      leases.settle('b', Promise.resolve(10n));
      clock += 500;
      await leases.take('c', 'u1', 10n); // within a second of the failed renewal: billing is not asked again
      expect(billing.grants).toHaveLength(2);
      expect(leases.held()).toEqual([{ userId: 'u1', grantedNano: 100n, committedNano: 30n, inFlight: 1 }]);
      // at most what the lease was granted
      await expect(leases.take('big', 'u1', 71n)).rejects.toMatchObject({ code: 'service_unavailable' });
      // past the grace (30 s + 60 s of age): refused as the renewal was
      clock += 60_000;
      await expect(leases.take('d', 'u1', 10n)).rejects.toMatchObject({ code: 'service_unavailable' });
    });

    it('keeps a lease whose release billing could not take, serves from it, and gives it back once billing answers', async () => {
      const billing = new FakeBilling(10_000n);
      const leases = leasesOver(billing);
      await leases.take('a', 'u1', 10n);
      leases.settle('a', Promise.resolve(10n));
      billing.unreachable = true;
      clock += 5000;
      leases.sweep(); // idle: retired, and its release fails
      leases.sweep();
      await tick();
      expect(billing.released).toEqual([]);
      await leases.take('b', 'u1', 10n);
      leases.settle('b', Promise.resolve(10n));
      expect(leases.held()).toEqual([{ userId: 'u1', grantedNano: 100n, committedNano: 20n, inFlight: 0 }]);
      billing.unreachable = false;
      clock += 5000;
      leases.sweep();
      await tick();
      expect(billing.released).toHaveLength(1);
      expect(leases.held()).toEqual([]);
    });

    it('never serves a user billing said owes debt, nor a user with no lease held', async () => {
      const billing = new FakeBilling(10_000n);
      const leases = leasesOver(billing);
      await leases.take('a', 'u1', 10n);
      leases.revoke('u1');
      billing.unreachable = true;
      await expect(leases.take('b', 'u1', 10n)).rejects.toMatchObject({ code: 'service_unavailable' });
      await expect(leases.take('c', 'u2', 10n)).rejects.toMatchObject({ code: 'service_unavailable' });
    });
  });
});
