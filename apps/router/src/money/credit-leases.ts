import { randomBytes } from 'crypto';

/** Billing's side of a lease: set money aside (at least `minimumNano`, up to `targetNano`), or give the rest back. */
export interface LeaseGrantor {
  /** the amount granted; throws (insufficient_quota) when not even the minimum fits */
  grant(leaseId: string, userId: string, targetNano: bigint, minimumNano: bigint): Promise<bigint>;
  /** gives back part of a lease, keeping the rest held */
  shrink(leaseId: string, amountNano: bigint): Promise<void>;
  /** gives the whole lease back; rejects when billing could not be told (the hold then stays until it expires) */
  release(leaseId: string): Promise<void>;
}

export interface CreditLeaseOptions {
  /** how much one lease asks for (more if one request's worst case needs more) */
  leaseNano: bigint;
  /** a lease takes no new requests after this long, so its hold never expires under them */
  maxAgeMs: number;
  /** a lease no request used for this long is given back, so money is not parked where it idles */
  idleMs: number;
  /**
   * While billing cannot be reached (its database is down), a lease keeps serving its user's requests
   * for this long past `maxAgeMs`, within what it was granted; billing's hold must outlive it too.
   */
  outageGraceMs: number;
  /** names this replica's leases */
  owner: string;
  now?: () => number;
}

interface Lease {
  id: string;
  userId: string;
  grantedNano: bigint;
  /** worst cases of the requests in flight plus the costs of those that finished */
  committedNano: bigint;
  inFlight: number;
  createdAt: number;
  lastUsedAt: number;
  /** the user owes debt: never again, not even while billing is unreachable */
  revoked: boolean;
  /** being given back; a release billing could not take is tried again after `releaseRetryAt` */
  releasing: boolean;
  releaseRetryAt: number;
}

interface Ticket {
  lease: Lease;
  worstNano: bigint;
}

/**
 * Credit leases: instead of asking billing to hold each request's worst case (a Postgres row
 * lock and a round trip per request), a router replica holds a larger amount per user and
 * sub-allocates it locally. The lease is an ordinary billing hold, and requests' usage events
 * draw their actual cost from it (`prepaidBy`), so money is never spent twice: a request takes
 * its worst case from the lease, gives back the difference when its cost is known, and a
 * request that does not fit waits for a new lease. When billing refuses one, the unused part of
 * the user's leases goes back first and billing is asked once more, so leases never refuse a
 * request the balance covers; billing refuses when it cannot cover even that one request.
 * While billing cannot be reached (a database outage), requests keep drawing on the leases this
 * replica still holds, for up to `outageGraceMs` past their age limit: money billing already set
 * aside, so nothing is spent that was not held.
 */
const UNREACHABLE_RETRY_MS = 1000;

/** Billing answered that it, or its database, cannot be reached now: not a refusal. */
export const billingUnreachable = (error: unknown) => (error as { code?: unknown } | null)?.code === 'service_unavailable';

export class CreditLeases {
  private readonly current = new Map<string, Lease>();
  private readonly renewing = new Map<string, Promise<void>>();
  /** leases that take no new requests, given back once their requests are done */
  private readonly retired = new Set<Lease>();
  private readonly tickets = new Map<string, Ticket>();
  private sequence = 0;
  private readonly now: () => number;
  /** after a renewal found billing unreachable, requests draw on the leases still held without asking again until `until` */
  private unreachable: { until: number; error: unknown } = { until: 0, error: null };

