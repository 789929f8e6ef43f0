import { ChannelType, DomainError, ExecuteRequest } from '@switchyard/contracts';
import { UnsupportedFeatureError, UpstreamError } from '@switchyard/providers';
import type { RoutableChannel } from '../routing/channel-selector';
import { routableChannel } from '../routing/routable-channel-test-kit';
import { FailoverLoop, FailoverPort } from './failover-loop';

interface Pin {
  channelId: string;
}

/** What the fake port prepares: which channel, with which pin. */
interface Call {
  channelId: string;
  pin: Pin | null;
}

function channel(id: string, type: ChannelType = 'PLATFORM'): RoutableChannel {
  return routableChannel({ id, name: `${id} name`, type, ownerUserId: type === 'PRIVATE' ? 'u1' : null });
}

const req = {
  requestId: 'req_1',
  principal: { userId: 'u1', keyId: 'k1', role: 'user', scopes: [] },
  endpoint: '/v1/chat/completions',
  body: { model: 'm' },
  stream: false,
} as ExecuteRequest;

const httpFailure = (status: number) => new UpstreamError('http', `upstream answered ${status}`, status);
const refusal = () => new DomainError('insufficient_quota', 'You exceeded your current quota');

/** The world around the loop, recording in `events` what the loop asked of it, in order. */
class FakePort implements FailoverPort<Call, Pin> {
  events: string[] = [];
  warnings: string[] = [];
  /** what billing does with the hold: sets it aside, has nothing to hold, refuses, or fails */
  holding: 'held' | 'free' | 'refused' | Error = 'held';
  circuitOpen = new Set<string>();
  atCap = new Set<string>();
  untranslatable = new Set<string>();
  pins: (Pin | null)[] = [];

  prepare(c: RoutableChannel, _req: ExecuteRequest, pin: Pin | null): Call {
    this.pins.push(pin);
    if (this.untranslatable.has(c.id)) throw new UnsupportedFeatureError(`${c.id} cannot take tools`, 'tools');
    return { channelId: c.id, pin };
  }

  async hold(): Promise<boolean> {
    this.events.push('hold');
    if (this.holding === 'refused') throw refusal();
    if (this.holding instanceof Error) throw this.holding;
    return this.holding === 'held';
  }

  releaseHold(r: ExecuteRequest): void {
    this.events.push(`release hold ${r.requestId}`);
  }

  admit(c: RoutableChannel, model: string): boolean {
    expect(model).toBe('m');
    return !this.circuitOpen.has(c.id);
  }

  acquire(c: RoutableChannel): (() => void) | null {
    if (this.atCap.has(c.id)) return null;
    this.events.push(`slot ${c.id}`);
    return () => this.events.push(`free ${c.id}`);
  }

  report(c: RoutableChannel, _req: ExecuteRequest, error: UpstreamError | null): void {
    this.events.push(`health ${c.id} ${error ? (error.status ?? error.failure) : 'ok'}`);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}

describe('FailoverLoop', () => {
  let clock: number;
  let port: FakePort;
  let loop: FailoverLoop<Call, Pin>;

  beforeEach(() => {
    clock = 1_000_000;
    port = new FakePort();
    loop = new FailoverLoop(port, { maxAttempts: 3, now: () => clock });
  });

  /** An upstream per channel: each call takes `ms` on the fake clock, then answers or throws `error`. */
  const upstream =
    (script: Record<string, { ms?: number; error?: Error }> = {}) =>
    async (call: Call) => {
      port.events.push(`send ${call.channelId}`);
      const step = script[call.channelId] ?? {};
      clock += step.ms ?? 0;
      if (step.error) throw step.error;
      return `answer from ${call.channelId}`;
    };

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e as DomainError,
    );

  it('answers from the first channel, keeping its slot and the hold for the caller', async () => {
    const answered = await loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream({ p1: { ms: 20 } }));
    expect(answered.value).toBe('answer from p1');
    expect(answered.channel.id).toBe('p1');
    expect(answered.prepared).toEqual({ channelId: 'p1', pin: null });
    expect(answered.routing).toEqual({
      channel: { id: 'p1', name: 'p1 name', provider: 'openai', channelType: 'PLATFORM' },
      cached: false,
      retryCount: 0,
      attempts: [
        { channel_id: 'p1', channel_name: 'platform channel', channel_type: 'PLATFORM', status: 200, latency_ms: 20, error_code: null },
      ],
    });
    // the hold is billed against when the usage is reported: never given back on an answer
    expect(port.events).toEqual(['hold', 'slot p1', 'send p1', 'health p1 ok']);
    answered.release();
    expect(port.events.at(-1)).toBe('free p1');
  });

