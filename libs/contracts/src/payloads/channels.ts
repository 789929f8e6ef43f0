import { Type } from 'class-transformer';
import {
  ArrayNotEmpty, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl,
  Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { InferenceEndpoints, type InferenceEndpoint } from './inference';
import { Principal } from './principal';
import type { ChannelType } from './routing';

export const ChannelStatuses = ['enabled', 'disabled', 'auto_disabled'] as const;
export type ChannelStatus = (typeof ChannelStatuses)[number];

const urlOptions = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class CreateChannelBody {
  @IsDefined({ message: 'name is required' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsDefined({ message: 'provider is required' }) @IsString() @IsNotEmpty() provider!: string;
  @IsDefined({ message: 'base_url is required' }) @IsUrl(urlOptions) base_url!: string;
  @IsDefined({ message: 'api_key is required' }) @IsString() @IsNotEmpty() api_key!: string;
  @IsDefined({ message: 'models is required' }) @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsString({ each: true }) models!: string[];
  @IsOptional() @IsObject() model_mapping?: Record<string, string>;
  @IsOptional() @IsInt() @Min(-1000) @Max(1000) priority?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10000) weight?: number;
  @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(InferenceEndpoints, { each: true }) endpoints?: InferenceEndpoint[];
  @IsOptional() @IsIn(ChannelStatuses) status?: ChannelStatus;
}

export class UpdateChannelBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @IsUrl(urlOptions) base_url?: string;
  @IsOptional() @IsString() @IsNotEmpty() api_key?: string;
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsString({ each: true }) models?: string[];
  @IsOptional() @IsObject() model_mapping?: Record<string, string>;
  @IsOptional() @IsInt() @Min(-1000) @Max(1000) priority?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10000) weight?: number;
  @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(InferenceEndpoints, { each: true }) endpoints?: InferenceEndpoint[];
  @IsOptional() @IsIn(ChannelStatuses) status?: ChannelStatus;
}

/** Who asks: admins manage PLATFORM channels; later, users their own PRIVATE ones. */
export class ChannelScope {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
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
  created_at: number;
  updated_at: number;
}

export interface DeletedView {
  id: string;
  object: string;
  deleted: true;
}
