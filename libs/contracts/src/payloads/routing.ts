import { Type } from 'class-transformer';
import { IsDefined, IsIn, ValidateNested } from 'class-validator';
import { Principal } from './principal';

export const ChannelTypes = ['PLATFORM', 'PRIVATE'] as const;
export type ChannelType = (typeof ChannelTypes)[number];

/**
 * Which channels may serve a user: their own PRIVATE (BYOK) channels, the PLATFORM pool, or both in
 * an order. `byok_first` is the default.
 */
export const RoutingPolicies = ['byok_first', 'platform_first', 'byok_only', 'platform_only'] as const;
export type RoutingPolicy = (typeof RoutingPolicies)[number];
export const DEFAULT_ROUTING_POLICY: RoutingPolicy = 'byok_first';
export const isRoutingPolicy = (value: unknown): value is RoutingPolicy => (RoutingPolicies as readonly unknown[]).includes(value);

/** One try of one channel while serving a request. */
export interface RoutingAttempt {
  channel_id: string;
  /** redacted for PLATFORM channels unless the caller is an admin */
  channel_name: string;
  channel_type: ChannelType;
  /** the upstream's HTTP status; null when no answer came (connection error, timeout, circuit) */
  status: number | null;
  latency_ms: number;
  /** null on success */
  error_code: string | null;
}

/** The `_routing` block of every inference response. */
export interface RoutingInfo {
  channel: { id: string; name: string; provider: string; channelType: ChannelType };
  cached: boolean;
  /** attempts − 1 */
  retryCount: number;
  attempts: RoutingAttempt[];
}

export class SetRoutingPolicyBody {
  @IsDefined({ message: 'policy is required' })
  @IsIn(RoutingPolicies, { message: `policy must be one of ${RoutingPolicies.join(', ')}` })
  policy!: RoutingPolicy;
}

export class RoutingPolicyScope {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
}

export class SetRoutingPolicyRequest extends RoutingPolicyScope {
  @ValidateNested() @Type(() => SetRoutingPolicyBody) body!: SetRoutingPolicyBody;
}

export interface RoutingPolicyView {
  object: 'routing_policy';
  policy: RoutingPolicy;
}

/** Broadcast when a user's routing policy changes: every router replica applies it as it arrives. */
export interface RoutingPolicyChanged {
  userId: string;
  policy: RoutingPolicy;
}
