import { HealthBoard } from './health-board';

describe('HealthBoard (circuit breaker per channel)', () => {
  const settings = { failureThreshold: 3, windowMs: 10_000, cooldownMs: 5_000 };

  it('opens after the threshold of transient failures inside the window, not outside it', () => {
    const board = new HealthBoard(settings);
    board.record('a', 'transient', 0);
    board.record('a', 'transient', 11_000); // the first one has left the window
    board.record('a', 'transient', 12_000);
    expect(board.state('a', 12_000)).toBe('closed');
    board.record('a', 'transient', 13_000);
    expect(board.state('a', 13_000)).toBe('open');
    expect(board.admit('a', 14_000)).toBe(false);
    expect(board.recentFailures('a', 13_000)).toBe(3);
  });

  it('lets exactly one probe through after the cooldown; its success closes the circuit', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) board.record('a', 'transient', t);
    expect(board.state('a', 5_001)).toBe('open');
    expect(board.state('a', 5_003)).toBe('half_open');
    expect(board.admit('a', 5_003)).toBe(true);
    expect(board.admit('a', 5_004)).toBe(false);
    board.record('a', 'success', 5_100);
    expect(board.state('a', 5_100)).toBe('closed');
    expect(board.admit('a', 5_101)).toBe(true);
    expect(board.recentFailures('a', 5_101)).toBe(0);
  });

  it('reopens for another cooldown when the probe fails', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) board.record('a', 'transient', t);
    expect(board.admit('a', 6_000)).toBe(true);
    board.record('a', 'transient', 6_100);
    expect(board.state('a', 6_200)).toBe('open');
    expect(board.state('a', 11_099)).toBe('open');
    expect(board.state('a', 11_101)).toBe('half_open');
  });

  it('gives a lost probe up after a cooldown, and keeps channels apart', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2]) board.record('a', 'transient', t);
    expect(board.admit('a', 5_003)).toBe(true);
    expect(board.admit('a', 9_000)).toBe(false);
    expect(board.admit('a', 10_004)).toBe(true);
    expect(board.state('b', 10_004)).toBe('closed');
  });

  it('ignores credential failures (they disable the channel instead) and successes while closed', () => {
    const board = new HealthBoard(settings);
    for (const t of [0, 1, 2, 3]) board.record('a', 'credential', t);
    board.record('a', 'success', 4);
    expect(board.state('a', 5)).toBe('closed');
  });
});
