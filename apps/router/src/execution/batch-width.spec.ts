import { BatchWidthController, DECIDE_EVERY_MS, INTERACTIVE_QUIET_MS } from './batch-width';

describe('BatchWidthController', () => {
  const limits = { floor: 2, start: 16, ceiling: 128, toleranceMs: 2 };
  let clock: number;
  let width: BatchWidthController;

  beforeEach(() => {
    clock = 50_000;
    width = new BatchWidthController(limits, () => clock);
  });

  /** One window of samples of `delayMs`, with `running` batch lines, then the window's end. */
  function window(delayMs: number, running: number): number {
    for (let i = 0; i < 10; i++) width.noteDelay(delayMs, running);
    clock += DECIDE_EVERY_MS;
    return width.width();
  }

  /** Interactive traffic all along: a request in every window. */
  function busyWindow(delayMs: number, running: number): number {
    width.noteInteractive();
    return window(delayMs, running);
  }

  it('is fully open while no interactive request is around (no signal)', () => {
    expect(width.width()).toBe(128);
    expect(window(50, 128)).toBe(128); // a slow loop without interactive traffic hurts nobody
  });

  it('steps back to the start width the moment interactive traffic appears', () => {
    width.noteInteractive();
    expect(width.width()).toBe(16);
  });

  it('learns the baseline from windows without batch lines', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    expect(width.baseline).toBe(1);
    busyWindow(3, 0);
    expect(width.baseline).toBeCloseTo(1.4); // moves a fifth of the way
  });

  it('halves the width when batch lines push the delay beyond the tolerance (back off)', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    expect(busyWindow(4, 16)).toBe(8);
    expect(busyWindow(4, 8)).toBe(4);
  });

  it('never goes below the floor', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    for (let i = 0; i < 10; i++) busyWindow(20, width.width());
    expect(width.width()).toBe(2);
  });

  it('doubles per healthy window until the first window that hurts (slow start), then grows one line at a time', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    expect(busyWindow(1, 16)).toBe(32);
    expect(busyWindow(1, 32)).toBe(64);
    expect(busyWindow(9, 64)).toBe(32);
    expect(busyWindow(1, 32)).toBe(33);
  });

  it('neither narrows nor widens on a window in which lines from before the last drop were still running', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    expect(busyWindow(20, 128)).toBe(16); // the 128 of a batch that ran alone, finishing: not this width's harm
    expect(busyWindow(0.5, 40)).toBe(16); // nor evidence that this width is harmless
    expect(width.baseline).toBe(0.5); // but a lower delay still lowers the baseline
    expect(busyWindow(9, 16)).toBe(8);
  });

  it('without a baseline, takes the lowest delay of windows in which older lines finish (a batch that ran before the traffic came)', () => {
    width.noteInteractive();
    width.width();
    busyWindow(20, 128);
    expect(width.baseline).toBe(20);
    busyWindow(6, 60);
    expect(width.baseline).toBe(6); // the drain's lowest delay, lowered further by the first real window
    expect(busyWindow(2, 16)).toBe(32);
    expect(width.baseline).toBe(2);
  });

  it('grows one line per healthy window after a back-off (recover)', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    expect(busyWindow(9, 16)).toBe(8);
    expect(busyWindow(1.5, 8)).toBe(9);
    expect(busyWindow(2.9, 9)).toBe(10); // within the tolerance
  });

  it('never goes above the ceiling', () => {
    const narrow = new BatchWidthController({ floor: 1, start: 3, ceiling: 4, toleranceMs: 2 }, () => clock);
    narrow.noteInteractive();
    narrow.width();
    for (let i = 0; i < 5; i++) {
      narrow.noteInteractive();
      narrow.noteDelay(0, 3);
      clock += DECIDE_EVERY_MS;
      narrow.width();
    }
    expect(narrow.width()).toBe(4);
  });

  it('keeps the width through a window nobody measured (no samples)', () => {
    width.noteInteractive();
    width.width();
    clock += DECIDE_EVERY_MS;
    width.noteInteractive();
    expect(width.width()).toBe(16);
    expect(width.baseline).toBeNull();
  });

  it('takes the first window with batch lines as the baseline when it has none, and only judges later ones', () => {
    width.noteInteractive();
    width.width();
    expect(busyWindow(5, 16)).toBe(32);
    expect(width.baseline).toBe(5);
    expect(busyWindow(3, 32)).toBe(64);
    expect(width.baseline).toBe(3); // a lower delay lowers it at once
  });

  it('lets the baseline rise only slowly while batch lines run, so they cannot teach it their own harm', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    busyWindow(5, 16);
    expect(width.baseline).toBeCloseTo(1.04);
  });

  it('opens fully again a second after the last interactive request, and steps back to the start width when it returns', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    busyWindow(9, 16);
    expect(width.width()).toBe(8);
    clock += INTERACTIVE_QUIET_MS;
    expect(width.width()).toBe(128);
    width.noteInteractive();
    expect(width.width()).toBe(16);
  });

  it('below one line, halves the duty cycle down to the floor and doubles it back up to one line', () => {
    const slow = new BatchWidthController({ floor: 1 / 8, start: 1, ceiling: 4, toleranceMs: 2 }, () => clock);
    const windowOf = (delayMs: number, running: number) => {
      slow.noteInteractive();
      for (let i = 0; i < 10; i++) slow.noteDelay(delayMs, running);
      clock += DECIDE_EVERY_MS;
      return slow.width();
    };
    slow.noteInteractive();
    slow.width();
    windowOf(1, 0);
    expect([windowOf(9, 1), windowOf(9, 1), windowOf(9, 1), windowOf(9, 1)]).toEqual([0.5, 0.25, 0.125, 0.125]);
    expect([windowOf(1, 1), windowOf(1, 1), windowOf(1, 1), windowOf(1, 1)]).toEqual([0.25, 0.5, 1, 2]);
  });

  it('judges a window by its worst sample: one stall among quick timers is enough to back off', () => {
    width.noteInteractive();
    width.width();
    busyWindow(1, 0);
    width.noteInteractive();
    for (let i = 0; i < 9; i++) width.noteDelay(1, 16);
    width.noteDelay(12, 16);
    clock += DECIDE_EVERY_MS;
    expect(width.width()).toBe(8);
  });
});
