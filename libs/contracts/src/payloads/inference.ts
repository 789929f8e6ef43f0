import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import { Principal } from './principal';
import { ChannelTypes, type ChannelType, type RoutingInfo } from './routing';
import type { WireError } from '../domain-error';

export const InferenceEndpoints = [
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/responses',
  '/v1/messages',
  '/v1beta/models:generateContent',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/rerank',
  '/v1/audio/speech',
  '/v1/audio/transcriptions',
  '/v1/videos/generations',
  '/v1/music/generations',
  '/v1/3d/generations',
] as const;
export type InferenceEndpoint = (typeof InferenceEndpoints)[number];

/** Only what the gateway must check; every other field passes through to the upstream untouched. */
export class ChatCompletionBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'messages is required' })
  @IsArray()
  @ArrayNotEmpty({ message: 'messages must contain at least one message' })
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

const IsEmbeddingInput = satisfies(
  'isEmbeddingInput',
  'input must be a non-empty string, an array of strings, or an array of token arrays',
  (value) => {
    if (typeof value === 'string') return value.length > 0;
    if (!Array.isArray(value) || value.length === 0) return false;
    return value.every(
      (item) =>
        (typeof item === 'string' && item.length > 0) || Number.isInteger(item) || (isTokenArray(item) && (item as unknown[]).length > 0),
    );
  },
);

export class EmbeddingsBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'input is required' }) @IsEmbeddingInput() input!: unknown;
  @IsOptional() @IsIn(['float', 'base64']) encoding_format?: 'float' | 'base64';
  [passthrough: string]: unknown;
}

export const CacheModes = ['on', 'off'] as const;
export type CacheMode = (typeof CacheModes)[number];

const IsPromptInput = satisfies(
  'isPromptInput',
  'prompt must be a string or an array of strings or token arrays',
  (value) =>
    typeof value === 'string' ||
    (Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string' || Number.isInteger(p) || isTokenArray(p))),
);

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
  @IsDefined({ message: 'input is required' })
  @ValidateIf((_, v) => typeof v !== 'string')
  @IsArray({ message: 'input must be a string or an array of input items' })
  @ArrayNotEmpty({ message: 'input must not be empty' })
  input!: string | Record<string, unknown>[];
  @IsOptional() @IsBoolean() stream?: boolean;
  [passthrough: string]: unknown;
}

/** Anthropic's Messages API: `max_tokens` is required there, so it is here. */
export class MessagesBody {
  @IsDefined({ message: 'model: Field required' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'messages: Field required' })
  @IsArray()
  @ArrayNotEmpty({ message: 'messages: at least one message is required' })
  @IsObject({ each: true, message: 'messages: each message must be an object' })
  messages!: Record<string, unknown>[];
  @IsDefined({ message: 'max_tokens: Field required' })
  @IsInt({ message: 'max_tokens: must be an integer' })
  @Min(1, { message: 'max_tokens: must be at least 1' })
  max_tokens!: number;
  @IsOptional() @IsBoolean() stream?: boolean;
  [passthrough: string]: unknown;
}

/** `/v1/messages/count_tokens`: a Messages request without `max_tokens`. */
export class CountTokensBody {
  @IsDefined({ message: 'model: Field required' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'messages: Field required' })
  @IsArray()
  @ArrayNotEmpty({ message: 'messages: at least one message is required' })
  @IsObject({ each: true, message: 'messages: each message must be an object' })
  messages!: Record<string, unknown>[];
  [passthrough: string]: unknown;
}

/** Gemini's generateContent body (the model comes from the URL). */
export class GenerateContentBody {
  @IsDefined({ message: '* GenerateContentRequest.contents: contents is not specified' })
  @IsArray()
  @ArrayNotEmpty({ message: '* GenerateContentRequest.contents: contents is not specified' })
  @IsObject({ each: true, message: 'contents: each content must be an object' })
  contents!: Record<string, unknown>[];
  [passthrough: string]: unknown;
}

export interface CountTokensReply {
  input_tokens: number;
}

