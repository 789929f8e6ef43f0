import type * as ClassTransformerStorage from 'class-transformer/types/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { customConstraintSchema } from './custom-constraints';
import type { Schema, SchemaObject } from './openapi-types';
import { NULL_ONLY, ref as schemaRef } from './schemas/schema-kit';

// the store @Type() writes to, as libs/contracts/src/compiled-validator.ts reads it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof ClassTransformerStorage;

type Ctor = new () => object;

/** The schema of one payload class, and the classes it nests (their schemas are components of their own). */
export interface ClassSchema {
  schema: SchemaObject;
  nested: Ctor[];
}

/** A property's schema, whether the class needs it, and the classes it nests. */
export interface PropertySchema {
  schema: Schema;
  required: boolean;
  nested: Ctor[];
}

function unsupported(cls: Ctor, property: string, what: string): Error {
  return new Error(`OpenAPI schema of ${cls.name}.${property}: ${what} is not supported; teach libs/openapi/src/class-schema.ts it`);
}

/** The validation metadata of `cls` by property, exactly what createValidated checks (no groups, `always` off). */
function metadataByProperty(cls: Ctor): Record<string, ValidationMetadata[]> {
  const storage = getMetadataStorage();
  return storage.groupByPropertyName(storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined));
}

/**
 * The values a @ValidateIf condition is asked about. Its source is opaque, so what it means is
 * learned from what it answers: for which values (and for which siblings) it skips the checks.
 */
const PROBES: Record<string, unknown> = {
  absent: undefined,
  null: null,
  string: 'probe',
  'empty string': '',
  number: 1,
  boolean: true,
  array: [],
  object: {},
};

/** What the conditions (@IsOptional, @ValidateIf) of one property let through unchecked. */
interface Skips {
  absent: boolean;
  null: boolean;
  /** every string skips the checks: the property is a string or what the checks say */
  strings: boolean;
  /** the checks apply only while these siblings are absent */
  unlessSiblings: string[];
}

type Condition = (object: object, value: unknown) => unknown;

function skipsOf(cls: Ctor, property: string, conditions: ValidationMetadata[], siblings: string[]): Skips {
  const skips: Skips = { absent: false, null: false, strings: false, unlessSiblings: [] };
  for (const metadata of conditions) {
    if (metadata.name === 'isOptional') {
      skips.absent = skips.null = true;
      continue;
    }
    const condition = metadata.constraints[0] as Condition;
    /** whether the checks run for this value of the property, the siblings as given */
    const checked = (value: unknown, siblingValues: Record<string, unknown> = {}) =>
      Boolean(condition({ ...siblingValues, ...(value !== undefined && { [property]: value }) }, value));
    const probes = Object.entries(PROBES);
    const dependsOn = siblings.filter((s) => probes.some(([, v]) => checked(undefined, { [s]: v }) !== checked(undefined)));
    if (dependsOn.length > 0) {
      // the one form understood: checked whatever the value while the sibling is absent, skipped once it is there
      const [sibling] = dependsOn;
      const unlessSibling =
        dependsOn.length === 1 &&
        probes.every(([, v]) => checked(v)) &&
        probes.every(([, v]) => v === undefined || !checked(undefined, { [sibling]: v }));
      if (!unlessSibling) throw unsupported(cls, property, 'a @ValidateIf that depends on its siblings in another way');
      skips.unlessSiblings.push(sibling);
      continue;
    }
    const skipped = probes.filter(([, value]) => !checked(value)).map(([name]) => name);
    const known: Record<string, 'absent' | 'null' | 'strings'> = {
      absent: 'absent',
      null: 'null',
      string: 'strings',
      'empty string': 'strings',
    };
    if (skipped.some((name) => !known[name]) || skipped.includes('string') !== skipped.includes('empty string'))
      throw unsupported(cls, property, `a @ValidateIf that skips ${skipped.join(', ')}`);
    for (const name of skipped) skips[known[name]] = true;
  }
  return skips;
}

/** One check of a property (a class-validator constraint), as its decorator registered it. */
interface Check {
  name: string;
  each: boolean;
  constraints: unknown[];
  accepts(value: unknown): boolean;
  message: string | null;
}

