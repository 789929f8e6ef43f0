import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { InferenceEndpoints, type InferenceEndpoint } from './inference';
import type { ChannelType } from './routing';

/** router → billing (durable, JetStream): what one request consumed. Keyed by requestId. */
export class UsageEvent {
  @IsString() @IsNotEmpty() requestId!: string;
  @IsString() @IsNotEmpty() userId!: string;
  @IsString() @IsNotEmpty() keyId!: string;
  @IsString() @IsNotEmpty() model!: string;
  @IsIn(InferenceEndpoints) endpoint!: InferenceEndpoint;
  @IsString() channelId!: string;
  @IsIn(['PLATFORM', 'PRIVATE']) channelType!: ChannelType;
  @IsInt() @Min(0) promptTokens!: number;
  @IsInt() @Min(0) completionTokens!: number;
  /** of promptTokens, how many were read from the provider's prompt cache */
  @IsOptional() @IsInt() @Min(0) cachedTokens?: number;
  /** of promptTokens, how many were written to the provider's prompt cache */
  @IsOptional() @IsInt() @Min(0) cacheWriteTokens?: number;
  /** of completionTokens, how many were reasoning */
  @IsOptional() @IsInt() @Min(0) reasoningTokens?: number;
  /** images generated or edited */
  @IsOptional() @IsInt() @Min(0) images?: number;
  /** seconds of audio in or out */
  @IsOptional() @IsInt() @Min(0) audioSeconds?: number;
  /** true when the upstream reported no usage and the router estimated it */
  @IsBoolean() estimated!: boolean;
  /** the reservation (a batch id) this request's cost is drawn from, instead of a hold of its own */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() prepaidBy?: string | null;
  /** answered from the response cache: no upstream call was made */
  @IsOptional() @IsBoolean() cached?: boolean;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() batchId!: string | null;
  @IsInt() @Min(0) latencyMs!: number;
  @IsISO8601() createdAt!: string;
}

/**
 * One message on the usage stream: the events a router replica finished while its previous
 * publish was being acknowledged, so a busy replica sends one durable message for many requests.
 * Billing still takes a bare UsageEvent (what earlier versions published).
 */
export interface UsageEventGroup {
  events: UsageEvent[];
}

/** The events of one usage-stream message, whichever shape it has (each still to be validated). */
export function usageEventsOf(payload: unknown): unknown[] {
  const events = (payload as Partial<UsageEventGroup> | null)?.events;
  return Array.isArray(events) ? events : [payload];
}

/** Which usage to look at. Times are unix seconds, `from` inclusive, `to` exclusive. */
export class UsageFilter {
  /** one user's usage; null = every user's (admins only) */
  @ValidateIf((_, v) => v !== null) @IsString() @IsNotEmpty() userId!: string | null;
  @IsOptional() @IsInt() @Min(0) from?: number;
  @IsOptional() @IsInt() @Min(0) to?: number;
  @IsOptional() @IsString() @IsNotEmpty() model?: string;
  @IsOptional() @IsString() @IsNotEmpty() batchId?: string;
}

export class UsageListRequest extends UsageFilter {
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() after?: string;
}

export interface UsageDayView {
  object: 'usage.day';
  /** UTC, YYYY-MM-DD */
  date: string;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
}

export interface UsageDailyReply {
  object: 'list';
  data: UsageDayView[];
  /** the whole range, summed exactly in nano-USD (a batch's cost so far: the console adds no money itself) */
  totals: UsageTotalsView;
}

export class LedgerListRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() after?: string;
}

export interface LedgerEntryView {
  id: string;
  object: 'ledger.entry';
  /** USD; credits positive, usage negative */
  amount: number;
  kind: 'credit' | 'usage' | 'refund';
  /** the request id for usage */
  reference: string;
  created_at: number;
}

export interface LedgerListReply {
  object: 'list';
  balance: number;
  data: LedgerEntryView[];
  has_more: boolean;
}

