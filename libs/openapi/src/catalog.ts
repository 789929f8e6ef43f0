import type { ErrorCode } from '@switchyard/contracts';
import type { Dialect } from './error-responses';
import type { HeaderName } from './headers';
import type { ExampleObject, HttpMethod, MediaTypeObject, ParameterObject, Reference, Schema, SchemaObject } from './openapi-types';
import { ref } from './schemas/schema-kit';
import type { TagName } from './tags';

/** Who may call a route, as the gateway declares it (apps/gateway/src/auth/access.ts). */
export type Access = 'public' | 'inference' | 'usage' | 'admin' | 'session';

export type PayloadClass = new () => object;

/** A request body: JSON validated by a payload class (its schema comes from the class), and/or multipart. */
export interface BodySpec {
  description?: string;
  /** the class the gateway validates the JSON body with (`admitBody` / `createValidated`) */
  json?: { payload: PayloadClass; example: unknown };
  multipart?: { schema: SchemaObject; example?: Record<string, unknown>; encoding?: MediaTypeObject['encoding'] };
  /** a body-less request is taken (the class checks `{}`) */
  optional?: boolean;
}

/** A success answer. */
export interface SuccessSpec {
  description: string;
  /** by media type; `application/json` unless said otherwise */
  content?: Record<string, { schema: Schema; example?: unknown; examples?: Record<string, ExampleObject> }>;
  headers?: readonly HeaderName[];
}

/**
 * One public route of the gateway, as the API document shows it. The document is rendered from
 * these (document.ts); the gateway's route table is held to them (openapi-coverage.int-spec.ts).
 */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI form: `/v1/files/{file_id}` */
  path: string;
  /**
   * The gateway's route that serves it, when it is not `path` with its parameters renamed: a
   * wildcard (`/v1/models/*`), or one route serving several paths (`/v1/:family/generations`).
   */
  route?: string;
  operationId: string;
  tag: TagName;
  summary: string;
  description?: string;
  access: Access;
  /** the error envelope it answers in (default `openai`) */
  dialect?: Dialect;
  parameters?: (ParameterObject | Reference)[];
  body?: BodySpec;
  responses: Record<number, SuccessSpec>;
  /** error statuses beyond those every route answers (document.ts adds those), with their codes */
  errors?: Partial<Record<number, readonly ErrorCode[]>>;
  /** it calls an upstream: an upstream's refusal is passed on with the upstream's status (502/504 when it failed) */
  upstream?: boolean;
  /** it answers from the gateway alone, without asking a service (no 503) */
  local?: boolean;
}

/** A JSON success answer with an example. */
export function json(description: string, schema: Schema | string, example: unknown, headers?: readonly HeaderName[]): SuccessSpec {
  return { description, content: { 'application/json': { schema: typeof schema === 'string' ? ref(schema) : schema, example } }, headers };
}

/** The limits of this gateway that the document states (they follow its configuration). */
export interface ApiLimits {
  /** `SWITCHYARD_MAX_UPLOAD_BYTES` */
  maxUploadBytes: number;
  /** the largest JSON body the gateway takes (NATS `max_payload` − 16 KiB); null: not known here */
  jsonBodyBytes: number | null;
}

/** A parameter's schema (from a request class's property) with the default the gateway applies. */
export function withDefault(schema: Schema, value: unknown): SchemaObject {
  if ('$ref' in schema) throw new Error('withDefault: a reference cannot take a default');
  return { ...schema, default: value };
}