/** gateway → router: hand a stored file to a provider channel and bind it there. */
export class BindFileRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsString() @IsNotEmpty() fileId!: string;
  @IsString() @IsNotEmpty() objectKey!: string;
  @IsString() filename!: string;
  @IsString() @IsNotEmpty() mediaType!: string;
  @IsInt() @Min(0) bytes!: number;
  /** the endpoint that will reference the file: picks the kind of channel that must hold it */
  @IsIn(InferenceEndpoints) endpoint!: InferenceEndpoint;
  /** the model that will use it (image reference files); absent = any model of such a channel */
  @IsOptional() @IsString() @IsNotEmpty() model?: string;
  /** true: no channel able to hold it is an error; false: the file stays unbound */
  @IsBoolean() required!: boolean;
}

/** gateway → router: the caller deleted a file; the provider's copy goes too. */
export class UnbindFileRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsString() @IsNotEmpty() fileId!: string;
}

export interface FileBindingView {
  fileId: string;
  /** null: no channel could hold it and the binding was optional */
  channelId: string | null;
  upstreamFileId: string | null;
}

const IsRerankDocuments = satisfies(
  'isRerankDocuments',
  'documents must be a non-empty array of strings or {text} objects',
  (value) =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 10_000 &&
    value.every(
      (d) => typeof d === 'string' || (d !== null && typeof d === 'object' && typeof (d as { text?: unknown }).text === 'string'),
    ),
);

/** Rerank in the Cohere/Jina shape. */
export class RerankBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'query is required' }) @IsString() @IsNotEmpty({ message: 'query must not be empty' }) query!: string;
  @IsDefined({ message: 'documents is required' }) @IsRerankDocuments() documents!: (string | { text: string })[];
  @IsOptional() @IsInt() @Min(1) top_n?: number;
  @IsOptional() @IsBoolean() return_documents?: boolean;
  [passthrough: string]: unknown;
}

/** Text to speech: the answer is audio bytes, streamed. */
export class SpeechBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'input is required' })
  @IsString()
  @IsNotEmpty({ message: 'input must not be empty' })
  @MaxLength(4096)
  input!: string;
  @IsDefined({ message: 'voice is required' }) @IsString() @IsNotEmpty() voice!: string;
  @IsOptional() @IsIn(['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm']) response_format?: string;
  [passthrough: string]: unknown;
}

export const TranscriptionFormats = ['json', 'text', 'srt', 'verbose_json', 'vtt'] as const;

/** Object keys of uploads parked for one request live under this prefix, per user. */
export const PARKED_OBJECT_PREFIX = 'tmp/';
/**
 * The one place a parked part's object key is made: from the caller's user id, the request id and
 * the part's position, never from anything a caller wrote. Gateway and router both derive it.
 */
export const parkedPartKey = (userId: string, requestId: string, index: number): string =>
  `${PARKED_OBJECT_PREFIX}${userId}/${requestId}-${index}`;

export const ParkedPartFields = ['file', 'image', 'mask'] as const;

/**
 * One file part of a multipart request (a transcription's audio, an edit's images and mask), parked
 * in object storage by the gateway for this request only. It travels in `ExecuteRequest.parked`,
 * beside the caller's body, never inside it; its key is `parkedPartKey(user, request, index)`.
 */
export class ParkedPart {
  @IsIn(ParkedPartFields) field!: (typeof ParkedPartFields)[number];
  @IsString() @MaxLength(1024) filename!: string;
  @IsString() @IsNotEmpty() @MaxLength(255) mediaType!: string;
  @IsInt() @Min(0) bytes!: number;
}

/** Most parts a multipart request may park: OpenAI's 16 input images of an edit and its mask. */
export const MAX_PARKED_PARTS = 17;

/** OpenAI's limit for one input image of an edit (a multipart part, or a referenced file read by the router). */
export const MAX_EDIT_IMAGE_BYTES = 50 * 1024 * 1024;

/** OpenAI's limit for an audio file to transcribe. */
export const MAX_TRANSCRIPTION_AUDIO_BYTES = 25 * 1024 * 1024;

/** The image model when an image request or reference file names none (the product docs' default). */
export const DEFAULT_IMAGE_MODEL = 'gpt-image-2';

