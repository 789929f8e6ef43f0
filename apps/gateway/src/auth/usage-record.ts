export const RATE_WINDOW_MS = 60_000;
/** Requests are counted in one-second slots; slot numbers are unix seconds. */
export const SLOT_MS = 1000;
/**
 * A request counts in its own slot and the 60 after it, so it is counted for between 60 and 61 s:
 * two requests less than 60 s apart always see each other, which keeps "at most N in any 60 s".
 */
export const SLOTS_COUNTED = RATE_WINDOW_MS / SLOT_MS + 1;
/** A replica hands back its lease's unused part within this long after the lease's slot ends. */
export const HANDBACK_GRACE_MS = 400;

/**
 * One user's shared usage: requests granted or leased, per slot, and which replicas hold a lease
 * (a replica holds at most one lease per user, valid only inside the slot it was taken in).
 * O(1) in the limit: at most 61 slot counts and one lease entry per replica.
 */
export interface UsageRecord {
  /** [slot, count], oldest first */
  slots: [number, number][];
  /** [replica, slot] */
  leases: [string, number][];
}

export function slotOf(ms: number): number {
  return Math.floor(ms / SLOT_MS);
}

export function emptyRecord(): UsageRecord {
  return { slots: [], leases: [] };
}

function slotEndMs(slot: number): number {
  return (slot + 1) * SLOT_MS;
}

/** A copy without the slots that no longer count at `slot` and the lease entries whose hand-back is overdue. */
export function pruned(record: UsageRecord, nowMs: number): UsageRecord {
  const oldest = slotOf(nowMs) - SLOTS_COUNTED + 1;
  return {
    slots: record.slots.filter(([slot, count]) => slot >= oldest && count > 0).map(([slot, count]) => [slot, count]),
    leases: record.leases.filter(([, slot]) => nowMs < slotEndMs(slot) + HANDBACK_GRACE_MS).map(([replica, slot]) => [replica, slot]),
  };
}

/** Requests granted or leased that count at `slot` (slots ahead of it included: replicas' clocks differ a little). */
export function counted(record: UsageRecord, slot: number): number {
  const oldest = slot - SLOTS_COUNTED + 1;
  let total = 0;
  for (const [s, count] of record.slots) if (s >= oldest) total += count;
  return total;
}

/** Adds `units` to `slot` and records that `replica` leases them (replacing its previous entry). */
export function lease(record: UsageRecord, replica: string, slot: number, units: number, withEntry: boolean): void {
  const existing = record.slots.find(([s]) => s === slot);
  if (existing) existing[1] += units;
  else {
    record.slots.push([slot, units]);
    record.slots.sort((a, b) => a[0] - b[0]);
  }
  record.leases = record.leases.filter(([r]) => r !== replica);
  if (withEntry) record.leases.push([replica, slot]);
}

/** Gives back the unused part of `replica`'s lease from `slot`, and drops its entry. */
export function handBack(record: UsageRecord, replica: string, slot: number, unused: number): void {
  record.leases = record.leases.filter(([r, s]) => !(r === replica && s === slot));
  const existing = record.slots.find(([s]) => s === slot);
  if (existing) existing[1] = Math.max(0, existing[1] - unused);
}

/** When the hand-backs of other replicas' leases are due: the latest end of their slots plus the grace (null if none). */
export function othersHandBackDueMs(record: UsageRecord, replica: string, nowMs: number): number | null {
  let due: number | null = null;
  for (const [r, slot] of record.leases) {
    const at = slotEndMs(slot) + HANDBACK_GRACE_MS;
    if (r !== replica && at > nowMs) due = Math.max(due ?? 0, at);
  }
  return due;
}

/** The unix second at which the oldest counted request stops counting. */
export function oldestResetSeconds(record: UsageRecord, slot: number): number {
  const oldest = slot - SLOTS_COUNTED + 1;
  const first = record.slots.find(([s, count]) => s >= oldest && count > 0);
  return ((first ? first[0] : slot) + SLOTS_COUNTED) * (SLOT_MS / 1000);
}

/** The unix second at which enough requests stop counting for one more to fit under `limit`. */
export function freeSlotResetSeconds(record: UsageRecord, slot: number, limit: number): number {
  const oldest = slot - SLOTS_COUNTED + 1;
  let left = counted(record, slot);
  for (const [s, count] of record.slots) {
    if (s < oldest) continue;
    left -= count;
    if (left < limit) return (s + SLOTS_COUNTED) * (SLOT_MS / 1000);
  }
  return (slot + SLOTS_COUNTED) * (SLOT_MS / 1000);
}
