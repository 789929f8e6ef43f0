import type { SchemaObject } from './openapi-types';

const tokenArray: SchemaObject = { type: 'array', items: { type: 'integer' } };

/**
 * The schema of each check the payload classes define themselves (registerDecorator / ValidateBy
 * in libs/contracts), by the check's name. Their code is opaque, so each is described here once;
 * custom-constraints.spec.ts holds each description to the check on sample values, and a check
 * missing here makes the document fail to build. The decorator's message becomes the description.
 */
const CUSTOM_CONSTRAINTS: Record<string, SchemaObject> = {
  isEmbeddingInput: {
    anyOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'array',
        minItems: 1,
        items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }, { ...tokenArray, minItems: 1 }] },
      },
    ],
  },
  isPromptInput: {
    anyOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string' }, { type: 'integer' }, tokenArray] } }],
  },
  isRerankDocuments: {
    type: 'array',
    minItems: 1,
    maxItems: 10_000,
    items: {
      anyOf: [{ type: 'string' }, { type: 'object', required: ['text'], properties: { text: { type: 'string' } } }],
    },
  },
  // keys of at most 64 characters: OpenAPI 3.0 cannot say so (no propertyNames); the description does
  isBatchMetadata: { type: 'object', maxProperties: 16, additionalProperties: { type: 'string', maxLength: 512 } },
  // the number of decimal places is in the description (the decorator's message)
  isDecimalNumber: { type: 'number' },
  isBaseUrl: { type: 'string', format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
};

/** The schema of a check the payload classes define, or null when it is not one of ours. */
export function customConstraintSchema(name: string): SchemaObject | null {
  return Object.prototype.hasOwnProperty.call(CUSTOM_CONSTRAINTS, name) ? structuredClone(CUSTOM_CONSTRAINTS[name]) : null;
}

/** Every custom check described here, by name. */
export const CUSTOM_CONSTRAINT_NAMES: readonly string[] = Object.keys(CUSTOM_CONSTRAINTS);
