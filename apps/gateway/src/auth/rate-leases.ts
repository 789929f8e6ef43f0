import {
  counted,
  emptyRecord,
  freeSlotResetSeconds,
  handBack,
  lease,
  oldestResetSeconds,
  othersHandBackDueMs,
  pruned,
  RATE_WINDOW_MS,
  slotOf,
  SLOT_MS,
  UsageRecord,
} from './usage-record';

export interface StoredUsage {
  record: UsageRecord | null;
  revision: number;
}

/** Where every replica's usage records live (JetStream KV in production). */
export interface UsageStore {
  read(userId: string): Promise<StoredUsage | null>;
  /** Writes only if the stored revision is still `revision` (null: nothing stored yet); the new revision, or null on a conflict. */
  write(userId: string, record: UsageRecord, revision: number | null): Promise<number | null>;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** see docs/architecture.md: exact for a single replica, otherwise this replica's view */
  remaining: number;
  /** unix seconds when a slot frees up */
  reset: number;
  /** seconds to wait, when refused */
  retryAfter: number | null;
}

export interface RateLeaseOptions {
  /** names this replica's leases in the shared records */
  replica: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** a lease takes at most this share of what is still free (4: a quarter), so blocks shrink as the window fills */
  shareDivisor?: number;
  /** conflicts with other replicas before a request gives up */
  maxAttempts?: number;
}

interface Lease {
  slot: number;
  limit: number;
  granted: number;
  used: number;
  /** what the shared record counted right after this lease was taken (the lease included) */
  counted: number;
  resetSeconds: number;
}

interface Debt {
  slot: number;
  units: number;
}

interface UserState {
  /** the record as this replica last read or wrote it */
  known: StoredUsage | null;
  lease: Lease | null;
  /** unused parts of closed leases, not yet back in the shared record */
  owed: Debt[];
  queue: Promise<unknown>;
  waiting: number;
  touchedAt: number;
  /** requests this replica granted in `grantSlot` and in the slot before it (sizes the next lease) */
  grantSlot: number;
  grants: number;
  previousGrants: number;
}

export class RateLimitContention extends Error {}

/**
 * Requests per minute per user, exact across replicas, without a store round trip for most requests.
 *
 * Each user has one shared record (`UsageRecord`): counts per one-second slot. A replica takes a block
 * of the user's free capacity with one compare-and-set, counting the whole block in the current slot,
 * and grants from it locally until the slot ends. A block is at most a quarter of what is free, so
 * blocks shrink as the window fills and the last requests are granted one at a time. When the slot
 * ends, the unused part goes back (`sweep`, or the next compare-and-set), so other replicas can use
 * it. A replica refuses only when the record is full; if another replica holds a lease at that
 * moment, it first waits once for that lease's hand-back.
 */
