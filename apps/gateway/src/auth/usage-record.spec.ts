import {
  counted,
  emptyRecord,
  freeSlotResetSeconds,
  handBack,
  lease,
  oldestResetSeconds,
  othersHandBackDueMs,
  pruned,
  slotOf,
  UsageRecord,
} from './usage-record';

const at = (seconds: number, ms = 0) => seconds * 1000 + ms;

describe('usage record (one-second slots)', () => {
  it('counts a request in its own slot and the 60 after it, so two requests under 60 s apart always see each other', () => {
    const record = emptyRecord();
    lease(record, 'a', slotOf(at(100, 999)), 1, false);
    expect(counted(record, 100)).toBe(1);
    expect(counted(record, 160)).toBe(1); // 59.001 s later: still counted
    expect(counted(record, 161)).toBe(0);
  });

  it('adds leases to their slot, keeps slots in order, and keeps one entry per replica', () => {
    const record = emptyRecord();
    lease(record, 'a', 105, 4, true);
    lease(record, 'b', 101, 2, true);
    lease(record, 'a', 105, 3, true);
    expect(record.slots).toEqual([
      [101, 2],
      [105, 7],
    ]);
    expect(record.leases).toEqual([
      ['b', 101],
      ['a', 105],
    ]);
    lease(record, 'b', 105, 1, false);
    expect(record.leases).toEqual([['a', 105]]);
  });

  it('takes a hand-back off its slot and drops the lease entry; a slot never goes below zero', () => {
    const record: UsageRecord = {
      slots: [[100, 5]],
      leases: [
        ['a', 100],
        ['b', 100],
      ],
    };
    handBack(record, 'a', 100, 3);
    expect(record).toEqual({ slots: [[100, 2]], leases: [['b', 100]] });
    handBack(record, 'b', 100, 9);
    expect(record).toEqual({ slots: [[100, 0]], leases: [] });
    handBack(record, 'c', 99, 1); // a slot already pruned: nothing to take off
    expect(record.slots).toEqual([[100, 0]]);
  });

  it('prunes slots that no longer count, empty slots, and lease entries whose hand-back is overdue, without touching the original', () => {
    const record: UsageRecord = {
      slots: [
        [39, 1],
        [40, 2],
        [41, 0],
        [100, 1],
      ],
      leases: [
        ['a', 99],
        ['b', 100],
      ],
    };
    const copy = pruned(record, at(100, 500));
    expect(copy).toEqual({
      slots: [
        [40, 2],
        [100, 1],
      ],
      leases: [['b', 100]],
    });
    expect(pruned(record, at(100, 399)).leases).toEqual([
      ['a', 99],
      ['b', 100],
    ]);
    copy.slots[0][1] = 99;
    expect(record.slots[1]).toEqual([40, 2]);
  });

  it("counts slots ahead of the clock (another replica's clock runs a little fast)", () => {
    expect(counted({ slots: [[101, 3]], leases: [] }, 100)).toBe(3);
  });

  it('knows when other replicas owe a hand-back', () => {
    const record: UsageRecord = {
      slots: [],
      leases: [
        ['me', 100],
        ['a', 100],
        ['b', 99],
      ],
    };
    expect(othersHandBackDueMs(record, 'me', at(100, 10))).toBe(at(101, 400));
    expect(othersHandBackDueMs(record, 'me', at(101, 400))).toBeNull();
    expect(othersHandBackDueMs({ slots: [], leases: [['me', 100]] }, 'me', at(100))).toBeNull();
  });

  it('resets when the oldest counted request stops counting, and a refusal when enough have stopped for one more', () => {
    const record: UsageRecord = {
      slots: [
        [50, 0],
        [60, 2],
        [70, 3],
        [100, 1],
      ],
      leases: [],
    };
    expect(oldestResetSeconds(record, 100)).toBe(121);
    expect(oldestResetSeconds(emptyRecord(), 100)).toBe(161);
    expect(freeSlotResetSeconds(record, 100, 6)).toBe(121); // 6 counted: one slot of 2 leaving frees room
    expect(freeSlotResetSeconds(record, 100, 4)).toBe(131); // 6 counted: 2 leave at 121 (4 left), 3 more at 131
    expect(freeSlotResetSeconds(record, 100, 1)).toBe(161);
  });
});
