import { ChaosRun, FAILOVER_CASES, FailoverResult, natsRestart, runChaos, validatingFetch } from '@switchyard/testing';

/** What a failover case is judged on: who answered, how, each upstream's calls, and who was billed. */
const observed = (r: FailoverResult) => ({
  api: r.api,
  outcome: r.outcome,
  answeredBy: r.answeredBy,
  calls: [r.misbehavingCalls, r.healthyCalls],
  billed: [r.usageRecords, r.billedTo],
});

/**
 * Two parts of the chaos suite (`npm run chaos` reports them in docs/reliability.md) on one stack.
 * NATS killed and restarted under a steady load: every invariant holds, the rate limit included.
 * Upstream misbehaviour with two channels able to serve the model, the misbehaving one preferred:
 * before the caller's first byte the request fails over to the healthy channel and is billed once
 * to it; after it, never: an error event in the caller's own format, what was delivered billed once.
 */
describe('chaos: NATS restarted under load; failover only before the first byte', () => {
  let run: ChaosRun;

  beforeAll(async () => {
    run = await runChaos({
      mode: 'split',
      faults: [natsRestart(3_000)],
      misbehaviours: [],
      failover: FAILOVER_CASES,
      callers: 4,
      batchLines: 10,
      timeoutMs: 30_000,
      // a short upstream timeout keeps the slow-headers and stall cases quick
      upstreamTimeoutMs: 2_000,
      fetch: validatingFetch,
    });
  }, 170_000);

  it('NATS killed and restarted: every invariant holds afterwards, and the rate limit still refuses a user that used it up', () => {
    const fault = run.faults[0];
    expect(fault.errors).toEqual([]);
    expect(fault.invariants.filter((i) => !i.held)).toEqual([]);
    expect(fault.invariants.map((i) => i.name)).toContainEqual(expect.stringMatching(/^the rate limit holds across the fault/));
    expect(fault.during.hung + fault.during.unclean).toBe(0);
    expect(fault.recoveryMs).not.toBeNull();
  });

  const before = FAILOVER_CASES.filter((c) => c.beforeFirstByte).map((c) => c.name);
  const after = FAILOVER_CASES.filter((c) => !c.beforeFirstByte).map((c) => c.name);

  it.each(before)('%s: fails over, the healthy channel answers whole and is billed once', (name) => {
    const results = run.failover.filter((r) => r.failoverCase.name === name);
    expect(results.length).toBe(results[0].failoverCase.stream ? 2 : 1);
    for (const r of results)
      expect(observed(r)).toEqual({ api: r.api, outcome: 'ok', answeredBy: 'healthy', calls: [1, 1], billed: [1, 'healthy'] });
  });

  it.each(after)(
    "%s: no failover; an error event in the caller's format after the content, billed once to the channel that delivered it",
    (name) => {
      const results = run.failover.filter((r) => r.failoverCase.name === name);
      expect(results.map((r) => r.api)).toEqual(['openai', 'anthropic']);
      for (const r of results) {
        expect(observed(r)).toEqual({
          api: r.api,
          outcome: 'clean_error',
          answeredBy: 'misbehaving',
          calls: [1, 0],
          billed: [1, 'misbehaving'],
        });
        expect(r.deliveredChunks).toBeGreaterThan(0);
      }
    },
  );

  it('every case as expected, and the ledger equals the balance', () => {
    expect(run.failover.filter((r) => !r.asExpected)).toEqual([]);
    expect(run.final.every((i) => i.held)).toBe(true);
  });
});
