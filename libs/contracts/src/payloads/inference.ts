import { Type } from 'class-transformer';
import {
  ArrayNotEmpty, IsArray, IsBoolean, IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, ValidateNested,
  ValidateIf, registerDecorator,
} from 'class-validator';
import { Principal } from './principal';
import { ChannelTypes, type ChannelType, type RoutingInfo } from './routing';
import type { WireError } from '../domain-error';

export const InferenceEndpoints = ['/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/responses'] as const;
export type InferenceEndpoint = (typeof InferenceEndpoints)[number];

/** Only what the gateway must check; every other field passes through to the upstream untouched. */
export class ChatCompletionBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'messages is required' }) @IsArray() @ArrayNotEmpty({ message: 'messages must contain at least one message' })
  @IsObject({ each: true, message: 'each message must be an object' })
  messages!: Record<string, unknown>[];
  @IsOptional() @IsBoolean() stream?: boolean;
  @IsOptional() @IsObject() stream_options?: { include_usage?: boolean } & Record<string, unknown>;
  [passthrough: string]: unknown;
}

/** A property decorator from a plain check and the message it fails with. */
function satisfies(name: string, message: string, validate: (value: unknown) => boolean) {
  return () => (target: object, propertyName: string) =>
    registerDecorator({ name, target: target.constructor, propertyName, options: { message }, validator: { validate } });
}

const isTokenArray = (item: unknown) => Array.isArray(item) && item.every((t) => Number.isInteger(t));

const IsEmbeddingInput = satisfies('isEmbeddingInput', 'input must be a non-empty string, an array of strings, or an array of token arrays', (value) => {
  if (typeof value === 'string') return value.length > 0;
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.every((item) => (typeof item === 'string' && item.length > 0) || Number.isInteger(item) || (isTokenArray(item) && (item as unknown[]).length > 0));
});

export class EmbeddingsBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'input is required' }) @IsEmbeddingInput() input!: unknown;
  @IsOptional() @IsIn(['float', 'base64']) encoding_format?: 'float' | 'base64';
  [passthrough: string]: unknown;
}

export const CacheModes = ['on', 'off'] as const;
export type CacheMode = (typeof CacheModes)[number];

const IsPromptInput = satisfies('isPromptInput', 'prompt must be a string or an array of strings or token arrays', (value) =>
  typeof value === 'string' ||
  (Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string' || Number.isInteger(p) || isTokenArray(p))));

/** Legacy text completions. */
export class CompletionsBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'prompt is required' }) @IsPromptInput() prompt!: unknown;
  @IsOptional() @IsBoolean() stream?: boolean;
  @IsOptional() @IsObject() stream_options?: { include_usage?: boolean } & Record<string, unknown>;
  [passthrough: string]: unknown;
}

/** The Responses API: `input` is a string or a list of input items. */
export class ResponsesBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'input is required' }) @ValidateIf((_, v) => typeof v !== 'string') @IsArray({ message: 'input must be a string or an array of input items' })
  @ArrayNotEmpty({ message: 'input must not be empty' })
  input!: string | Record<string, unknown>[];
  @IsOptional() @IsBoolean() stream?: boolean;
  [passthrough: string]: unknown;
}

/** gateway → router: run one inference request. */
export class ExecuteRequest {
  @IsString() @IsNotEmpty() requestId!: string;
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsIn(InferenceEndpoints) endpoint!: InferenceEndpoint;
  @IsObject() body!: Record<string, unknown> & { model: string };
  @IsBoolean() stream!: boolean;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() batchId?: string | null;
  /** `x-switchyard-channel-type`: only this kind of channel for this request, whatever the user's policy */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(ChannelTypes) channelType?: ChannelType | null;
  /** a batch line whose batch reserved its money already: no hold of its own */
  @IsOptional() @IsBoolean() prepaid?: boolean;
  /** `x-switchyard-cache`: on or off for this request; absent = the channels' setting */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(CacheModes) cache?: CacheMode | null;
}

export interface ExecuteReply {
  body: Record<string, unknown>;
  routing: RoutingInfo;
  /** what the caller is charged, USD (null when prices are unavailable) */
  costUsd: number | null;
}

/** A streamed execute answers with a sequence of these; failover can only happen before `start`. */
export type StreamEvent =
  | { kind: 'start'; routing: RoutingInfo }
  | { kind: 'chunk'; data: Record<string, unknown> }
  | { kind: 'end' }
  | { kind: 'error'; error: WireError };

export class ModelListRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
}

export interface ModelView {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}
