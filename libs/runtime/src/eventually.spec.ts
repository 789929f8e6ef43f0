import { eventually } from './eventually';

/** A check that gives the answers in turn (a function throws its error), then repeats the last one. */
function answering(...answers: unknown[]) {
  let calls = 0;
  const check = jest.fn(async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return check;
}

/** Lets `ms` of fake time pass, then says how the wait ended: a value, the error it threw, or not yet. */
async function after<T>(ms: number, wait: Promise<T>): Promise<{ value?: T; error?: Error } | 'still waiting'> {
  let outcome: { value?: T; error?: Error } | undefined;
  void wait.then(
    (value) => (outcome = { value }),
    (error: Error) => (outcome = { error }),
  );
  await jest.advanceTimersByTimeAsync(ms);
  return outcome ?? 'still waiting';
}

/** The error a wait ended with, after `ms` of fake time. */
async function failureAfter(ms: number, wait: Promise<unknown>): Promise<Error> {
  const outcome = await after(ms, wait);
  if (outcome === 'still waiting' || !outcome.error) throw new Error(`expected the wait to fail, it ended with ${JSON.stringify(outcome)}`);
  return outcome.error;
}

describe('eventually', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('returns the first value that is not undefined or false, on the check that gave it', async () => {
    const check = answering(undefined, false, undefined, { id: 7 });
    const outcome = await after(1_000, eventually('the record', check, { timeoutMs: 1_000, intervalMs: 100 }));
    expect(outcome).toEqual({ value: { id: 7 } });
    expect(check).toHaveBeenCalledTimes(4);
  });

  it('accepts 0, an empty string and null as values, and takes a synchronous check', async () => {
    for (const value of [0, '', null]) {
      expect(
        await after(
          0,
          eventually('a value', () => value),
        ),
      ).toEqual({ value });
    }
  });

  it('with until, returns the first value it holds for', async () => {
    const check = answering({ status: 'queued' }, { status: 'in_progress' }, { status: 'completed' });
    const outcome = await after(1_000, eventually('the batch', check, { until: (b: any) => b.status === 'completed', intervalMs: 50 }));
    expect(outcome).toEqual({ value: { status: 'completed' } });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('waits the interval between checks', async () => {
    const check = answering(undefined);
    void eventually('never', check, { timeoutMs: 10_000, intervalMs: 250 }).catch(() => undefined);
    await jest.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(249);
    expect(check).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(500);
    expect(check).toHaveBeenCalledTimes(4);
  });

  it('times out naming what it waited for, how long, how many checks and the last value', async () => {
    const check = answering(undefined, { status: 'in_progress', done: 2 });
    const error = await failureAfter(
      1_000,
      eventually('the batch to finish', check, { until: (b: any) => b?.status === 'completed', timeoutMs: 1_000, intervalMs: 100 }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'Timed out after 1000 ms (11 checks) waiting for the batch to finish; last value: {"status":"in_progress","done":2}',
    );
  });

  it('checks once more at the deadline when the interval does not divide the timeout', async () => {
    const check = answering(undefined, undefined, undefined, 'there');
    const outcome = await after(250, eventually('the last chance', check, { timeoutMs: 250, intervalMs: 100 }));
    expect(outcome).toEqual({ value: 'there' });
    expect(check).toHaveBeenCalledTimes(4); // at 0, 100, 200 and 250 ms
  });

  it('checks once even with no time at all', async () => {
    const check = answering(false);
    const error = await failureAfter(0, eventually('at once', check, { timeoutMs: 0 }));
    expect(error.message).toBe('Timed out after 0 ms (1 check) waiting for at once; last value: false');
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('shortens a long last value in the message', async () => {
    const error = await failureAfter(
      0,
      eventually('a short list', () => Array(1_000).fill('x'), { until: (l) => l.length < 10, timeoutMs: 0 }),
    );
    expect(error.message).toMatch(/last value: \["x","x",.*…$/);
    expect(error.message.length).toBeLessThan(700);
  });

  it('rethrows the error of a check at once, unless told to retry', async () => {
    const broken = new TypeError('cannot read status of undefined');
    const check = answering(undefined, broken, 'never reached');
    const error = await failureAfter(1_000, eventually('the answer', check, { timeoutMs: 1_000, intervalMs: 100 }));
    expect(error).toBe(broken);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('with retryErrors, passes once the check stops throwing', async () => {
    const check = answering(new Error('ECONNREFUSED'), new Error('ECONNREFUSED'), true);
    const outcome = await after(1_000, eventually('the port to open', check, { retryErrors: true, intervalMs: 100 }));
    expect(outcome).toEqual({ value: true });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('with retryErrors, times out with the last error as message and cause', async () => {
    const refused = new Error('ECONNREFUSED 127.0.0.1:4222');
    const check = answering(false, refused);
    const error = await failureAfter(500, eventually('nats to answer', check, { retryErrors: true, timeoutMs: 500, intervalMs: 100 }));
    expect(error.message).toBe('Timed out after 500 ms (6 checks) waiting for nats to answer; last error: ECONNREFUSED 127.0.0.1:4222');
    expect(error.cause).toBe(refused);
  });

  it('reports the last outcome, a value after an error', async () => {
    const check = answering(new Error('not yet listening'), 503);
    const error = await failureAfter(
      300,
      eventually('health', check, { until: (s) => s === 200, retryErrors: true, timeoutMs: 300, intervalMs: 100 }),
    );
    expect(error.message).toBe('Timed out after 300 ms (4 checks) waiting for health; last value: 503');
    expect(error.cause).toBeUndefined();
  });

  it('waits with real timers too', async () => {
    jest.useRealTimers();
    let calls = 0;
    await expect(eventually('the third call', () => ++calls === 3 && calls, { timeoutMs: 1_000, intervalMs: 5 })).resolves.toBe(3);
    await expect(eventually('nothing', () => undefined, { timeoutMs: 30, intervalMs: 10 })).rejects.toThrow(
      /^Timed out after \d+ ms \(\d+ checks\) waiting for nothing; last value: undefined$/,
    );
  });
});
