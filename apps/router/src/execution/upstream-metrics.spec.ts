import { UpstreamError } from '@switchyard/providers';
import { scrapeMetrics } from '@switchyard/runtime';
import type { RoutableChannel } from '../routing/channel-selector';
import { channelLabel, recordUpstreamCall, upstreamOutcome } from './upstream-metrics';

describe('upstream call metrics', () => {
  it.each([
    [null, 'ok'],
    [new UpstreamError('http', 'upstream 503', 503), 'transient'],
    [new UpstreamError('http', 'slow down', 429), 'transient'],
    [new UpstreamError('timeout', 'no answer'), 'transient'],
    [new UpstreamError('connection', 'refused'), 'transient'],
    [new UpstreamError('http', 'bad key', 401), 'credential'],
    [new UpstreamError('http', 'forbidden', 403), 'credential'],
    [new UpstreamError('http', 'bad request', 400), 'client_error'],
    [new UpstreamError('http', 'overloaded?', 500, 'context_length_exceeded'), 'client_error'],
  ] as const)('%s → %s', (error, outcome) => {
    expect(upstreamOutcome(error)).toBe(outcome);
  });

  it('labels a PRIVATE channel `private`, never by its id (one per user), and a PLATFORM channel by its id', () => {
    expect(channelLabel({ id: 'ch_platform', type: 'PLATFORM' })).toBe('ch_platform');
    expect(channelLabel({ id: 'ch_someones', type: 'PRIVATE' })).toBe('private');
  });

  it('counts each call with its outcome and a failover for every attempt after the first', async () => {
    const channel = { id: 'ch_a', type: 'PLATFORM', provider: 'openai' } as RoutableChannel;
    recordUpstreamCall(channel, 'gpt-x', 0.2, new UpstreamError('http', 'upstream 503', 503), 0);
    recordUpstreamCall(channel, 'gpt-x', 0.1, null, 1);
    const { body } = await scrapeMetrics();
    expect(body).toContain('switchyard_upstream_requests_total{provider="openai",channel="ch_a",model="gpt-x",outcome="transient"} 1');
    expect(body).toContain('switchyard_upstream_requests_total{provider="openai",channel="ch_a",model="gpt-x",outcome="ok"} 1');
    expect(body).toContain('switchyard_upstream_request_duration_seconds_count{provider="openai",channel="ch_a",model="gpt-x"} 2');
    expect(body).toContain('switchyard_failovers_total{model="gpt-x"} 1');
  });
});
