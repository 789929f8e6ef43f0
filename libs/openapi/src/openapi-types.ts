/**
 * The parts of OpenAPI 3.0.3 this library writes, as plain JSON types. Vendor extensions (`x-…`)
 * are allowed where the specification allows them.
 */
export type Extensions = { [extension: `x-${string}`]: unknown };

export interface Reference {
  $ref: string;
}

export interface SchemaObject extends Extensions {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  maxProperties?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  not?: Schema;
  default?: unknown;
  example?: unknown;
  readOnly?: boolean;
}

export type Schema = SchemaObject | Reference;

export interface ExampleObject {
  summary?: string;
  description?: string;
  value: unknown;
}

export interface MediaTypeObject extends Extensions {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, ExampleObject>;
  encoding?: Record<string, { contentType?: string }>;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: Schema;
  example?: unknown;
}

export interface ParameterObject extends Extensions {
  name: string;
  in: 'path' | 'query' | 'header';
  description?: string;
  required?: boolean;
  schema: Schema;
  example?: unknown;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
}

export type SecurityRequirement = Record<string, string[]>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

export interface OperationObject extends Extensions {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: (ParameterObject | Reference)[];
  requestBody?: RequestBodyObject | Reference;
  responses: Record<string, ResponseObject | Reference>;
  security?: SecurityRequirement[];
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface SecuritySchemeObject {
  type: 'http' | 'apiKey';
  description?: string;
  scheme?: string;
  bearerFormat?: string;
  name?: string;
  in?: 'header' | 'query' | 'cookie';
}

export interface TagObject {
  name: string;
  description: string;
}

export interface OpenApiDocument {
  openapi: '3.0.3';
  info: { title: string; version: string; description: string; license?: { name: string; url?: string } };
  servers: { url: string; description?: string }[];
  tags: TagObject[];
  security: SecurityRequirement[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, ResponseObject>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}