export class ImageGenerationBody {
  @IsOptional() @IsString() @IsNotEmpty() model?: string;
  @IsDefined({ message: 'prompt is required' }) @IsString() @IsNotEmpty({ message: 'prompt must not be empty' }) prompt!: string;
  @IsOptional() @IsInt() @Min(1) @Max(10) n?: number;
  [passthrough: string]: unknown;
}

/** An input image of an edit: one of our file ids (an uploaded reference file) or a URL / data URL. */
export class ImageReference {
  @ValidateIf((o) => o.image_url === undefined)
  @IsString({ message: 'each image needs a file_id or an image_url' })
  @IsNotEmpty()
  file_id?: string;
  @ValidateIf((o) => o.file_id === undefined)
  @IsString({ message: 'each image needs a file_id or an image_url' })
  @IsNotEmpty()
  image_url?: string;
}

/** `/v1/images/edits` in its JSON form: `images[]` by file id or URL, an optional `mask`. */
export class ImageEditBody {
  @IsOptional() @IsString() @IsNotEmpty() model?: string;
  @IsDefined({ message: 'prompt is required' }) @IsString() @IsNotEmpty({ message: 'prompt must not be empty' }) prompt!: string;
  @IsDefined({ message: 'images is required' })
  @IsArray()
  @ArrayNotEmpty({ message: 'images must contain at least one image' })
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  @Type(() => ImageReference)
  images!: ImageReference[];
  @IsOptional() @ValidateNested() @Type(() => ImageReference) mask?: ImageReference;
  @IsOptional() @IsInt() @Min(1) @Max(10) n?: number;
  [passthrough: string]: unknown;
}

/** gateway → router: read or delete a stored Responses answer at the channel that made it. */
export class StoredResponseRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsString() @IsNotEmpty() responseId!: string;
  @IsIn(['get', 'delete', 'input_items']) action!: 'get' | 'delete' | 'input_items';
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
  /** file parts the gateway parked for this request, by position (their object keys derive from it) */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PARKED_PARTS) @ValidateNested({ each: true }) @Type(() => ParkedPart) parked?: ParkedPart[];
}

export interface ExecuteReply {
  body: Record<string, unknown>;
  /** an answer that is not JSON (a transcript as text, SRT or VTT): sent as is, `body` holds it as `{text}` */
  text?: { contentType: string; content: string };
  routing: RoutingInfo;
  /** what the caller is charged, USD (null when prices are unavailable) */
  costUsd: number | null;
}

/**
 * An interactive JSON answer passed on as the upstream wrote it (the caller's API on both sides,
 * not from the cache), `usage.cost` already spliced in: the gateway splices `_routing` in and
 * writes it without parsing it. Batch lines (`batchId` set) always get an `ExecuteReply`.
 */
export interface ExecuteRawReply {
  raw: string;
  routing: RoutingInfo;
  costUsd: number | null;
}

/** A streamed execute answers with a sequence of these; failover can only happen before `start`. */
export type StreamEvent =
  | { kind: 'start'; routing: RoutingInfo; contentType?: string }
  | { kind: 'chunk'; data: Record<string, unknown> }
  /** part of a binary answer (audio), base64 */
  | { kind: 'bytes'; data: string }
  /** `costUsd`: what the caller is charged, USD, as `ExecuteReply.costUsd` (absent or null when not known) */
  | { kind: 'end'; costUsd?: number | null }
  | { kind: 'error'; error: WireError };

export class ModelListRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
}

export const ModelTypes = ['chat', 'embedding', 'image', 'rerank'] as const;
export type ModelType = (typeof ModelTypes)[number];

/** The model's price for the caller, USD (per million tokens, per image, per audio second, per call). */
export interface ModelPricing {
  input_per_million: number;
  output_per_million: number;
  cached_input_per_million: number | null;
  per_image: number | null;
  per_audio_second: number | null;
  per_call: number | null;
}

export interface ModelView {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  type: ModelType;
  /** every route that can reach it, natively or translated */
  endpoints: InferenceEndpoint[];
  /** where known (channels do not declare it yet) */
  context_window: number | null;
  /** null: no price set (free on PLATFORM channels; BYOK pays its own provider) */
  pricing: ModelPricing | null;
}
