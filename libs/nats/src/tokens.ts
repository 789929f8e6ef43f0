/** Nest injection token of the process's own NATS connection (JetStream, broadcasts, RPC client). */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/** Nest injection token of the process's logger. */
export const LOGGER = Symbol('LOGGER');
