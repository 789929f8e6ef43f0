import { Type } from 'class-transformer';
import {
  IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateIf,
} from 'class-validator';
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
  /** true when the upstream reported no usage and the router estimated it */
  @IsBoolean() estimated!: boolean;
  /** answered from the response cache: no upstream call was made */
  @IsOptional() @IsBoolean() cached?: boolean;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() batchId!: string | null;
  @IsInt() @Min(0) latencyMs!: number;
  @IsISO8601() createdAt!: string;
}

export class UsageListRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() after?: string;
}

export interface UsageRecordView {
  request_id: string;
  model: string;
  endpoint: string;
  channel_id: string;
  channel_type: ChannelType;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  estimated: boolean;
  cached: boolean;
  batch_id: string | null;
  created_at: number;
}

export interface UsageListReply {
  object: 'list';
  balance: number;
  data: UsageRecordView[];
  has_more: boolean;
}
