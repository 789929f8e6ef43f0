import { OutageNotice } from './outage-notice';

describe('OutageNotice', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

  function notice() {
    const lines: string[] = [];
    let clock = 0;
    const logger = { warn: (m: unknown) => lines.push(`warn ${m}`) };
    const n = new OutageNotice(logger, 'the poller', 60_000, () => clock);
    return { n, lines, advance: (ms: number) => (clock += ms) };
  }

  it('warns once when an outage starts, reminds once a minute while it lasts, and says when the loop works again', () => {
    const { n, lines, advance } = notice();
    for (let i = 0; i < 50; i++) {
      expect(n.failed(refused)).toBe(true);
      advance(200);
    }
    advance(50_000);
    n.failed(refused);
    n.succeeded();
    n.succeeded();
    expect(lines).toEqual([
      'warn the poller: a dependency is unreachable; retrying until it is back',
      'warn the poller: a dependency is unreachable; retrying until it is back (49 more failures since the last warning)',
      'warn the poller: working again after 60.0 s',
    ]);
  });

  it('notes how an attempt of the loop ended, never rejecting', async () => {
    const { n, lines } = notice();
    const others: unknown[] = [];
    await n.attempt(Promise.reject(refused), (e) => others.push(e));
    await n.attempt(Promise.reject(new TypeError('bug')), (e) => others.push(e));
    await n.attempt(Promise.resolve(), (e) => others.push(e));
    expect(others).toEqual([new TypeError('bug')]);
    expect(lines).toEqual([
      'warn the poller: a dependency is unreachable; retrying until it is back',
      'warn the poller: working again after 0.0 s',
    ]);
  });

  it('leaves any other error to the caller', () => {
    const { n, lines } = notice();
    expect(n.failed(new Error('syntax error at or near "SELEC"'))).toBe(false);
    n.succeeded();
    expect(lines).toEqual([]);
  });
});
