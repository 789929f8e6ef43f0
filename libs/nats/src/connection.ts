import { connect, NatsConnection } from 'nats';

/** One connection per process for our own client, JetStream and broadcasts; reconnects forever. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  // noAsyncTraces: no Error (with its stack) built for every request, JetStream publishes included
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: false, noAsyncTraces: true });
}
