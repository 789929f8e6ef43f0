import { JsonLogger } from '@switchyard/logging';
import { UpstreamError } from '@switchyard/providers';
import { scrapeMetrics } from '@switchyard/runtime';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { ChannelHealth } from './channel-health';
import type { ChannelTable } from './channel-table';
import { RouterConfig } from '../router.config';

describe('the circuit gauge', () => {
  const nc = { publish: () => undefined, subscribe: () => ({ unsubscribe: () => undefined }) } as unknown as NatsConnection;
  const config = Object.assign(new RouterConfig(), {
    SWITCHYARD_CIRCUIT_FAILURES: 2,
    SWITCHYARD_CIRCUIT_WINDOW_MS: 60_000,
    SWITCHYARD_CIRCUIT_COOLDOWN_MS: 60_000,
    SWITCHYARD_CIRCUIT_MIN_CALLERS: 2,
  });
  const logger = { warn: () => undefined, error: () => undefined } as unknown as JsonLogger;
  const failure = new UpstreamError('http', 'upstream 503', 503);

  it('shows each circuit at scrape time: 2 open, 0 closed; PRIVATE channels as `private`; not updated after shutdown', async () => {
    const health = new ChannelHealth({} as DataSource, {} as ChannelTable, config, nc, logger);
    health.onApplicationBootstrap();
    for (const caller of ['u1', 'u2'])
      health.report({ channelId: 'ch_a', channelType: 'PLATFORM', model: 'gpt-x', callerUserId: caller }, failure);
    health.report({ channelId: 'ch_b', channelType: 'PLATFORM', model: 'gpt-x', callerUserId: 'u1' }, failure);
    for (let i = 0; i < 2; i++)
      health.report({ channelId: 'ch_mine', channelType: 'PRIVATE', model: 'gpt-y', callerUserId: 'u3' }, failure);

    const { body } = await scrapeMetrics();
    expect(body).toContain('switchyard_circuit_state{channel="ch_a",model="gpt-x"} 2');
    expect(body).toContain('switchyard_circuit_state{channel="ch_b",model="gpt-x"} 0');
    expect(body).toContain('switchyard_circuit_state{channel="private",model="gpt-y"} 2');
    expect(body).not.toContain('ch_mine');

    health.onApplicationShutdown();
    health.board.forget('ch_a');
    expect((await scrapeMetrics()).body).toContain('switchyard_circuit_state{channel="ch_a",model="gpt-x"} 2'); // no longer updated
  });
});
