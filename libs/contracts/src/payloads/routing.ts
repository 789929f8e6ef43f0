export type ChannelType = 'PLATFORM' | 'PRIVATE';

/** The `_routing` block of every inference response. */
export interface RoutingInfo {
  channel: { id: string; name: string; provider: string; channelType: ChannelType };
  cached: boolean;
  retryCount: number;
}
