import fc from 'fast-check';
import { hostileJson, hostileKey } from './hostile-json.arbitrary';
import { nanoToUsd, parseDecimal, usdToNano } from './money';
import { AddCreditBody, CreateHoldRequest, CreateKeyBody, CreateUserBody, SetPriceBody, SetRateLimitBody } from './payloads/accounts';
import { CreateBatchBody, ListBatchesRequest } from './payloads/batches';
import { CreateChannelBody, UpdateChannelRequest } from './payloads/channels';
import { FILE_ID_PATTERN, ListFilesRequest, RegisterFileRequest } from './payloads/files';
import {
  ChatCompletionBody,
  CompletionsBody,
  CountTokensBody,
  EmbeddingsBody,
  ExecuteRequest,
  GenerateContentBody,
  ImageEditBody,
  ImageGenerationBody,
  InferenceEndpoints,
  MessagesBody,
  RerankBody,
  ResponsesBody,
  SpeechBody,
} from './payloads/inference';
import { Roles, Scopes } from './payloads/principal';
import { SetRoutingPolicyBody } from './payloads/routing';
import { CreateTaskRequest, GenerationBody } from './payloads/tasks';
import { UsageEvent, UsageListRequest } from './payloads/usage';

export type Json = Record<string, any>;
type Ctor = new () => object;

/**
 * Test-only (like hostile-json.arbitrary.ts): nothing outside `*.spec.ts` imports it.
 *
 * Every payload class that carries caller input (gateway bodies) or crosses a service boundary,
 * with a valid example to mutate and its documented constraints written out again, independently
 * of the decorators, so an accepted value can be checked against what the docs promise.
 */
export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
/** class-validator's @IsOptional lets null through as well as a missing field */
const absent = (v: unknown) => v === undefined || v === null;
const intIn = (v: unknown, min: number, max = Number.MAX_VALUE) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v);
const optional = (check: (v: unknown) => boolean) => (v: unknown) => absent(v) || check(v);
const nullable = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const nonEmptyArrayOf = (check: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(check);
/** exactly representable in `scale` decimal places, and the exact value reads back as the same number */
const exactDecimal = (scale: number) => (v: unknown) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  try {
    return Number(parseDecimal(v, scale)) / 10 ** scale === v;
  } catch {
    return false;
  }
};
const usd = (min: number, max: number) => (v: unknown) =>
  exactDecimal(9)(v) && (v as number) >= min && (v as number) <= max && nanoToUsd(usdToNano(v as number)) === v;
/**
 * A missing nested payload passes: class-validator's @ValidateNested skips undefined and these
 * internal messages carry no @IsDefined (only services write them, never a caller).
 */
const nestedOk = (check: (v: Json) => boolean) => (v: unknown) => v === undefined || (isObject(v) && check(v));
const principalOk = nestedOk(
  (p: Json) =>
    typeof p.userId === 'string' &&
    typeof p.keyId === 'string' &&
    oneOf(Roles)(p.role) &&
    Array.isArray(p.scopes) &&
    new Set(p.scopes).size === p.scopes.length &&
    p.scopes.every(oneOf(Scopes)) &&
    optional(nullable((r) => intIn(r, 1)))(p.rateLimit),
);
const tokenArray = (v: unknown) => Array.isArray(v) && v.every(Number.isInteger);
const principal = { userId: 'u', keyId: 'k', role: 'user', scopes: ['inference'], rateLimit: 60 };

export interface Case {
  cls: Ctor;
  example: Json;
  documented: (v: Json) => boolean;
}

