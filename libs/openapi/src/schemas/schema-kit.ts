import type { Reference, Schema, SchemaObject } from '../openapi-types';

/** Small builders for the hand-written response schemas. */
export const ref = (name: string): Reference => ({ $ref: `#/components/schemas/${name}` });
export const str = (description?: string, extra: SchemaObject = {}): SchemaObject => ({
  type: 'string',
  ...(description && { description }),
  ...extra,
});
export const int = (description?: string, extra: SchemaObject = {}): SchemaObject => ({
  type: 'integer',
  ...(description && { description }),
  ...extra,
});
export const num = (description?: string, extra: SchemaObject = {}): SchemaObject => ({
  type: 'number',
  ...(description && { description }),
  ...extra,
});
export const bool = (description?: string): SchemaObject => ({ type: 'boolean', ...(description && { description }) });
export const oneOfValues = (values: readonly (string | number | boolean)[], description?: string): SchemaObject => ({
  type: typeof values[0] === 'number' ? 'number' : typeof values[0] === 'boolean' ? 'boolean' : 'string',
  enum: [...values],
  ...(description && { description }),
});
export const constant = (value: string, description?: string): SchemaObject => oneOfValues([value], description);
export const arrayOf = (items: Schema, description?: string, extra: SchemaObject = {}): SchemaObject => ({
  type: 'array',
  items,
  ...(description && { description }),
  ...extra,
});
/** An object whose fields are not described one by one (an upstream's own objects). */
export const anyObject = (description?: string): SchemaObject => ({
  type: 'object',
  additionalProperties: true,
  ...(description && { description }),
});
/** Any JSON value. */
export const anyValue = (description?: string): SchemaObject => ({ ...(description && { description }) });

/** Null and nothing else: OpenAPI 3.0 has no null type, so an object that may be null and is in no other way. */
export const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

export type NullableSchema = SchemaObject & ({ nullable: true } | { anyOf: Schema[] });
/**
 * `schema` or null. OpenAPI 3.0.3's `nullable` only adds null to the `type` beside it, so a
 * reference becomes "the reference, or null".
 */
export function nullable(schema: Schema): NullableSchema {
  if ('$ref' in schema) return { anyOf: [schema, NULL_ONLY] };
  if (!schema.type) throw new Error('nullable: a schema without a type already takes null');
  return { ...schema, nullable: true };
}

export function object(properties: Record<string, Schema>, required: string[], extra: SchemaObject = {}): SchemaObject {
  return { type: 'object', properties, ...(required.length > 0 && { required }), ...extra };
}

/**
 * A view's schema, with exactly the fields of its TypeScript type `T` (the one the code returns):
 * a field added to or removed from the type fails compilation here, and so does a field that may
 * be null without `nullable`. Every field is required: the views always write each one.
 */
export function view<T>(description: string, properties: { [K in keyof T]-?: null extends T[K] ? NullableSchema : Schema }): SchemaObject {
  return { type: 'object', description, properties, required: Object.keys(properties) };
}