export class RateLeases {
  private readonly users = new Map<string, UserState>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly shareDivisor: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: UsageStore,
    private readonly options: RateLeaseOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.shareDivisor = options.shareDivisor ?? 4;
    this.maxAttempts = options.maxAttempts ?? 50;
  }

  /** Counts one request against `limit` requests per minute; refusals are returned, not thrown. */
  acquire(userId: string, limit: number): RateDecision | Promise<RateDecision> {
    const user = this.user(userId);
    const local = this.fromLease(user, limit);
    if (local) return local;
    user.waiting++;
    return this.serialized(user, () => {
      user.waiting--;
      return this.fromLease(user, limit) ?? this.fromStore(userId, user, limit);
    });
  }

  /** Closes leases whose slot has ended and gives back their unused part; run a few times a second. */
  async sweep(): Promise<void> {
    const now = this.now();
    const slot = slotOf(now);
    const work: Promise<unknown>[] = [];
    for (const [userId, user] of this.users) {
      if (user.lease && user.lease.slot < slot) this.close(user);
      if (user.owed.length > 0) work.push(this.serialized(user, () => this.giveBack(userId, user)).catch(() => undefined));
      else if (!user.lease && user.waiting === 0 && now - user.touchedAt > RATE_WINDOW_MS + 2 * SLOT_MS) this.users.delete(userId);
    }
    await Promise.all(work);
  }

  /** Gives every lease back (shutting down). */
  async releaseAll(): Promise<void> {
    for (const user of this.users.values()) this.close(user);
    const work = [...this.users].map(([userId, user]) => this.serialized(user, () => this.giveBack(userId, user)).catch(() => undefined));
    await Promise.all(work);
  }

  /** Units this replica holds but has not granted, per user, in slots that still count (for tests and health). */
  unused(userId: string): number {
    const user = this.users.get(userId);
    if (!user) return 0;
    const oldest = slotOf(this.now()) - RATE_WINDOW_MS / SLOT_MS;
    const open = user.lease && user.lease.slot >= oldest ? user.lease.granted - user.lease.used : 0;
    return open + user.owed.filter((debt) => debt.slot >= oldest).reduce((sum, debt) => sum + debt.units, 0);
  }

  private user(userId: string): UserState {
    let user = this.users.get(userId);
    if (!user) {
      user = {
        known: null,
        lease: null,
        owed: [],
        queue: Promise.resolve(),
        waiting: 0,
        touchedAt: 0,
        grantSlot: 0,
        grants: 0,
        previousGrants: 0,
      };
      this.users.set(userId, user);
    }
    user.touchedAt = this.now();
    return user;
  }

  private fromLease(user: UserState, limit: number): RateDecision | null {
    const lease = user.lease;
    if (!lease || lease.used >= lease.granted || lease.limit !== limit || lease.slot !== slotOf(this.now())) return null;
    lease.used++;
    this.countGrant(user, lease.slot);
    return this.granted(lease);
  }

  private countGrant(user: UserState, slot: number): void {
    if (user.grantSlot !== slot) {
      user.previousGrants = user.grantSlot === slot - 1 ? user.grants : 0;
      user.grantSlot = slot;
      user.grants = 0;
    }
    user.grants++;
  }

  private granted(lease: Lease): RateDecision {
    return {
      allowed: true,
      limit: lease.limit,
      remaining: Math.max(0, lease.limit - lease.counted + lease.granted - lease.used),
      reset: lease.resetSeconds,
      retryAfter: null,
    };
  }

  private serialized<T>(user: UserState, task: () => Promise<T> | T): Promise<T> {
    const next = user.queue.then(task, task);
    user.queue = next.catch(() => undefined);
    return next;
  }

  /** The lease takes no more requests; its unused part is owed to the shared record. */
  private close(user: UserState): void {
    const lease = user.lease;
    if (!lease) return;
    user.lease = null;
    const unused = lease.granted - lease.used;
    // a lease of one was used at once and has no entry in the record; a larger one's entry must go, even when used up
    if (lease.granted > 1) user.owed = [...user.owed, { slot: lease.slot, units: unused }];
  }

  /** Applies what this replica owes to a fresh copy of the record; debts from slots that no longer count are dropped. */
  private withDebtsPaid(user: UserState, base: StoredUsage, now: number): UsageRecord {
    const record = pruned(base.record ?? emptyRecord(), now);
    const oldest = slotOf(now) - RATE_WINDOW_MS / SLOT_MS;
    user.owed = user.owed.filter((debt) => debt.slot >= oldest);
    for (const debt of user.owed) handBack(record, this.options.replica, debt.slot, debt.units);
    return record;
  }

  private async fromStore(userId: string, user: UserState, limit: number): Promise<RateDecision> {
    this.close(user);
    let waited = false;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const now = this.now();
      const slot = slotOf(now);
      const fresh = !user.known;
      const base = user.known ?? (await this.read(userId, user));
      const paying = user.owed;
      const record = this.withDebtsPaid(user, base, now);
      const free = limit - counted(record, slot);
      if (free <= 0) {
        if (!fresh) {
          user.known = null; // a refusal is decided on a record read just now, not on one this replica wrote earlier
          continue;
        }
        const due = othersHandBackDueMs(record, this.options.replica, now);
        if (due !== null && !waited) {
          waited = true;
          await this.sleep(due - now);
          user.known = null;
          continue;
        }
        if (paying.length > 0 && (await this.write(userId, user, record, base.revision)))
          user.owed = user.owed.filter((debt) => !paying.includes(debt));
        const reset = freeSlotResetSeconds(record, slot, limit);
        return { allowed: false, limit, remaining: 0, reset, retryAfter: Math.max(1, Math.ceil((reset * 1000 - now) / 1000)) };
      }
      const demand = Math.max(
        4,
        2 * (user.waiting + 1),
        user.grantSlot === slot ? user.grants : user.grantSlot === slot - 1 ? user.grants : user.previousGrants,
      );
      const units = Math.max(1, Math.min(Math.floor(free / this.shareDivisor), demand));
      lease(record, this.options.replica, slot, units, units > 1);
      if (!(await this.write(userId, user, record, base.revision))) continue;
      user.owed = user.owed.filter((debt) => !paying.includes(debt));
      const taken: Lease = {
        slot,
        limit,
        granted: units,
        used: 1,
        counted: counted(record, slot),
        resetSeconds: oldestResetSeconds(record, slot),
      };
      user.lease = taken;
      this.countGrant(user, slot);
      return this.granted(taken);
    }
    throw new RateLimitContention(`rate limit for ${userId}: too much contention`);
  }

  private async read(userId: string, user: UserState): Promise<StoredUsage> {
    const stored = (await this.store.read(userId)) ?? { record: null, revision: 0 };
    user.known = stored;
    return stored;
  }

  private async write(userId: string, user: UserState, record: UsageRecord, revision: number): Promise<boolean> {
    const written = await this.store.write(userId, record, revision === 0 ? null : revision);
    user.known = written === null ? null : { record, revision: written };
    return written !== null;
  }

  private async giveBack(userId: string, user: UserState): Promise<void> {
    for (let attempt = 0; attempt < this.maxAttempts && user.owed.length > 0; attempt++) {
      const now = this.now();
      const base = user.known ?? (await this.read(userId, user));
      const paying = user.owed;
      const record = this.withDebtsPaid(user, base, now);
      if (await this.write(userId, user, record, base.revision)) {
        user.owed = user.owed.filter((debt) => !paying.includes(debt));
        return;
      }
    }
  }
}
