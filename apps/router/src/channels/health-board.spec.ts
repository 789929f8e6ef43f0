import type { ChannelType } from '@switchyard/contracts';
import { CallOutcome, HealthBoard } from './health-board';

describe('HealthBoard (circuit breaker per channel and model)', () => {
  const settings = { failureThreshold: 3, windowMs: 10_000, cooldownMs: 5_000, minCallers: 2 };
  const callers = ['u1', 'u2'];

  /** Records an outcome; failures come from alternating callers unless one is named. */
  function record(
    board: HealthBoard,
    channelId: string,
    outcome: CallOutcome,
    at: number,
    opts: { model?: string; caller?: string; type?: ChannelType } = {},
  ) {
    board.record({
      channelId,
      channelType: opts.type ?? 'PLATFORM',
      model: opts.model ?? 'm',
      callerUserId: opts.caller ?? callers[at % 2],
      outcome,
      at,
    });
  }

  it('opens after the threshold of transient failures inside the window, not outside it', () => {
    const board = new HealthBoard(settings);
    record(board, 'a', 'transient', 0);
    record(board, 'a', 'transient', 11_000); // the first one has left the window
    record(board, 'a', 'transient', 12_001);
    expect(board.state('a', 'm', 12_001)).toBe('closed');
    record(board, 'a', 'transient', 13_000);
    expect(board.state('a', 'm', 13_000)).toBe('open');
    expect(board.admit('a', 'm', 14_000)).toBe(false);
    expect(board.recentFailures('a', 13_000)).toBe(3);
  });

  it("keeps one model's circuit apart from the other models of the same channel", () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'a', 'transient', t, { model: 'broken' });
    expect(board.state('a', 'broken', 3)).toBe('open');
    expect(board.admit('a', 'broken', 3)).toBe(false);
    expect(board.state('a', 'fine', 3)).toBe('closed');
    expect(board.admit('a', 'fine', 3)).toBe(true);
    expect(board.worstState('a', 3)).toBe('open');
    expect(board.worstState('b', 3)).toBe('closed');
  });

  it("never opens a PLATFORM circuit on one caller's failures alone, however many", () => {
    const board = new HealthBoard(settings);
    for (let t = 0; t < 50; t++) record(board, 'a', 'transient', t, { caller: 'mallory' });
    expect(board.state('a', 'm', 50)).toBe('closed');
    expect(board.admit('a', 'm', 50)).toBe(true);
    record(board, 'a', 'transient', 51, { caller: 'alice' });
    expect(board.state('a', 'm', 51)).toBe('open');
  });

  it("opens a PRIVATE channel's circuit on its owner's failures alone (nobody else uses it)", () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'own', 'transient', t, { caller: 'owner', type: 'PRIVATE' });
    expect(board.state('own', 'm', 3)).toBe('open');
  });

  it('lets exactly one probe through after the cooldown; its success closes the circuit', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'a', 'transient', t);
    expect(board.state('a', 'm', 5_001)).toBe('open');
    expect(board.state('a', 'm', 5_003)).toBe('half_open');
    expect(board.admit('a', 'm', 5_003)).toBe(true);
    expect(board.admit('a', 'm', 5_004)).toBe(false);
    record(board, 'a', 'success', 5_100);
    expect(board.state('a', 'm', 5_100)).toBe('closed');
    expect(board.admit('a', 'm', 5_101)).toBe(true);
    expect(board.recentFailures('a', 5_101)).toBe(0);
  });

  it('reopens for another cooldown when probes fail for more than one caller', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'a', 'transient', t);
    expect(board.admit('a', 'm', 6_000)).toBe(true);
    record(board, 'a', 'transient', 6_100, { caller: 'u1' });
    expect(board.admit('a', 'm', 6_150)).toBe(true);
    record(board, 'a', 'transient', 6_200, { caller: 'u2' });
    expect(board.state('a', 'm', 6_300)).toBe('open');
    expect(board.state('a', 'm', 11_199)).toBe('open');
    expect(board.state('a', 'm', 11_201)).toBe('half_open');
  });

  it('one caller failing every probe cannot keep a shared circuit open: the next request probes, and its success closes it', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'a', 'transient', t);
    for (let t = 6_000; t < 6_100; t += 10) {
      expect(board.admit('a', 'm', t)).toBe(true);
      record(board, 'a', 'transient', t + 1, { caller: 'mallory' });
    }
    expect(board.state('a', 'm', 6_100)).toBe('half_open');
    expect(board.admit('a', 'm', 6_100)).toBe(true);
    record(board, 'a', 'success', 6_150, { caller: 'alice' });
    expect(board.state('a', 'm', 6_150)).toBe('closed');
  });

  it("reopens a PRIVATE channel's circuit on its owner's failed probe", () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'own', 'transient', t, { caller: 'owner', type: 'PRIVATE' });
    expect(board.admit('own', 'm', 6_000)).toBe(true);
    record(board, 'own', 'transient', 6_100, { caller: 'owner', type: 'PRIVATE' });
    expect(board.state('own', 'm', 6_200)).toBe('open');
  });

  it('gives a lost probe up after a cooldown, and keeps channels apart', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) record(board, 'a', 'transient', t);
    expect(board.admit('a', 'm', 5_003)).toBe(true);
    expect(board.admit('a', 'm', 9_000)).toBe(false);
    expect(board.admit('a', 'm', 10_004)).toBe(true);
    expect(board.state('b', 'm', 10_004)).toBe('closed');
  });

  it('ignores credential failures (they disable the channel instead) and successes while closed', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2, 3]) record(board, 'a', 'credential', t);
    record(board, 'a', 'success', 4);
    expect(board.state('a', 'm', 5)).toBe('closed');
  });

  it('forgets every model of a channel at once', () => {
    const board = new HealthBoard(settings);
    for (const model of ['x', 'y']) for (const t of [0, 1, 2]) record(board, 'a', 'transient', t, { model });
    board.forget('a');
    expect([board.state('a', 'x', 3), board.state('a', 'y', 3), board.worstState('a', 3)]).toEqual(['closed', 'closed', 'closed']);
    expect(board.recentFailures('a', 3)).toBe(0);
  });

  it("reports each model's circuit, recent failures and last error (the latest, kept after the circuit closes), listed models first", () => {
    const board = new HealthBoard(settings);
    let calls = 0;
    const fail = (at: number, error: string, model = 'm', outcome: CallOutcome = 'transient') =>
      board.record({ channelId: 'a', channelType: 'PLATFORM', model, callerUserId: callers[calls++ % 2], outcome, at, error });
    expect(board.modelHealth('a', ['m', 'n'], 0)).toEqual([
      { model: 'm', circuit: 'closed', recentFailures: 0, lastError: null },
      { model: 'n', circuit: 'closed', recentFailures: 0, lastError: null },
    ]);
    fail(1000, 'HTTP 503: busy');
    fail(3000, 'HTTP 502: bad gateway');
    fail(2000, 'late report of an older failure');
    fail(2500, 'HTTP 401: bad key', '(files)', 'credential');
    expect(board.modelHealth('a', ['m', 'n'], 3000)).toEqual([
      { model: 'm', circuit: 'open', recentFailures: 3, lastError: { message: 'HTTP 502: bad gateway', at: 3000 } },
      { model: 'n', circuit: 'closed', recentFailures: 0, lastError: null },
      { model: '(files)', circuit: 'closed', recentFailures: 0, lastError: { message: 'HTTP 401: bad key', at: 2500 } },
    ]);
    record(board, 'a', 'success', 9000);
    board.forget('a');
    expect(board.modelHealth('a', ['m'], 9000)[0]).toEqual({
      model: 'm',
      circuit: 'closed',
      recentFailures: 0,
      lastError: { message: 'HTTP 502: bad gateway', at: 3000 },
    });
    board.remove('a');
    expect(board.modelHealth('a', ['m'], 9000)).toEqual([{ model: 'm', circuit: 'closed', recentFailures: 0, lastError: null }]);
  });
});