function checksOf(cls: Ctor, property: string, metadatas: ValidationMetadata[]): Check[] {
  const storage = getMetadataStorage();
  return metadatas.flatMap((metadata) =>
    storage.getTargetValidatorConstraints(metadata.constraintCls).map((constraint) => {
      if (constraint.async) throw unsupported(cls, property, `the asynchronous @${constraint.name}`);
      const args = (value: unknown) => ({
        targetName: cls.name,
        property,
        object: { [property]: value },
        value,
        constraints: metadata.constraints,
      });
      const rawMessage = metadata.message || (constraint.instance.defaultMessage?.(args(undefined)) ?? '');
      return {
        name: constraint.name || metadata.type,
        each: metadata.each === true,
        constraints: metadata.constraints ?? [],
        accepts: (value: unknown) => {
          const valid = constraint.instance.validate(value, args(value));
          if (valid instanceof Promise) throw unsupported(cls, property, `@${constraint.name}, which answered asynchronously`);
          return Boolean(valid);
        },
        message: typeof rawMessage === 'string' && rawMessage ? rawMessage.replace(/\$property/g, property) : null,
      };
    }),
  );
}

/** The type each check requires: the type checks, and those that check a type before anything else (`min` is `typeof value === 'number' && …`). */
const TYPE_CHECKS: Record<string, NonNullable<SchemaObject['type']>> = {
  isString: 'string',
  isInt: 'integer',
  isNumber: 'number',
  isBoolean: 'boolean',
  isArray: 'array',
  isObject: 'object',
  min: 'number',
  max: 'number',
  minLength: 'string',
  maxLength: 'string',
  matches: 'string',
  arrayNotEmpty: 'array',
  arrayMinSize: 'array',
  arrayMaxSize: 'array',
  arrayUnique: 'array',
};

/** Puts `facet` into `schema`; two checks that disagree on one keyword cannot both be documented. */
function merge(cls: Ctor, property: string, schema: SchemaObject, facet: SchemaObject): void {
  for (const [key, value] of Object.entries(facet) as [keyof SchemaObject, unknown][]) {
    const current = schema[key];
    if (current === undefined) (schema as Record<string, unknown>)[key] = value;
    else if (key === 'type' && [current, value].includes('integer') && [current, value].includes('number')) schema.type = 'integer';
    else if (key === 'minItems' || key === 'minLength' || key === 'minimum')
      (schema as Record<string, number>)[key] = Math.max(current as number, value as number);
    else if (key === 'maxItems' || key === 'maxLength' || key === 'maximum')
      (schema as Record<string, number>)[key] = Math.min(current as number, value as number);
    else if (key === 'description') schema.description = `${String(current)}; ${String(value)}`;
    else if (JSON.stringify(current) !== JSON.stringify(value)) throw unsupported(cls, property, `two checks that disagree on ${key}`);
  }
}

const typeOfValues = (values: unknown[]): SchemaObject['type'] | undefined => {
  const types = new Set(values.map((v) => (Number.isInteger(v) ? 'integer' : typeof v)));
  if (types.size !== 1) return undefined;
  const [type] = types;
  return type === 'string' || type === 'boolean' || type === 'integer' ? type : type === 'number' ? 'number' : undefined;
};

