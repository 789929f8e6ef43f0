import { connect, NatsConnection } from 'nats';

/** One connection per process for our own client, JetStream and broadcasts; reconnects forever. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: false });
}