  constructor(
    private readonly grantor: LeaseGrantor,
    private readonly options: CreditLeaseOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Sets `worstNano` aside for this request from the user's lease, renewing the lease when it runs short. */
  async take(requestId: string, userId: string, worstNano: bigint): Promise<void> {
    if (this.tickets.has(requestId)) return; // the same request asking again keeps what it took
    for (;;) {
      const lease = this.current.get(userId);
      if (lease && this.usable(lease) && lease.grantedNano - lease.committedNano >= worstNano) {
        lease.committedNano += worstNano;
        lease.inFlight++;
        lease.lastUsedAt = this.now();
        this.tickets.set(requestId, { lease, worstNano });
        return;
      }
      if (this.now() < this.unreachable.until) return this.takeDuringOutage(requestId, userId, worstNano, this.unreachable.error);
      const renewal = this.renewing.get(userId);
      if (renewal) {
        // another request is already asking billing; if that fails, this one asks for itself
        await renewal.catch(() => undefined);
        continue;
      }
      try {
        await this.renew(userId, worstNano);
      } catch (error) {
        if (!billingUnreachable(error)) throw error;
        this.unreachable = { until: this.now() + UNREACHABLE_RETRY_MS, error };
        return this.takeDuringOutage(requestId, userId, worstNano, error);
      }
    }
  }

  /**
   * Billing cannot be reached: the request draws on a lease this replica still holds for the user (too
   * old for new requests in normal times, but within `outageGraceMs`, so billing's hold still covers it),
   * or fails as the renewal did.
   */
  private takeDuringOutage(requestId: string, userId: string, worstNano: bigint, error: unknown): void {
    const now = this.now();
    const held = [...this.current.values(), ...this.retired].find(
      (l) =>
        l.userId === userId &&
        !l.revoked &&
        !l.releasing &&
        now - l.createdAt < this.options.maxAgeMs + this.options.outageGraceMs &&
        l.grantedNano - l.committedNano >= worstNano,
    );
    if (!held) throw error;
    held.committedNano += worstNano;
    held.inFlight++;
    held.lastUsedAt = now;
    this.tickets.set(requestId, { lease: held, worstNano });
  }

  /**
   * The request finished: returns the lease its usage draws on (`prepaidBy`), or null when it
   * took nothing. Its worst case stays committed until its cost is known, then the cost replaces it.
   */
  settle(requestId: string, cost: Promise<bigint | null>): string | null {
    const ticket = this.finish(requestId);
    if (!ticket) return null;
    cost.then(
      (costNano) => {
        if (costNano !== null) ticket.lease.committedNano += costNano - ticket.worstNano;
      },
      () => undefined,
    );
    return ticket.lease.id;
  }

  /** The request ended without usage: its worst case goes back to the lease. */
  cancel(requestId: string): void {
    const ticket = this.finish(requestId);
    if (ticket) ticket.lease.committedNano -= ticket.worstNano;
  }

  /** Retires leases that are too old and gives back those that idle; run every second or so. */
  sweep(): void {
    const now = this.now();
    for (const lease of this.current.values()) {
      if (now - lease.createdAt >= this.options.maxAgeMs) this.retire(lease);
      else if (lease.inFlight === 0 && now - lease.lastUsedAt >= this.options.idleMs) this.retire(lease);
    }
    for (const lease of this.retired) {
      // a short grace after the last request, so its usage event reaches billing while the lease still holds
      if (lease.releasing || now < lease.releaseRetryAt) continue;
      if (lease.inFlight === 0 && now - lease.lastUsedAt >= Math.min(this.options.idleMs, 2000)) {
        lease.releasing = true;
        this.grantor.release(lease.id).then(
          () => this.retired.delete(lease),
          (error) => {
            lease.releasing = false;
            // billing still holds it: kept, to serve during the outage and to be given back once billing answers
            if (billingUnreachable(error)) lease.releaseRetryAt = this.now() + this.options.idleMs;
            else this.retired.delete(lease);
          },
        );
      }
    }
  }

  /**
   * The user owes debt: their current lease takes no new requests (those in flight finish on it), so
   * the next request asks billing, which refuses while the debt is owed.
   */
  revoke(userId: string): void {
    for (const lease of [...this.current.values(), ...this.retired]) if (lease.userId === userId) lease.revoked = true;
    const lease = this.current.get(userId);
    if (lease) this.retire(lease);
  }

  /** Gives every lease back (shutting down); requests still in flight are billed without a hold. */
  releaseAll(): void {
    for (const lease of [...this.current.values(), ...this.retired]) this.grantor.release(lease.id).catch(() => undefined);
    this.current.clear();
    this.retired.clear();
  }

  /** Leases this replica holds now (for tests and health). */
  held(): { userId: string; grantedNano: bigint; committedNano: bigint; inFlight: number }[] {
    return [...this.current.values(), ...this.retired].map(({ userId, grantedNano, committedNano, inFlight }) => ({
      userId,
      grantedNano,
      committedNano,
      inFlight,
    }));
  }

  private usable(lease: Lease): boolean {
    return this.now() - lease.createdAt < this.options.maxAgeMs;
  }

  private finish(requestId: string): Ticket | null {
    const ticket = this.tickets.get(requestId);
    if (!ticket) return null;
    this.tickets.delete(requestId);
    ticket.lease.inFlight--;
    ticket.lease.lastUsedAt = this.now();
    return ticket;
  }

  private retire(lease: Lease): void {
    if (this.current.get(lease.userId) === lease) this.current.delete(lease.userId);
    this.retired.add(lease);
  }

  private renew(userId: string, worstNano: bigint): Promise<void> {
    const id = `lease_${this.options.owner}_${(++this.sequence).toString(36)}${randomBytes(4).toString('hex')}`;
    const target = worstNano > this.options.leaseNano ? worstNano : this.options.leaseNano;
    const grant = () => this.grantor.grant(id, userId, target, worstNano);
    const renewal = grant()
      .catch(async (error) => {
        if ((error as { code?: unknown })?.code !== 'insufficient_quota' || !(await this.reclaimUnused(userId))) throw error;
        return grant();
      })
      .then((granted) => {
        const previous = this.current.get(userId);
        if (previous) this.retire(previous);
        const now = this.now();
        this.current.set(userId, {
          id,
          userId,
          grantedNano: granted,
          committedNano: 0n,
          inFlight: 0,
          createdAt: now,
          lastUsedAt: now,
          revoked: false,
          releasing: false,
          releaseRetryAt: 0,
        });
      });
    this.renewing.set(userId, renewal);
    return renewal.finally(() => this.renewing.delete(userId));
  }

  /** Gives the money no request has taken from this user's leases back to billing; false if there was none. */
  private async reclaimUnused(userId: string): Promise<boolean> {
    const unused = [...this.current.values(), ...this.retired].filter((l) => l.userId === userId && l.grantedNano > l.committedNano);
    await Promise.all(
      unused.map((lease) => {
        const amount = lease.grantedNano - lease.committedNano;
        lease.grantedNano -= amount;
        return this.grantor.shrink(lease.id, amount);
      }),
    );
    return unused.length > 0;
  }
}
