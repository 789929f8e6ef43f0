/**
 * The OpenAPI 3.0.3 document of the gateway's public API, built from the code: request schemas from
 * the payload classes' validation metadata (class-schema.ts), the routes from the catalog
 * (operations/), answers and errors from the types and envelope functions in libs/contracts.
 */
export { buildOpenApiDocument, OPERATIONS, DEFAULT_LIMITS, API_VERSION } from './document';
export type { Access, ApiLimits, Operation } from './catalog';
export type { OpenApiDocument, OperationObject, SchemaObject, Schema, HttpMethod } from './openapi-types';
export { classSchema, classSchemas, propertySchema } from './class-schema';
