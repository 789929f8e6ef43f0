import { BatchScheduler, delayAfterRound } from './batch-scheduler';

const intervals = { pollMs: 200, idlePollMs: 2000 };

describe('delayAfterRound (when the runner looks for work next)', () => {
  it('looks again at once when woken during the round, busy or not', () => {
    expect(delayAfterRound(true, true, intervals)).toBe(0);
    expect(delayAfterRound(false, true, intervals)).toBe(0);
  });

  it('polls at the poll interval while there is work, at the idle interval once there is none', () => {
    expect(delayAfterRound(true, false, intervals)).toBe(200);
    expect(delayAfterRound(false, false, intervals)).toBe(2000);
  });

  it('never polls an idle replica more often than a busy one', () => {
    expect(delayAfterRound(false, false, { pollMs: 500, idlePollMs: 100 })).toBe(500);
  });
});

describe('BatchScheduler', () => {
  let scheduler: BatchScheduler;
  let rounds: number;
  let busy: boolean;
  /** each round waits until the test lets it end */
  let endRound: (() => void) | null;

  /** lets the promise callbacks of a finished round run, without moving the clock */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    rounds = 0;
    busy = true;
    endRound = null;
    scheduler = new BatchScheduler(() => {
      rounds++;
      return new Promise<boolean>((resolve) => (endRound = () => resolve(busy)));
    }, intervals);
  });

  afterEach(() => {
    scheduler.stop();
    jest.useRealTimers();
  });

  it('runs a round as soon as it is woken, then every poll interval while busy', async () => {
    scheduler.wake();
    jest.advanceTimersByTime(0);
    expect(rounds).toBe(1);
    expect(scheduler.roundRunning).toBe(true);
    endRound!();
    await settle();
    expect(scheduler.roundRunning).toBe(false);
    jest.advanceTimersByTime(199);
    expect(rounds).toBe(1);
    jest.advanceTimersByTime(1);
    expect(rounds).toBe(2);
  });

  it('waits the idle interval after a round that found nothing, unless woken meanwhile', async () => {
    busy = false;
    scheduler.wake();
    jest.advanceTimersByTime(0);
    endRound!();
    await settle();
    jest.advanceTimersByTime(1999);
    expect(rounds).toBe(1);
    scheduler.wake();
    jest.advanceTimersByTime(0);
    expect(rounds).toBe(2);
    endRound!();
    await settle();
    jest.advanceTimersByTime(2000);
    expect(rounds).toBe(3);
  });

  it('a wake-up during a round starts another right after it, never two at once', async () => {
    scheduler.wake();
    jest.advanceTimersByTime(0);
    scheduler.wake();
    scheduler.wake();
    jest.advanceTimersByTime(1000);
    expect(rounds).toBe(1);
    endRound!();
    await settle();
    jest.advanceTimersByTime(0);
    expect(rounds).toBe(2);
    endRound!();
    await settle();
    jest.advanceTimersByTime(199);
    expect(rounds).toBe(2);
  });

  it('starts no round once stopped, and lets the one under way finish', async () => {
    scheduler.wake();
    jest.advanceTimersByTime(0);
    scheduler.stop();
    expect(scheduler.roundRunning).toBe(true);
    endRound!();
    await settle();
    expect(scheduler.roundRunning).toBe(false);
    scheduler.wake();
    jest.advanceTimersByTime(10_000);
    expect(rounds).toBe(1);
  });
});
