import { ChaosRun, killService, MISBEHAVIOURS, objectStorageOutage, runChaos, validatingFetch } from '@switchyard/testing';

/**
 * The short profile of the chaos suite (`npm run chaos` runs every fault in both modes and writes
 * docs/reliability.md): split mode, because it kills single services; kill -9 of the router and of
 * billing under a steady load, object storage cut for 5 s, then two kinds of upstream misbehaviour.
 */
describe('chaos, short profile: kill -9 under load, upstream misbehaviour', () => {
  let run: ChaosRun;

  beforeAll(async () => {
    run = await runChaos({
      mode: 'split',
      faults: [killService('router'), killService('billing'), objectStorageOutage(5_000)],
      misbehaviours: MISBEHAVIOURS.filter((m) => ['connection reset mid-stream', 'malformed SSE event'].includes(m.name)),
      callers: 4,
      batchLines: 20,
      timeoutMs: 30_000,
      fetch: validatingFetch,
    });
  }, 170_000);

  it.each(['kill -9 router', 'kill -9 billing', 'object storage unavailable'])('%s: every invariant holds afterwards', (name) => {
    const fault = run.faults.find((f) => f.fault.name === name)!;
    expect(fault.errors).toEqual([]);
    expect(fault.invariants.filter((i) => !i.held)).toEqual([]);
    expect(fault.invariants.length).toBeGreaterThanOrEqual(5);
  });

  it.each(['kill -9 router', 'kill -9 billing'])('%s: requests in flight end cleanly within 5 s and the system serves again', (name) => {
    const fault = run.faults.find((f) => f.fault.name === name)!;
    expect(fault.inFlight.hung + fault.inFlight.unclean + fault.inFlight.connection_error).toBe(0);
    expect(fault.inFlight.ok + fault.inFlight.clean_error).toBeGreaterThan(0);
    expect(fault.inFlightSlowestMs).toBeLessThan(5_000);
    expect(fault.during.hung + fault.during.unclean).toBe(0);
    expect(fault.recoveryMs).not.toBeNull();
  });

  it('object storage unavailable: uploads fail with a 503 in the OpenAI envelope, never a 500, and chats keep working', () => {
    const fault = run.faults.find((f) => f.fault.name === 'object storage unavailable')!;
    expect(fault.during.clean_error).toBeGreaterThan(0);
    expect(fault.failures).toMatch(/^(upload 503 ×\d+)$/);
    expect(fault.during.ok).toBeGreaterThan(0);
    expect(fault.during.hung + fault.during.unclean + fault.during.connection_error).toBe(0);
  });

  it('a stream cut or malformed upstream ends in an error event in the format of the caller (OpenAI, Anthropic), and what was delivered is billed once', () => {
    // each streamed misbehaviour once with the openai SDK and once with @anthropic-ai/sdk
    expect(run.misbehaviours.map((m) => m.api)).toEqual(['openai', 'anthropic', 'openai', 'anthropic']);
    for (const m of run.misbehaviours) {
      expect({ name: m.misbehaviour.name, api: m.api, outcome: m.outcome }).toEqual({
        name: m.misbehaviour.name,
        api: m.api,
        outcome: 'clean_error',
      });
      expect(m.deliveredChunks).toBeGreaterThan(0);
      expect(m.billed).toBe(true);
    }
    expect(run.final.every((i) => i.held)).toBe(true);
  });
});