export interface UsageRecordView {
  request_id: string;
  user_id: string;
  model: string;
  endpoint: string;
  channel_id: string;
  channel_type: ChannelType;
  prompt_tokens: number;
  completion_tokens: number;
  /** of prompt_tokens, read from the provider's prompt cache */
  cached_tokens: number;
  /** of prompt_tokens, written to the provider's prompt cache */
  cache_write_tokens: number;
  /** of completion_tokens, spent reasoning */
  reasoning_tokens: number;
  images: number;
  audio_seconds: number;
  cost: number;
  estimated: boolean;
  cached: boolean;
  batch_id: string | null;
  created_at: number;
}

export interface UsageListReply {
  object: 'list';
  /** the user's balance; null when listing every user's usage */
  balance: number | null;
  data: UsageRecordView[];
  has_more: boolean;
}

export const UsageGranularities = ['hour', 'day'] as const;
export type UsageGranularity = (typeof UsageGranularities)[number];
/** What a summary's series are split by: `user` and `channel` only for admins. */
export const UsageGroupings = ['none', 'model', 'channel_type', 'user', 'channel'] as const;
export type UsageGrouping = (typeof UsageGroupings)[number];

/** The longest range a summary covers, per granularity (seconds). */
export const USAGE_SUMMARY_MAX_SPAN: Record<UsageGranularity, number> = { hour: 31 * 86_400, day: 400 * 86_400 };

/** Usage totals per bucket and group, read from the roll-ups. `from`/`to` are whole UTC hours (the gateway aligns them). */
export class UsageSummaryRequest {
  /** one user's usage; null = every user's (admins only) */
  @ValidateIf((_, v) => v !== null) @IsString() @IsNotEmpty() userId!: string | null;
  @IsInt() @Min(0) from!: number;
  @IsInt() @Min(0) to!: number;
  @IsIn(UsageGranularities) granularity!: UsageGranularity;
  @IsIn(UsageGroupings) groupBy!: UsageGrouping;
}

export interface UsageTotalsView {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
}

export interface UsageSeriesPoint extends UsageTotalsView {
  /** the bucket's first second (UTC hour or day), unix seconds */
  start: number;
  /** the model, channel type, user id or channel id; null when not grouped */
  group: string | null;
}

export interface UsageSummaryReply {
  object: 'usage.summary';
  granularity: UsageGranularity;
  from: number;
  to: number;
  group_by: UsageGrouping;
  totals: UsageTotalsView;
  /** buckets with usage only, oldest first, then by group */
  series: UsageSeriesPoint[];
  /** every group with usage in the range, by cost, highest first */
  groups: { group: string | null; requests: number; cost: number }[];
}

/** The users who spent most in [from, to) (whole UTC hours), from the roll-ups. */
export class TopSpendersRequest {
  @IsInt() @Min(0) from!: number;
  @IsInt() @Min(0) to!: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
}

export interface TopSpenderView {
  user_id: string;
  name: string;
  requests: number;
  cost: number;
}

export interface TopSpendersReply {
  object: 'list';
  data: TopSpenderView[];
}

/** One page of usage records for an export, in the order of `/v1/usage` (newest first). */
export class UsageExportRequest extends UsageFilter {
  @IsInt() @Min(1) @Max(1000) limit!: number;
  /** the `nextAfter` of the previous page (a request id) */
  @IsOptional() @IsString() @IsNotEmpty() after?: string;
  /** on the first page: count the records the export covers, up to this many (in the page's snapshot) */
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) countUpTo?: number;
}

/** A usage record as an export writes it: the exact cost in nano-USD. */
export interface UsageExportRow {
  createdAt: string;
  requestId: string;
  userId: string;
  model: string;
  endpoint: string;
  channelId: string;
  channelType: ChannelType;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  costNano: string;
  batchId: string | null;
}

export interface UsageExportPage {
  rows: UsageExportRow[];
  /** pass as `after` for the next page; null after the last */
  nextAfter: string | null;
  /** the records the export covers, at most `countUpTo` (when asked) */
  counted?: number;
}
