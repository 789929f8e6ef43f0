import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  isURL,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { InferenceEndpoints, type InferenceEndpoint } from './inference';
import { Principal } from './principal';
import { ChannelTypes, type ChannelType } from './routing';

export const ChannelStatuses = ['enabled', 'disabled', 'auto_disabled'] as const;
export type ChannelStatus = (typeof ChannelStatuses)[number];
/** `auto_disabled` is the router's verdict (a dead key); people enable or disable */
export const SettableChannelStatuses = ['enabled', 'disabled'] as const;

const urlOptions = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * An http(s) URL that the router's HTTP client can also parse: validator.js accepts some that the
 * WHATWG parser refuses (an IPv6 zone id, `http://[fe80::1%25eth0]/`), which failed later as a 500.
 */
export function isBaseUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !isURL(value, urlOptions)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const IsBaseUrl = () =>
  ValidateBy({ name: 'isBaseUrl', validator: { validate: isBaseUrl, defaultMessage: () => 'base_url must be an http or https URL' } });
const nullable = ValidateIf((_, v: unknown) => v !== null);

/** What both creating and changing a channel may set. */
class ChannelSettings {
  @IsOptional() @IsObject() model_mapping?: Record<string, string>;
  @IsOptional() @IsInt() @Min(-1000) @Max(1000) priority?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10000) weight?: number;
  @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(InferenceEndpoints, { each: true }) endpoints?: InferenceEndpoint[];
  @IsOptional() @IsIn(SettableChannelStatuses) status?: (typeof SettableChannelStatuses)[number];
  /** at most this many requests in flight on the channel, per router replica; null = no cap */
  @IsOptional() @nullable @IsInt() @Min(1) @Max(100000) max_concurrency?: number | null;
  /** at most this many requests a minute, per router replica; null = no cap */
  @IsOptional() @nullable @IsInt() @Min(1) @Max(10000000) rpm_limit?: number | null;
  /** caches deterministic answers for models this channel serves, this long; null = only on request */
  @IsOptional() @nullable @IsInt() @Min(1) @Max(30 * 86400) cache_ttl_seconds?: number | null;
}

/**
 * Admins create PLATFORM channels and users their own PRIVATE ones with the same body. `base_url`
 * defaults to the provider's official API; `name` to the provider and model.
 */
export class CreateChannelBody extends ChannelSettings {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsDefined({ message: 'provider is required' }) @IsString() @IsNotEmpty() provider!: string;
  @IsOptional() @IsBaseUrl() base_url?: string;
  @IsDefined({ message: 'api_key is required' }) @IsString() @IsNotEmpty() api_key!: string;
  @IsDefined({ message: 'models is required' }) @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsString({ each: true }) models!: string[];
}

export class UpdateChannelBody extends ChannelSettings {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @IsBaseUrl() base_url?: string;
  @IsOptional() @IsString() @IsNotEmpty() api_key?: string;
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsString({ each: true }) models?: string[];
}

/** Who asks and which kind: admins manage PLATFORM channels, each user their own PRIVATE ones. */
export class ChannelScope {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsIn(ChannelTypes) type!: ChannelType;
}

export class CreateChannelRequest extends ChannelScope {
  @ValidateNested() @Type(() => CreateChannelBody) body!: CreateChannelBody;
}

export class ChannelRef extends ChannelScope {
  @IsString() @IsNotEmpty() channelId!: string;
}

export class UpdateChannelRequest extends ChannelRef {
  @ValidateNested() @Type(() => UpdateChannelBody) body!: UpdateChannelBody;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/** The result of `POST …/channels/{id}/test`: one small real request to the upstream. */
export interface ChannelTestView {
  object: 'channel.test';
  channel_id: string;
  model: string;
  endpoint: InferenceEndpoint;
  ok: boolean;
  status: number | null;
  latency_ms: number;
  error: { code: string; message: string } | null;
  /** the channel's status after the test (a passing test re-enables an auto-disabled channel) */
  channel_status: ChannelStatus;
}

export interface ChannelView {
  id: string;
  object: 'channel';
  name: string;
  provider: string;
  type: ChannelType;
  base_url: string;
  /** masked, e.g. `sk-...abcd`; the key itself is never returned */
  api_key_hint: string;
  models: string[];
  model_mapping: Record<string, string>;
  priority: number;
  weight: number;
  endpoints: InferenceEndpoint[];
  status: ChannelStatus;
  /** why the router disabled it, when it did */
  status_reason: string | null;
  /** the caller's own PRIVATE channel, or null for PLATFORM */
  owner_user_id: string | null;
  max_concurrency: number | null;
  rpm_limit: number | null;
  cache_ttl_seconds: number | null;
  /** this router replica's view of the shared health state */
  health: { circuit: CircuitState; recent_failures: number };
  created_at: number;
  updated_at: number;
}

export interface DeletedView {
  id: string;
  object: string;
  deleted: true;
}

/**
 * How an upstream call went, for the circuit of its channel and model. `success` also covers a
 * failure the request caused (a 400, context length): the upstream answered. A refused key
 * (`credential`) disables the whole channel instead.
 */
export const CallOutcomes = ['success', 'transient', 'credential'] as const;
export type CallOutcome = (typeof CallOutcomes)[number];

/**
 * Broadcast on `router.channel.called` to every router replica, which applies it to its own
 * circuits: the model and the caller travel with it, so every replica keeps the same circuit per
 * (channel, model) and counts the same distinct callers.
 */
export class ChannelCalledEvent {
  @IsString() @IsNotEmpty() channelId!: string;
  @IsIn(ChannelTypes) channelType!: ChannelType;
  @IsString() model!: string;
  @IsString() @IsNotEmpty() callerUserId!: string;
  @IsIn(CallOutcomes) outcome!: CallOutcome;
  @IsInt() at!: number;
  /** the replica that made the call (it applied the outcome already) */
  @IsString() @IsNotEmpty() replica!: string;
  /** what went wrong, for a failure (shown to admins as the model's last error) */
  @IsOptional() @IsString() @MaxLength(500) error?: string;
}

/**
 * A channel's circuits start over on every router replica: `forget` after a new key or URL or a
 * re-enable (the channel stays on the health board), `remove` after a delete.
 */
export class ChannelHealthClearedEvent {
  @IsString() @IsNotEmpty() channelId!: string;
  @IsIn(['forget', 'remove']) reset!: 'forget' | 'remove';
}

/** One model's circuit on a channel, with its last error (`GET /admin/channels/{id}/health`). */
export interface ChannelModelHealthView {
  model: string;
  circuit: CircuitState;
  /** failures inside the circuit's window */
  recent_failures: number;
  last_error: string | null;
  /** unix seconds */
  last_error_at: number | null;
}

export interface ChannelHealthView {
  object: 'channel.health';
  channel_id: string;
  status: ChannelStatus;
  /** why the router disabled it (its key was refused); null unless `status` is `auto_disabled` */
  auto_disabled_reason: string | null;
  /** the channel's models, then any other the router has seen fail on it (e.g. `(files)` for Files API uploads) */
  models: ChannelModelHealthView[];
}
