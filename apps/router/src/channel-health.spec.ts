import { JsonLogger } from '@switchyard/logging';
import { UpstreamError } from '@switchyard/providers';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { ChannelHealth } from './channel-health';
import type { ChannelTable } from './channel-table';
import { RouterConfig } from './router.config';

function healthWithPublishes(): { health: ChannelHealth; published: { subject: string; payload: any }[] } {
  const published: { subject: string; payload: any }[] = [];
  const nc = { publish: (subject: string, data: Uint8Array) => published.push({ subject, payload: JSON.parse(new TextDecoder().decode(data)) }) } as unknown as NatsConnection;
  const config = Object.assign(new RouterConfig(), { SWITCHYARD_CIRCUIT_FAILURES: 2, SWITCHYARD_CIRCUIT_WINDOW_MS: 60_000, SWITCHYARD_CIRCUIT_COOLDOWN_MS: 100 });
  const logger = { warn: () => undefined, error: () => undefined } as unknown as JsonLogger;
  return { health: new ChannelHealth({} as DataSource, {} as ChannelTable, config, nc, logger), published };
}

describe('ChannelHealth broadcasts', () => {
  const failure = new UpstreamError('http', 'upstream 503', 503);

  it('sends no message for a success while the circuit is closed', () => {
    const { health, published } = healthWithPublishes();
    for (let i = 0; i < 5; i++) health.report('ch_a', null);
    expect(published).toEqual([]);
  });

  it('sends every failure, and the success that closes an open circuit, so other replicas close it too', async () => {
    const { health, published } = healthWithPublishes();
    health.report('ch_a', failure);
    health.report('ch_a', failure);
    expect(health.board.state('ch_a', Date.now())).toBe('open');
    await new Promise((r) => setTimeout(r, 120));
    expect(health.admit('ch_a')).toBe(true); // the half-open probe
    health.report('ch_a', null);
    health.report('ch_a', null);
    expect(published.map((p) => p.payload.outcome)).toEqual(['transient', 'transient', 'success']);
    expect(health.board.state('ch_a', Date.now())).toBe('closed');
  });
});
