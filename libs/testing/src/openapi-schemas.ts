import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

/** An OpenAPI 3.0 Schema Object, or a reference to one. */
export type OpenApiSchema = { [keyword: string]: unknown };

const COMPONENTS_ID = 'openapi-components.json';
const COMPONENT_REF = '#/components/schemas/';

/** Keywords of OpenAPI 3.0 that say nothing a validator checks (annotations, vendor extensions). */
const ANNOTATIONS = new Set(['example', 'externalDocs', 'xml', 'discriminator']);

/** The formats OpenAPI 3.0 names; those that constrain a value are checked, the others only describe it. */
const FORMATS: Record<string, true | ((value: string) => boolean) | { type: 'number'; validate: (value: number) => boolean }> = {
  int32: { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 },
  int64: { type: 'number', validate: (n) => Number.isInteger(n) },
  float: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  byte: (s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0,
  binary: true,
  password: true,
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s),
  uri: (s) => URL.canParse(s),
  url: (s) => URL.canParse(s),
  email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
};

/**
 * An OpenAPI 3.0 schema as the JSON Schema ajv checks: `nullable` becomes "or null" (also beside a
 * `$ref` or an `enum`), the boolean `exclusiveMinimum`/`exclusiveMaximum` become their numeric form,
 * references into `components/schemas` point at the components registered with ajv, annotations
 * and `x-` extensions go, and a `writeOnly` property is not required in an answer.
 */
export function toJsonSchema(schema: OpenApiSchema): OpenApiSchema {
  if (typeof schema.$ref === 'string') return { $ref: componentRef(schema.$ref) };
  const out: OpenApiSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-') || keyword === 'nullable') continue;
    switch (keyword) {
      case 'properties':
        out.properties = mapValues(value as Record<string, OpenApiSchema>, toJsonSchema);
        break;
      case 'items':
      case 'not':
        out[keyword] = toJsonSchema(value as OpenApiSchema);
        break;
      case 'additionalProperties':
        out[keyword] = typeof value === 'boolean' ? value : toJsonSchema(value as OpenApiSchema);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[keyword] = (value as OpenApiSchema[]).map(toJsonSchema);
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (value === true) out[keyword] = schema[keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'];
        break;
      case 'minimum':
      case 'maximum':
        if (schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] !== true) out[keyword] = value;
        break;
      case 'required': {
        const properties = (schema.properties ?? {}) as Record<string, OpenApiSchema>;
        out.required = (value as string[]).filter((name) => properties[name]?.writeOnly !== true);
        break;
      }
      default:
        out[keyword] = value;
    }
  }
  return schema.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function componentRef(ref: string): string {
  if (!ref.startsWith(COMPONENT_REF)) throw new Error(`unsupported schema reference ${ref} (only ${COMPONENT_REF}… is followed)`);
  return `${COMPONENTS_ID}#/definitions/${ref.slice(COMPONENT_REF.length)}`;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** One problem ajv found, as `<JSON path>: <what is wrong>`. */
export function describeSchemaError(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? ` (${String(params.additionalProperty)})`
      : error.keyword === 'enum'
        ? ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
        : '';
  return `${at}: ${error.message ?? error.keyword}${detail}`;
}

/**
 * The schemas of one OpenAPI document, compiled on first use and kept: `validator(schema)` for a
 * schema object of the document answers the same compiled function every time it is asked.
 */
export class OpenApiSchemas {
  private readonly ajv: Ajv;
  private readonly compiled = new WeakMap<OpenApiSchema, ValidateFunction>();

  constructor(components: Record<string, OpenApiSchema> = {}) {
    // strict: a keyword or format the conversion does not know fails loudly instead of checking nothing
    this.ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
    for (const [name, format] of Object.entries(FORMATS)) this.ajv.addFormat(name, format);
    this.ajv.addSchema({ $id: COMPONENTS_ID, definitions: mapValues(components, toJsonSchema) });
  }

  validator(schema: OpenApiSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
