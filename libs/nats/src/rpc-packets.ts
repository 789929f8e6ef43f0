/**
 * The packets of request/reply over NATS, in the wire format of the Nest NATS transport: RpcClient
 * sends a request packet, the handler's side (NatsRpcServer) answers with reply packets carrying
 * the request's id back.
 */
export interface RequestPacket {
  pattern: string;
  data: unknown;
  id: string;
}

/**
 * One packet of a reply, without its id. A single answer is one value with `isDisposed`; a streamed
 * answer is a heartbeat, values and more heartbeats, then an end or an error.
 *
 * `seq`, in a streamed answer's values and its end: how many values were sent before this packet.
 * Core NATS loses what a server held when it dies (a cluster node killed: the clients fail over, the
 * packets on it are gone), so the receiver checks it and fails the stream when values are missing,
 * instead of passing on a cut answer as whole. Heartbeats carry none (losing one loses nothing).
 */
export type ReplyPacketBody =
  /** a value of the answer; with `isDisposed`, its only one */
  | { response: unknown; isDisposed?: true; seq?: number }
  /** the producer of a streamed answer is alive (see stream-heartbeat.ts) */
  | { heartbeat: true }
  /** the handler failed: a WireError as the exception filter made it (read with DomainError.fromWire) */
  | { err: unknown; isDisposed: true; seq?: number }
  /** a streamed answer ended */
  | { isDisposed: true; seq?: number };

export type ReplyPacket = ReplyPacketBody & { id: string };