/** The schema keywords of one check other than the type; `schema` already holds the type the checks give. */
function facetOf(cls: Ctor, property: string, check: Check, schema: SchemaObject): SchemaObject {
  const [first, second] = check.constraints;
  switch (check.name) {
    case 'isDefined':
    case 'isString':
    case 'isInt':
    case 'isNumber':
    case 'isBoolean':
    case 'isArray':
    case 'isObject':
      return {};
    case 'isIn': {
      const values = first as unknown[];
      const type = typeOfValues(values);
      return { ...(type && { type }), enum: [...values] };
    }
    case 'isEnum': {
      const entity = first as Record<string, unknown>;
      const values = Object.keys(entity).map((key) => entity[key]);
      const type = typeOfValues(values);
      return { ...(type && { type }), enum: values };
    }
    case 'min':
      return { minimum: first as number };
    case 'max':
      return { maximum: first as number };
    case 'minLength':
      return { minLength: first as number };
    case 'maxLength':
      return { maxLength: first as number };
    case 'arrayNotEmpty':
      return { minItems: 1 };
    case 'arrayMinSize':
      return { minItems: first as number };
    case 'arrayMaxSize':
      return { maxItems: first as number };
    case 'arrayUnique':
      // only without an identifier: unique values (this holds the arrays of strings the payload classes use)
      if (!check.accepts([{}, {}])) throw unsupported(cls, property, '@ArrayUnique with an identifier');
      return { uniqueItems: true };
    case 'isNotEmpty':
      if (schema.type === 'string') return { minLength: 1 };
      if (schema.type !== undefined) return {};
      return { not: { enum: [''] } };
    case 'notEquals':
      return { not: { enum: [first] } };
    case 'matches': {
      const pattern = first instanceof RegExp ? first : new RegExp(String(first), second as string | undefined);
      if (pattern.flags) throw unsupported(cls, property, `@Matches with the flags "${pattern.flags}"`);
      return { pattern: pattern.source };
    }
    default: {
      const custom = customConstraintSchema(check.name);
      if (!custom) throw unsupported(cls, property, `the check @${check.name}`);
      return { ...custom, ...(check.message && { description: check.message }) };
    }
  }
}

/** The schema the checks of one property (or of each of its items) describe: the type first, then the rest. */
function schemaOfChecks(cls: Ctor, property: string, checks: Check[]): SchemaObject {
  const schema: SchemaObject = {};
  for (const check of checks) if (TYPE_CHECKS[check.name]) merge(cls, property, schema, { type: TYPE_CHECKS[check.name] });
  for (const check of checks) merge(cls, property, schema, facetOf(cls, property, check, schema));
  return schema;
}

/** The class a @ValidateNested property holds (its @Type), and whether it is declared as an array of them. */
function nestedClassOf(cls: Ctor, property: string): { nestedClass: Ctor; declaredArray: boolean } {
  const declared = defaultMetadataStorage.findTypeMetadata(cls, property);
  const nestedClass = declared?.typeFunction() as Ctor | undefined;
  if (!declared || !nestedClass || [Number, String, Boolean].includes(nestedClass as never))
    throw unsupported(cls, property, '@ValidateNested without a class in @Type');
  return { nestedClass, declaredArray: declared.reflectedType === Array };
}

/**
 * `schema` or null. OpenAPI 3.0.3's `nullable` only adds null to the `type` beside it: a reference
 * (or `allOf` of one) becomes "it, or null", each alternative of an `anyOf` takes null, and a schema
 * with no type takes null already.
 */
function orNull(schema: Schema): Schema {
  if ('$ref' in schema || schema.allOf) return { anyOf: [schema, NULL_ONLY] };
  if (schema.type) return { ...schema, nullable: true };
  if (schema.anyOf) return { ...schema, anyOf: schema.anyOf.map(orNull) };
  return schema;
}

const SUPPORTED_TYPES = new Set<string>([
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
]);

