/** A request/reply its caller stopped waiting for before any packet of the answer came (Events.rpcRequestAbandoned). */
export interface RpcRequestAbandonedEvent {
  /** the request packet's id (RequestPacket.id, made by the caller's RpcClient) */
  id: string;
}