  it('moves on after a retryable failure; the routing lists both attempts with their latencies', async () => {
    const send = upstream({ p1: { ms: 30, error: httpFailure(503) }, p2: { ms: 50 } });
    const answered = await loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2'), channel('p3')], pin: null }, send);
    expect(answered.channel.id).toBe('p2');
    expect(answered.routing.retryCount).toBe(1);
    expect(answered.routing.attempts).toEqual([
      { channel_id: 'p1', channel_name: 'platform channel', channel_type: 'PLATFORM', status: 503, latency_ms: 30, error_code: 'http_503' },
      { channel_id: 'p2', channel_name: 'platform channel', channel_type: 'PLATFORM', status: 200, latency_ms: 50, error_code: null },
    ]);
    expect(port.events).toEqual(['hold', 'slot p1', 'send p1', 'free p1', 'health p1 503', 'slot p2', 'send p2', 'health p2 ok']);
    expect(port.warnings).toEqual(['request req_1: channel p1 failed (http 503): upstream answered 503']);
  });

  it('holds money only before the first PLATFORM attempt, and only once', async () => {
    const candidates = [channel('v1', 'PRIVATE'), channel('p1'), channel('p2')];
    const send = upstream({ v1: { error: httpFailure(500) }, p1: { error: httpFailure(502) } });
    await loop.firstAnswer(req, { candidates, pin: null }, send);
    expect(port.events).toEqual([
      'slot v1',
      'send v1',
      'free v1',
      'health v1 500',
      'hold',
      'slot p1',
      'send p1',
      'free p1',
      'health p1 502',
      'slot p2',
      'send p2',
      'health p2 ok',
    ]);

    port.events = [];
    await loop.firstAnswer(req, { candidates, pin: null }, upstream());
    expect(port.events).not.toContain('hold'); // the caller's own channel answered: nothing to set aside
  });

  describe('when billing refuses the hold', () => {
    beforeEach(() => {
      port.holding = 'refused';
    });

    it("skips the PLATFORM channels and lets the caller's own (PRIVATE) channels serve", async () => {
      const candidates = [channel('p1'), channel('p2'), channel('v1', 'PRIVATE')];
      const answered = await loop.firstAnswer(req, { candidates, pin: null }, upstream());
      expect(answered.channel.id).toBe('v1');
      expect(answered.routing.attempts.map((a) => a.channel_id)).toEqual(['v1']);
      expect(port.events).toEqual(['hold', 'slot v1', 'send v1', 'health v1 ok']); // asked once, nothing to give back
    });

    it('fails with insufficient_quota before any upstream call when only PLATFORM channels serve the model', async () => {
      const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream()));
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('insufficient_quota');
      expect(error.status).toBe(402);
      expect(port.events).toEqual(['hold']);
    });

