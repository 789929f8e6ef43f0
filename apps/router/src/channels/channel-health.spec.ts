import { Events } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { UpstreamError } from '@switchyard/providers';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { ChannelCallRef, ChannelHealth, outcomeOf } from './channel-health';
import type { ChannelTable } from './channel-table';
import { RouterConfig } from '../router.config';

interface FakeNats {
  published: { subject: string; payload: any }[];
  deliver(subject: string, payload: unknown): void;
}

function healthWithNats(): { health: ChannelHealth; nats: FakeNats } {
  const published: { subject: string; payload: any }[] = [];
  const callbacks = new Map<string, (err: unknown, msg: { data: Uint8Array }) => void>();
  const nc = {
    publish: (subject: string, data: Uint8Array) => published.push({ subject, payload: JSON.parse(new TextDecoder().decode(data)) }),
    subscribe: (subject: string, opts: { callback: (err: unknown, msg: { data: Uint8Array }) => void }) => {
      callbacks.set(subject, opts.callback);
      return { unsubscribe: () => callbacks.delete(subject) };
    },
  } as unknown as NatsConnection;
  const config = Object.assign(new RouterConfig(), {
    SWITCHYARD_CIRCUIT_FAILURES: 2,
    SWITCHYARD_CIRCUIT_WINDOW_MS: 60_000,
    SWITCHYARD_CIRCUIT_COOLDOWN_MS: 100,
    SWITCHYARD_CIRCUIT_MIN_CALLERS: 2,
  });
  const logger = { warn: () => undefined, error: () => undefined } as unknown as JsonLogger;
  const health = new ChannelHealth({} as DataSource, {} as ChannelTable, config, nc, logger);
  health.onApplicationBootstrap();
  const deliver = (subject: string, payload: unknown) =>
    callbacks.get(subject)!(null, { data: new TextEncoder().encode(JSON.stringify(payload)) });
  return { health, nats: { published, deliver } };
}

const call = (callerUserId: string, model = 'gpt-x'): ChannelCallRef => ({
  channelId: 'ch_a',
  channelType: 'PLATFORM',
  model,
  callerUserId,
});

describe('outcomeOf: what a call says about the channel', () => {
  it.each([
    [new UpstreamError('http', 'upstream 503', 503), 'transient'],
    [new UpstreamError('http', 'slow down', 429), 'transient'],
    [new UpstreamError('timeout', 'no answer'), 'transient'],
    [new UpstreamError('connection', 'refused'), 'transient'],
    [new UpstreamError('http', 'bad key', 401), 'credential'],
    [new UpstreamError('http', 'forbidden', 403), 'credential'],
  ] as const)('%s → %s', (error, outcome) => {
    expect(outcomeOf(error)).toBe(outcome);
  });

  it.each([
    new UpstreamError('http', 'bad request', 400),
    new UpstreamError('http', 'no such thing', 404),
    new UpstreamError('http', 'too big', 413),
    new UpstreamError('http', 'unprocessable', 422),
    new UpstreamError('http', "This model's maximum context length is 8192 tokens", 500),
    new UpstreamError('http', 'overloaded?', 500, 'context_length_exceeded'),
    new UpstreamError('http', 'Your request was rejected by our content policy', 503),
    new UpstreamError('http', 'filtered mid-stream', 502, 'content_filter'),
  ])('a failure the request caused (%s) never counts against the channel', (error) => {
    expect(outcomeOf(error)).toBe('success');
  });
});

describe('ChannelHealth', () => {
  const failure = new UpstreamError('http', 'upstream 503', 503);

  it('sends no message for a success while the circuit is closed', () => {
    const { health, nats } = healthWithNats();
    for (let i = 0; i < 5; i++) health.report(call('u1'), null);
    expect(nats.published).toEqual([]);
  });

  it('sends every failure with its channel type, model and caller, and the success that closes an open circuit', async () => {
    const { health, nats } = healthWithNats();
    health.report(call('u1'), failure);
    health.report(call('u2'), failure);
    expect(health.board.state('ch_a', 'gpt-x', Date.now())).toBe('open');
    expect(health.admit('ch_a', 'other-model')).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(health.admit('ch_a', 'gpt-x')).toBe(true); // the half-open probe
    health.report(call('u1'), null);
    health.report(call('u1'), null);
    expect(nats.published.map((p) => p.subject)).toEqual([
      Events.routerChannelCalled,
      Events.routerChannelCalled,
      Events.routerChannelCalled,
    ]);
    expect(nats.published.map((p) => [p.payload.outcome, p.payload.callerUserId, p.payload.model, p.payload.channelType])).toEqual([
      ['transient', 'u1', 'gpt-x', 'PLATFORM'],
      ['transient', 'u2', 'gpt-x', 'PLATFORM'],
      ['success', 'u1', 'gpt-x', 'PLATFORM'],
    ]);
    expect(health.board.state('ch_a', 'gpt-x', Date.now())).toBe('closed');
  });

  it("applies other replicas' outcomes (caller and model included) and drops malformed ones", () => {
    const { health, nats } = healthWithNats();
    const other = {
      channelId: 'ch_a',
      channelType: 'PLATFORM',
      model: 'gpt-x',
      outcome: 'transient',
      at: Date.now(),
      replica: 'rtr_other',
    };
    nats.deliver(Events.routerChannelCalled, { ...other, callerUserId: 'u1' });
    nats.deliver(Events.routerChannelCalled, { ...other, callerUserId: 'u1' });
    expect(health.board.state('ch_a', 'gpt-x', Date.now())).toBe('closed'); // one caller only
    nats.deliver(Events.routerChannelCalled, { ...other, callerUserId: 42 });
    nats.deliver(Events.routerChannelCalled, { ...other, outcome: 'melted', callerUserId: 'u2' });
    expect(health.board.state('ch_a', 'gpt-x', Date.now())).toBe('closed');
    nats.deliver(Events.routerChannelCalled, { ...other, callerUserId: 'u2' });
    expect(health.board.state('ch_a', 'gpt-x', Date.now())).toBe('open');
    expect(health.board.state('ch_a', 'gpt-y', Date.now())).toBe('closed');
  });

  it("a single caller's failures never take a shared channel's model away from others", () => {
    const { health } = healthWithNats();
    for (let i = 0; i < 20; i++) health.report(call('mallory'), failure);
    expect(health.admit('ch_a', 'gpt-x')).toBe(true);
  });
});
