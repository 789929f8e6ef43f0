/**
 * A streamed answer carries heartbeats while its handler runs, so the receiver can tell a producer
 * that is gone (its process died) from one waiting on a silent upstream (a model reasoning for
 * minutes sends nothing, and that is fine as long as the heartbeats come).
 */
export const STREAM_HEARTBEAT_MS = 1000;

/** Three heartbeats missed: the producer is gone. */
export const STREAM_PRODUCER_LOST_MS = 3 * STREAM_HEARTBEAT_MS;