    it("fails with the own channel's failure, not the refusal, once an own channel was tried", async () => {
      const send = upstream({ v1: { error: httpFailure(503) } });
      const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('v1', 'PRIVATE')], pin: null }, send));
      expect(error.code).toBe('upstream_error');
      expect(error.status).toBe(502);
      expect(port.events).not.toContain('release hold req_1');
    });
  });

  it('ends the request when the hold fails for another reason than the balance', async () => {
    port.holding = new Error('billing unreachable');
    const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('v1', 'PRIVATE')], pin: null }, upstream()));
    expect(error.message).toBe('billing unreachable');
    expect(port.events).toEqual(['hold']);
  });

  it('passes over a channel at its caps for the next one', async () => {
    port.atCap.add('p1');
    const answered = await loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream());
    expect(answered.channel.id).toBe('p2');
    expect(answered.routing.attempts.map((a) => a.channel_id)).toEqual(['p2']);
  });

  it('fails with rate_limit_exceeded, without any upstream call, when every channel is at its caps; the hold goes back', async () => {
    port.atCap = new Set(['p1', 'p2']);
    const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream()));
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.status).toBe(429);
    expect(error.message).toBe('Every channel serving `m` is at its capacity; retry shortly.');
    expect(port.events).toEqual(['hold', 'release hold req_1']);
  });

  it('passes over channels whose circuit is open; when all are, channels_unavailable and the hold goes back', async () => {
    port.circuitOpen.add('p1');
    const answered = await loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream());
    expect(answered.channel.id).toBe('p2');

    port.events = [];
    port.circuitOpen.add('p2');
    const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream()));
    expect(error.code).toBe('channels_unavailable');
    expect(port.events).toEqual(['hold', 'release hold req_1']);
  });

  it('skips a channel whose API cannot express the request, before holding any money for it', async () => {
    port.untranslatable.add('p1');
    const answered = await loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream());
    expect(answered.channel.id).toBe('p2');
    expect(port.events).toEqual(['hold', 'slot p2', 'send p2', 'health p2 ok']);
  });

  it('fails with invalid_value naming the parameter when no channel can express the request; nothing was held', async () => {
    port.untranslatable = new Set(['p1', 'p2']);
    const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream()));
    expect(error.code).toBe('invalid_value');
    expect(error.message).toBe('p2 cannot take tools');
    expect(error.param).toBe('tools');
    expect(port.events).toEqual([]);
  });

  it('stops at a failure another channel would not fix (a 400): no further attempt, the hold goes back', async () => {
    const send = upstream({ p1: { ms: 10, error: httpFailure(400) } });
    const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, send));
    expect(error.code).toBe('upstream_error');
    expect(error.status).toBe(400);
    expect(error.details).toEqual({ _routing: expect.objectContaining({ channel: expect.objectContaining({ id: 'p1' }), retryCount: 0 }) });
    expect(port.events).toEqual(['hold', 'slot p1', 'send p1', 'free p1', 'health p1 400', 'release hold req_1']);
  });

  it('makes exactly maxAttempts upstream calls (channels passed over do not count), then fails with the last failure', async () => {
    port.atCap.add('p1');
    const candidates = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => channel(id));
    const send = upstream(Object.fromEntries(candidates.map((c) => [c.id, { ms: 5, error: httpFailure(503) }])));
    const error = await failureOf(loop.firstAnswer(req, { candidates, pin: null }, send));
    expect(port.events.filter((e) => e.startsWith('send'))).toEqual(['send p2', 'send p3', 'send p4']);
    expect(error.code).toBe('upstream_error');
    const routing = error.details!._routing as { channel: { id: string }; retryCount: number; attempts: { channel_id: string }[] };
    expect(routing.channel.id).toBe('p4');
    expect(routing.retryCount).toBe(2);
    expect(routing.attempts.map((a) => a.channel_id)).toEqual(['p2', 'p3', 'p4']);
    expect(port.events.at(-1)).toBe('release hold req_1');
  });

  it('prepares a pinned request with its pin, on the one channel holding what it references', async () => {
    const pin = { channelId: 'p2' };
    const send = upstream({ p2: { error: httpFailure(503) } });
    const error = await failureOf(loop.firstAnswer(req, { candidates: [channel('p2')], pin }, send));
    expect(port.pins).toEqual([pin]);
    expect(port.events.filter((e) => e.startsWith('send'))).toEqual(['send p2']);
    expect(error.code).toBe('upstream_error');

    const answered = await loop.firstAnswer(req, { candidates: [channel('p2')], pin }, upstream());
    expect(answered.prepared).toEqual({ channelId: 'p2', pin });
  });

  it('gives nothing back when there was nothing to hold (a free model, a prepaid batch line)', async () => {
    port.holding = 'free';
    const send = upstream({ p1: { error: httpFailure(503) }, p2: { error: httpFailure(503) } });
    await failureOf(loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, send));
    expect(port.events.filter((e) => e.includes('hold'))).toEqual(['hold']);
  });

  it('ends the request at a fault that is not an upstream failure: the slot freed, the hold given back, health untouched', async () => {
    const bug = new TypeError('boom');
    const error = await failureOf(
      loop.firstAnswer(req, { candidates: [channel('p1'), channel('p2')], pin: null }, upstream({ p1: { error: bug } })),
    );
    expect(error).toBe(bug);
    expect(port.events).toEqual(['hold', 'slot p1', 'send p1', 'free p1', 'release hold req_1']);
  });
});