export const cases: Record<string, Case> = {
  ChatCompletionBody: {
    cls: ChatCompletionBody,
    example: {
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
    },
    documented: (v) =>
      nonEmptyString(v.model) &&
      nonEmptyArrayOf(isObject)(v.messages) &&
      optional((s) => typeof s === 'boolean')(v.stream) &&
      optional(isObject)(v.stream_options),
  },
  EmbeddingsBody: {
    cls: EmbeddingsBody,
    example: { model: 'm', input: ['a', 'b'], encoding_format: 'float' },
    documented: (v) =>
      nonEmptyString(v.model) &&
      optional(oneOf(['float', 'base64']))(v.encoding_format) &&
      (nonEmptyString(v.input) ||
        nonEmptyArrayOf((i) => nonEmptyString(i) || Number.isInteger(i) || (tokenArray(i) && (i as unknown[]).length > 0))(v.input)),
  },
  CompletionsBody: {
    cls: CompletionsBody,
    example: { model: 'm', prompt: ['a', [1, 2]], stream: false },
    documented: (v) =>
      nonEmptyString(v.model) &&
      (typeof v.prompt === 'string' || nonEmptyArrayOf((p) => typeof p === 'string' || Number.isInteger(p) || tokenArray(p))(v.prompt)),
  },
  ResponsesBody: {
    cls: ResponsesBody,
    example: { model: 'm', input: [{ role: 'user', content: 'x' }], stream: true },
    documented: (v) =>
      nonEmptyString(v.model) &&
      (typeof v.input === 'string' || (Array.isArray(v.input) && v.input.length > 0)) &&
      optional((s) => typeof s === 'boolean')(v.stream),
  },
  MessagesBody: {
    cls: MessagesBody,
    example: { model: 'm', max_tokens: 16, messages: [{ role: 'user', content: 'x' }], stream: false },
    documented: (v) =>
      nonEmptyString(v.model) &&
      nonEmptyArrayOf(isObject)(v.messages) &&
      intIn(v.max_tokens, 1) &&
      optional((s) => typeof s === 'boolean')(v.stream),
  },
  CountTokensBody: {
    cls: CountTokensBody,
    example: { model: 'm', messages: [{ role: 'user', content: 'x' }] },
    documented: (v) => nonEmptyString(v.model) && nonEmptyArrayOf(isObject)(v.messages),
  },
  GenerateContentBody: {
    cls: GenerateContentBody,
    example: { contents: [{ role: 'user', parts: [{ text: 'x' }] }] },
    documented: (v) => nonEmptyArrayOf(isObject)(v.contents),
  },
  RerankBody: {
    cls: RerankBody,
    example: { model: 'm', query: 'q', documents: ['a', { text: 'b' }], top_n: 1, return_documents: true },
    documented: (v) =>
      nonEmptyString(v.model) &&
      nonEmptyString(v.query) &&
      optional((n) => intIn(n, 1))(v.top_n) &&
      nonEmptyArrayOf((d) => typeof d === 'string' || (isObject(d) && typeof d.text === 'string'))(v.documents) &&
      v.documents.length <= 10_000,
  },
  SpeechBody: {
    cls: SpeechBody,
    example: { model: 'm', input: 'say', voice: 'alloy', response_format: 'mp3' },
    documented: (v) => nonEmptyString(v.model) && nonEmptyString(v.input) && v.input.length <= 4096 && nonEmptyString(v.voice),
  },
  ImageGenerationBody: {
    cls: ImageGenerationBody,
    example: { model: 'm', prompt: 'cat', n: 2 },
    documented: (v) => optional(nonEmptyString)(v.model) && nonEmptyString(v.prompt) && optional((n) => intIn(n, 1, 10))(v.n),
  },
  ImageEditBody: {
    cls: ImageEditBody,
    example: { prompt: 'hat', images: [{ file_id: 'file-a' }, { image_url: 'https://x/y.png' }], mask: { file_id: 'file-b' }, n: 1 },
    documented: (v) => {
      const ref = (r: unknown) => isObject(r) && (nonEmptyString(r.file_id) || nonEmptyString(r.image_url));
      return (
        nonEmptyString(v.prompt) &&
        nonEmptyArrayOf(ref)(v.images) &&
        v.images.length <= 16 &&
        optional(ref)(v.mask) &&
        optional((n) => intIn(n, 1, 10))(v.n)
      );
    },
  },
  GenerationBody: {
    cls: GenerationBody,
    example: { model: 'm', prompt: 'a song' },
    documented: (v) => nonEmptyString(v.model) && nonEmptyString(v.prompt),
  },
  CreateBatchBody: {
    cls: CreateBatchBody,
    example: { input_file_id: 'file-a', endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { k: 'v' } },
    documented: (v) =>
      nonEmptyString(v.input_file_id) &&
      oneOf(['/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/responses'])(v.endpoint) &&
      v.completion_window === '24h' &&
      optional(
        nullable(
          (m) =>
            isObject(m) &&
            Object.keys(m).length <= 16 &&
            Object.entries(m).every(([k, s]) => k.length <= 64 && typeof s === 'string' && s.length <= 512),
        ),
      )(v.metadata),
  },
  CreateUserBody: {
    cls: CreateUserBody,
    example: { name: 'ann', role: 'vip', credits: 12.5 },
    documented: (v) => nonEmptyString(v.name) && v.name.length <= 200 && optional(oneOf(Roles))(v.role) && optional(usd(0, 1e9))(v.credits),
  },
  AddCreditBody: {
    cls: AddCreditBody,
    example: { amount: 0.000000001 },
    documented: (v) => usd(-1e9, 1e9)(v.amount) && v.amount !== 0,
  },
  CreateKeyBody: {
    cls: CreateKeyBody,
    example: { name: 'ci', scopes: ['inference', 'usage:read'] },
    documented: (v) =>
      optional((n) => typeof n === 'string' && n.length <= 200)(v.name) &&
      optional((s) => Array.isArray(s) && new Set(s).size === s.length && s.every(oneOf(Scopes)))(v.scopes),
  },
  SetPriceBody: {
    cls: SetPriceBody,
    example: {
      input_per_million: 2.5,
      output_per_million: 10,
      cached_input_per_million: null,
      cache_write_input_per_million: 3.75,
      batch_discount: 0.5,
      per_image: 0.04,
      per_audio_second: null,
      per_call: 0.001,
    },
    documented: (v) =>
      usd(0, 1e6)(v.input_per_million) &&
      usd(0, 1e6)(v.output_per_million) &&
      ['cached_input_per_million', 'cache_write_input_per_million', 'per_image', 'per_audio_second', 'per_call'].every((k) =>
        optional(nullable(usd(0, 1e6)))(v[k]),
      ) &&
      optional((d) => exactDecimal(6)(d) && (d as number) >= 0 && (d as number) <= 1)(v.batch_discount),
  },
  SetRateLimitBody: {
    cls: SetRateLimitBody,
    example: { requests_per_minute: 60 },
    documented: (v) => v.requests_per_minute === null || intIn(v.requests_per_minute, 1, 10_000_000),
  },
  SetRoutingPolicyBody: {
    cls: SetRoutingPolicyBody,
    example: { policy: 'byok_only' },
    documented: (v) => oneOf(['byok_first', 'platform_first', 'byok_only', 'platform_only'])(v.policy),
  },
  CreateChannelBody: {
    cls: CreateChannelBody,
    example: {
      provider: 'openai',
      api_key: 'sk-x',
      models: ['a', 'b'],
      base_url: 'https://api.example.com/v1',
      priority: 1,
      weight: 5,
      endpoints: ['/v1/chat/completions'],
      max_concurrency: null,
    },
    documented: (v) =>
      nonEmptyString(v.provider) &&
      nonEmptyString(v.api_key) &&
      nonEmptyArrayOf((m) => typeof m === 'string')(v.models) &&
      new Set(v.models).size === v.models.length &&
      optional((u) => typeof u === 'string' && /^https?:\/\//i.test(u))(v.base_url) &&
      optional((p) => intIn(p, -1000, 1000))(v.priority) &&
      optional((w) => intIn(w, 0, 10000))(v.weight) &&
      optional(nonEmptyArrayOf(oneOf(InferenceEndpoints)))(v.endpoints) &&
      optional(nullable((n) => intIn(n, 1, 100000)))(v.max_concurrency),
  },
  UpdateChannelRequest: {
    cls: UpdateChannelRequest,
    example: { principal, type: 'PRIVATE', channelId: 'ch_1', body: { status: 'disabled', rpm_limit: 10, cache_ttl_seconds: 60 } },
    documented: (v) =>
      principalOk(v.principal) &&
      oneOf(['PLATFORM', 'PRIVATE'])(v.type) &&
      nonEmptyString(v.channelId) &&
      nestedOk(
        (b) =>
          optional(oneOf(['enabled', 'disabled']))(b.status) &&
          optional(nullable((n) => intIn(n, 1, 10_000_000)))(b.rpm_limit) &&
          optional(nullable((n) => intIn(n, 1, 30 * 86400)))(b.cache_ttl_seconds),
      )(v.body),
  },
  ExecuteRequest: {
    cls: ExecuteRequest,
    example: {
      requestId: 'req_1',
      principal,
      endpoint: '/v1/chat/completions',
      body: { model: 'm', messages: [] },
      stream: false,
      batchId: null,
      channelType: 'PRIVATE',
      prepaid: true,
      cache: 'on',
    },
    documented: (v) =>
      nonEmptyString(v.requestId) &&
      principalOk(v.principal) &&
      oneOf(InferenceEndpoints)(v.endpoint) &&
      isObject(v.body) &&
      typeof v.stream === 'boolean' &&
      optional(nullable((b) => typeof b === 'string'))(v.batchId) &&
      optional(nullable(oneOf(['PLATFORM', 'PRIVATE'])))(v.channelType) &&
      optional(nullable(oneOf(['on', 'off'])))(v.cache),
  },
  CreateTaskRequest: {
    cls: CreateTaskRequest,
    example: { principal, kind: 'video', body: { model: 'm', prompt: 'p', seconds: 4 } },
    documented: (v) =>
      principalOk(v.principal) &&
      oneOf(['video', 'music', '3d'])(v.kind) &&
      nestedOk((b) => nonEmptyString(b.model) && nonEmptyString(b.prompt))(v.body),
  },
  RegisterFileRequest: {
    cls: RegisterFileRequest,
    example: {
      fileId: 'file-abc',
      ownerUserId: 'u',
      api: 'openai',
      purpose: 'batch',
      filename: 'in.jsonl',
      bytes: 10,
      mediaType: 'application/jsonl',
      objectKey: 'files/u/file-abc',
      expiresAfterSeconds: 3600,
    },
    documented: (v) =>
      typeof v.fileId === 'string' &&
      FILE_ID_PATTERN.test(v.fileId) &&
      nonEmptyString(v.ownerUserId) &&
      nonEmptyString(v.filename) &&
      v.filename.length <= 1024 &&
      intIn(v.bytes, 0) &&
      optional(nullable((s) => intIn(s, 3600, 2_592_000)))(v.expiresAfterSeconds),
  },
  ListFilesRequest: {
    cls: ListFilesRequest,
    example: { ownerUserId: 'u', api: 'anthropic', purpose: 'batch', limit: 20, after: 'file-a', order: 'desc' },
    documented: (v) =>
      nonEmptyString(v.ownerUserId) && oneOf(['openai', 'anthropic'])(v.api) && intIn(v.limit, 1, 1000) && oneOf(['asc', 'desc'])(v.order),
  },
  ListBatchesRequest: {
    cls: ListBatchesRequest,
    example: { ownerUserId: 'u', limit: 20, after: 'batch_1' },
    documented: (v) => nonEmptyString(v.ownerUserId) && intIn(v.limit, 1, 100),
  },
  CreateHoldRequest: {
    cls: CreateHoldRequest,
    example: { requestId: 'r', userId: 'u', amountNano: '1000', ttlMs: 60000, minimumNano: '10' },
    documented: (v) =>
      nonEmptyString(v.requestId) &&
      /^\d{1,19}$/.test(v.amountNano) &&
      intIn(v.ttlMs, 1000) &&
      optional((m) => typeof m === 'string' && /^\d{1,19}$/.test(m))(v.minimumNano),
  },
  UsageEvent: {
    cls: UsageEvent,
    example: {
      requestId: 'r',
      userId: 'u',
      keyId: 'k',
      model: 'm',
      endpoint: '/v1/chat/completions',
      channelId: 'c',
      channelType: 'PLATFORM',
      promptTokens: 3,
      completionTokens: 4,
      cachedTokens: 1,
      estimated: false,
      batchId: null,
      latencyMs: 5,
      createdAt: '2026-12-03T00:00:00.000Z',
    },
    documented: (v) =>
      nonEmptyString(v.requestId) &&
      nonEmptyString(v.userId) &&
      intIn(v.promptTokens, 0) &&
      intIn(v.completionTokens, 0) &&
      optional((n) => intIn(n, 0))(v.cachedTokens) &&
      typeof v.estimated === 'boolean' &&
      intIn(v.latencyMs, 0) &&
      typeof v.createdAt === 'string',
  },
  UsageListRequest: {
    cls: UsageListRequest,
    example: { userId: 'u', from: 0, to: 100, model: 'm', limit: 10, after: 'r' },
    documented: (v) =>
      nullable(nonEmptyString)(v.userId) &&
      optional((n) => intIn(n, 0))(v.from) &&
      optional((n) => intIn(n, 0))(v.to) &&
      intIn(v.limit, 1, 100),
  },
};

/**
 * A near-valid value: the example with some fields kept (themselves possibly mutated), some
 * removed, some replaced by hostile JSON, and hostile keys added; most generated values are then
 * one or two mistakes away from valid, where validators go wrong.
 */
export function mutationOf(example: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 3) return fc.oneof(fc.constant(example), hostileJson);
  if (Array.isArray(example)) {
    return fc.oneof(
      { arbitrary: fc.tuple(...example.map((item) => mutationOf(item, depth + 1))), weight: 3 },
      { arbitrary: fc.array(example.length > 0 ? mutationOf(example[0], depth + 1) : hostileJson, { maxLength: 20 }), weight: 1 },
      { arbitrary: hostileJson, weight: 1 },
    );
  }
  if (isObject(example)) {
    const fields = Object.entries(example).map(([key, value]) =>
      fc.oneof(
        { arbitrary: mutationOf(value, depth + 1).map((v) => [[key, v]] as [string, unknown][]), weight: 6 },
        { arbitrary: fc.constant([] as [string, unknown][]), weight: 1 },
        { arbitrary: hostileJson.map((v) => [[key, v]] as [string, unknown][]), weight: 1 },
      ),
    );
    const extra = fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 3 });
    return fc.oneof(
      { arbitrary: fc.tuple(fc.tuple(...fields), extra).map(([kept, added]) => Object.fromEntries([...kept.flat(), ...added])), weight: 8 },
      { arbitrary: hostileJson, weight: 1 },
    );
  }
  return fc.oneof({ arbitrary: fc.constant(example), weight: 3 }, { arbitrary: hostileJson, weight: 1 });
}
