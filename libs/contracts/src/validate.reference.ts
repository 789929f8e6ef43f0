import type * as ClassTransformerStorage from 'class-transformer/types/storage';
import { validateSync, ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

type Ctor<T> = new () => T;

// the store @Type() writes to; the package index does not re-export it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof ClassTransformerStorage;

const primitiveConversions = new Map<unknown, (value: unknown) => unknown>([
  [Number, Number],
  [String, String],
  [Boolean, Boolean],
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What a `@Type(() => X)` property holds once built: X's conversion of a primitive, or X's
 * instances. A property declared as one X must hold an object and one declared as X[] an array of
 * objects: @ValidateNested alone lets an array (even an empty one) stand in for an object.
 */
function converted(type: unknown, declaredArray: boolean, value: unknown, param: string): unknown {
  if (value === null || value === undefined) return value;
  const primitive = primitiveConversions.get(type);
  if (primitive) {
    // an object is left for the validators to refuse: converting it would call its (caller-written) toString
    const convert = (item: unknown) => (typeof item === 'object' ? item : primitive(item));
    return Array.isArray(value) ? value.map(convert) : convert(value);
  }
  if (!declaredArray) {
    if (!isPlainObject(value)) throw new DomainError('invalid_value', `${param} must be an object`, param);
    return instanceOf(type as Ctor<object>, value, `${param}.`);
  }
  if (!Array.isArray(value) || !value.every(isPlainObject))
    throw new DomainError('invalid_value', `${param} must be an array of objects`, param);
  return value.map((item, i) => instanceOf(type as Ctor<object>, item, `${param}.${i}.`));
}

/**
 * `cls` from plain data: a `@Type` property is built into its class, every other field is the very
 * value given. Nothing walks the caller's data beyond the payload classes, so no depth of nesting
 * and no nested object with its own `constructor` key (which class-transformer's plainToInstance
 * takes for a class, and throws a TypeError on) reaches anything but the validators.
 */
function instanceOf<T extends object>(cls: Ctor<T>, plain: Record<string, unknown>, prefix = ''): T {
  const instance = new cls() as Record<string, unknown>;
  for (const key of Object.keys(plain)) {
    // an own `constructor` would choose which class's rules validate it; `__proto__` would replace its prototype
    if (key === '__proto__' || key === 'constructor') continue;
    const declared = defaultMetadataStorage.findTypeMetadata(cls, key);
    instance[key] = declared
      ? converted(declared.typeFunction(), declared.reflectedType === Array, plain[key], `${prefix}${key}`)
      : plain[key];
  }
  return instance as T;
}

function firstViolation(errors: ValidationError[], prefix = ''): { param: string; message: string; missing: boolean } | null {
  for (const error of errors) {
    const param = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const missing = 'isDefined' in error.constraints || error.value === undefined;
      const message = Object.values(error.constraints)[0] ?? `${param} is invalid`;
      return { param, message, missing };
    }
    const nested = firstViolation(error.children ?? [], param);
    if (nested) return nested;
  }
  return null;
}

/**
 * The reference for the compiled validator (compiled-validator.ts): class-transformer's @Type
 * metadata and class-validator's validateSync, looked up on every call. Tests and the
 * micro-benchmark only; the services validate through `createValidated` (validate.ts), which must
 * give the same outcome for every input (validate.differential.fuzz.spec.ts).
 */
export function referenceCreateValidated<T extends object>(cls: Ctor<T>, plain: unknown): T {
  if (!isPlainObject(plain)) {
    throw new DomainError('invalid_value', 'Expected a JSON object', null);
  }
  const instance = instanceOf(cls, plain);
  const violation = firstViolation(validateSync(instance, { forbidUnknownValues: false }));
  if (violation) {
    throw new DomainError(violation.missing ? 'missing_required_parameter' : 'invalid_value', violation.message, violation.param);
  }
  return instance;
}
