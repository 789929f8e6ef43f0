import { connect, NatsConnection } from 'nats';
import { natsServersOf } from '@switchyard/config';

/**
 * One connection per process for our own client, JetStream and broadcasts; reconnects forever.
 * `url` is NATS_URL: one server or the servers of a cluster, comma-separated; the client is given
 * them all (and learns the cluster's others from them), so it fails over when its server dies.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  // noAsyncTraces: no Error (with its stack) built for every request, JetStream publishes included
  return connect({
    servers: natsServersOf(url),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: false,
    noAsyncTraces: true,
  });
}