function propertySchemaOf(
  cls: Ctor,
  property: string,
  metadatas: ValidationMetadata[],
  siblings: string[],
): PropertySchema & { skips: Skips } {
  for (const metadata of metadatas)
    if (!SUPPORTED_TYPES.has(metadata.type)) throw unsupported(cls, property, `a ${metadata.type} decorator`);
  const ofType = (type: string) => metadatas.filter((m) => m.type === type);
  const skips = skipsOf(cls, property, ofType(ValidationTypes.CONDITIONAL_VALIDATION), siblings);
  const checks = checksOf(cls, property, [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)]);
  const nestedMetadata = ofType(ValidationTypes.NESTED_VALIDATION);
  if (nestedMetadata.length > 1) throw unsupported(cls, property, 'more than one @ValidateNested');

  const schema = schemaOfChecks(
    cls,
    property,
    checks.filter((c) => !c.each),
  );
  const eachChecks = checks.filter((c) => c.each);
  const nested: Ctor[] = [];
  if (eachChecks.length > 0) {
    if (schema.type !== 'array') throw unsupported(cls, property, '{ each: true } without @IsArray');
    schema.items = schemaOfChecks(cls, property, eachChecks);
  }
  let documented: Schema = schema;
  if (nestedMetadata.length === 1) {
    const { nestedClass, declaredArray } = nestedClassOf(cls, property);
    nested.push(nestedClass);
    const ref = schemaRef(nestedClass.name);
    if (declaredArray || nestedMetadata[0].each) {
      if (schema.items) throw unsupported(cls, property, '@ValidateNested beside checks of each item');
      merge(cls, property, schema, { type: 'array' });
      schema.items = ref;
    } else if (Object.keys(schema).length === 0) documented = ref;
    else documented = { allOf: [ref], ...schema };
  }

  // the checks decide what an absent or null value does, unless a condition lets it through unchecked
  // (@ValidateNested looks only at a value that is there, and refuses null)
  const acceptsAbsent = skips.absent || checks.every((c) => c.accepts(undefined));
  const acceptsNull = skips.null || (checks.every((c) => c.accepts(null)) && nestedMetadata.length === 0);
  if (skips.strings) documented = { anyOf: [{ type: 'string' }, documented] };
  if (acceptsNull) documented = orNull(documented);
  return { schema: documented, required: !acceptsAbsent && skips.unlessSiblings.length === 0, nested, skips };
}

/**
 * The OpenAPI schema of a payload class, from the same class-validator (and class-transformer
 * `@Type`) metadata the server validates it with (libs/contracts/src/compiled-validator.ts): one
 * source. Unknown properties are not refused by createValidated, so the schema does not refuse
 * them either. A decorator this does not know throws, so nothing the server checks is left out.
 */
export function classSchema(cls: Ctor): ClassSchema {
  const byProperty = metadataByProperty(cls);
  const names = Object.keys(byProperty);
  if (names.length === 0) throw new Error(`OpenAPI schema of ${cls.name}: the class has no validation decorators`);
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const nested: Ctor[] = [];
  const alternatives = new Map<string, string[]>();
  for (const name of names) {
    const property = propertySchemaOf(
      cls,
      name,
      byProperty[name],
      names.filter((n) => n !== name),
    );
    properties[name] = property.schema;
    if (property.required) required.push(name);
    nested.push(...property.nested);
    for (const sibling of property.skips.unlessSiblings) {
      const pair = [name, sibling].sort();
      alternatives.set(pair.join('|'), pair);
    }
  }
  const schema: SchemaObject = { type: 'object', properties, ...(required.length > 0 && { required }) };
  // "this one unless that one is there": at least one of the two
  const groups = [...alternatives.values()].map((pair) => ({ anyOf: pair.map((name) => ({ required: [name] })) }));
  if (groups.length === 1) Object.assign(schema, groups[0]);
  else if (groups.length > 1) schema.allOf = groups;
  return { schema, nested };
}

/** One property's schema, e.g. for a query parameter that the gateway checks with a request class. */
export function propertySchema(cls: Ctor, property: string): PropertySchema {
  const byProperty = metadataByProperty(cls);
  if (!byProperty[property]) throw new Error(`OpenAPI schema of ${cls.name}.${property}: no such validated property`);
  const { schema, required, nested } = propertySchemaOf(
    cls,
    property,
    byProperty[property],
    Object.keys(byProperty).filter((n) => n !== property),
  );
  return { schema, required, nested };
}

/** Component schemas of these classes and of every class they nest, each named after its class. */
export function classSchemas(roots: readonly Ctor[]): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  const seen = new Map<string, Ctor>();
  const queue = [...roots];
  while (queue.length > 0) {
    const cls = queue.shift()!;
    const known = seen.get(cls.name);
    if (known === cls) continue;
    if (known) throw new Error(`OpenAPI schemas: two payload classes are named ${cls.name}`);
    seen.set(cls.name, cls);
    const { schema, nested } = classSchema(cls);
    schemas[cls.name] = schema;
    queue.push(...nested);
  }
  return schemas;
}
