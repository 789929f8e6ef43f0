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
 */
export type ReplyPacketBody =
  /** a value of the answer; with `isDisposed`, its only one */
  | { response: unknown; isDisposed?: true }
  /** the producer of a streamed answer is alive (see stream-heartbeat.ts) */
  | { heartbeat: true }
  /** the handler failed: a WireError as the exception filter made it (read with DomainError.fromWire) */
  | { err: unknown; isDisposed: true }
  /** a streamed answer ended */
  | { isDisposed: true };

export type ReplyPacket = ReplyPacketBody & { id: string };
