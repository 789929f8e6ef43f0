import type * as ClassTransformerStorage from 'class-transformer/types/storage';
import type { TypeMetadata } from 'class-transformer';
import * as classValidator from 'class-validator';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type * as ClassValidatorUtils from 'class-validator/types/validation/ValidationUtils';
import { DomainError } from './domain-error';

// neither package index re-exports these: the store @Type() writes to, and the message templating
// class-validator applies to a failed constraint ($property, $value, $constraint1, ...)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof ClassTransformerStorage;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationUtils } = require('class-validator/cjs/validation/ValidationUtils') as typeof ClassValidatorUtils;

type Ctor<T = object> = new () => T;
type Plain = Record<string, unknown>;

/** The first rule a value breaks, as createValidated reports it. */
export interface Violation {
  param: string;
  message: string;
  missing: boolean;
}

/** One payload class, compiled: building an instance from plain data, then checking it. */
export interface CompiledClass<T extends object = object> {
  build(plain: Plain, prefix: string): T;
  check(instance: object, prefix: string): Violation | null;
}

interface CompiledConstraint {
  /** the key class-validator files a failure under (the constraint's name) */
  type: string;
  test(value: unknown, object: object): boolean;
  message(value: unknown, object: object): string;
}

interface CompiledNested {
  message(value: unknown): string;
}

interface CompiledProperty {
  name: string;
  conditions: ((object: object, value: unknown) => unknown)[];
  constraints: CompiledConstraint[];
  nested: CompiledNested | null;
}

/**
 * class-validator's built-in checks whose outcome depends only on the value and the decorator's
 * constraints, as the plain functions the decorators themselves call. A built-in missing here (or
 * one whose decorator keeps state out of its metadata, like ArrayUnique's identifier, which goes
 * through the decorator's own validate) makes compiling its class throw.
 */
const builtInChecks: Record<string, (constraints: unknown[], constraint: ConstraintMetadata) => (value: unknown) => boolean> = {
  isDefined: () => classValidator.isDefined,
  isString: () => classValidator.isString,
  isNotEmpty: () => classValidator.isNotEmpty,
  isInt: () => classValidator.isInt,
  isArray: () => classValidator.isArray,
  isBoolean: () => classValidator.isBoolean,
  isObject: () => classValidator.isObject,
  arrayNotEmpty: () => classValidator.arrayNotEmpty,
  min:
    ([bound]) =>
    (value) =>
      classValidator.min(value, bound as number),
  max:
    ([bound]) =>
    (value) =>
      classValidator.max(value, bound as number),
  maxLength:
    ([bound]) =>
    (value) =>
      classValidator.maxLength(value, bound as number),
  arrayMaxSize:
    ([bound]) =>
    (value) =>
      classValidator.arrayMaxSize(value, bound as number),
  isIn:
    ([values]) =>
    (value) =>
      classValidator.isIn(value, values as unknown[]),
  isIso8601:
    ([options]) =>
    (value) =>
      classValidator.isISO8601(value, options as never),
  notEquals:
    ([other]) =>
    (value) =>
      classValidator.notEquals(value, other),
  matches:
    ([pattern, modifiers]) =>
    (value) =>
      (classValidator.matches as (s: unknown, p: unknown, m: unknown) => boolean)(value, pattern, modifiers),
  arrayUnique: (_, constraint) => {
    const instance = constraint.instance;
    return (value) => Boolean(instance.validate(value, undefined as never));
  },
};

/** Every name class-validator gives its own decorators (IS_EMAIL = 'isEmail', ...): known to it, maybe not to us. */
const classValidatorNames = new Set(Object.values(classValidator).filter((v): v is string => typeof v === 'string'));

const isPlainObject = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);
const isCollection = (value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> =>
  Array.isArray(value) || value instanceof Set || value instanceof Map;
const itemsOf = (value: unknown[] | Set<unknown> | Map<unknown, unknown>): unknown[] =>
  value instanceof Map ? Array.from(value.values()) : Array.isArray(value) ? value : Array.from(value);
const targetNameOf = (object: object) => (object.constructor ? object.constructor.name : undefined);
const primitiveConversions = new Map<unknown, (value: unknown) => unknown>([
  [Number, Number],
  [String, String],
  [Boolean, Boolean],
]);

const compiled = new Map<Ctor, CompiledClass>();

/**
 * The compiled plan of `cls`, made once from the decorators' metadata and kept. Validating with it
 * runs only plain closures: no ValidationExecutor, no ValidationError, no metadata lookups. A
 * decorator the compiler does not know throws here, never later.
 */
export function compiledClass<T extends object>(cls: Ctor<T>): CompiledClass<T> {
  let plan = compiled.get(cls);
  if (!plan) {
    const shell = {} as CompiledClass;
    compiled.set(cls, shell); // first, so classes that refer to each other compile
    try {
      Object.assign(shell, compile(cls));
    } catch (error) {
      compiled.delete(cls);
      throw error;
    }
    plan = shell;
  }
  return plan as CompiledClass<T>;
}

function compile(cls: Ctor): CompiledClass {
  const convert = compileConversions(cls);
  const properties = compileProperties(cls);
  return {
    build(plain, prefix) {
      const instance = new cls() as Plain;
      for (const key of Object.keys(plain)) {
        // an own `constructor` would choose which class's rules validate it; `__proto__` would replace its prototype
        if (key === '__proto__' || key === 'constructor') continue;
        const conversion = convert.get(key);
        instance[key] = conversion ? conversion(plain[key], prefix, key) : plain[key];
      }
      return instance;
    },
    check(instance, prefix) {
      for (const property of properties) {
        const violation = checkProperty(property, instance, prefix);
        if (violation) return violation;
      }
      return null;
    },
  };
}

// ---- building: class-transformer's @Type ----

type Conversion = (value: unknown, prefix: string, key: string) => unknown;

/** The @Type properties of `cls` (its own and inherited), each with what it converts a value to. */
function compileConversions(cls: Ctor): Map<string, Conversion> {
  const conversions = new Map<string, Conversion>();
  const stored = (defaultMetadataStorage as unknown as { _typeMetadatas: Map<Ctor, Map<string, TypeMetadata>> })._typeMetadatas;
  for (const [target, properties] of stored) {
    if (target !== cls && !(cls.prototype instanceof target)) continue;
    for (const key of properties.keys()) {
      const declared = defaultMetadataStorage.findTypeMetadata(cls, key);
      if (declared && !conversions.has(key)) conversions.set(key, conversionFor(declared.typeFunction(), declared.reflectedType === Array));
    }
  }
  return conversions;
}

/**
 * What a `@Type(() => X)` property holds once built: X's conversion of a primitive, or X's
 * instances. A property declared as one X must hold an object and one declared as X[] an array of
 * objects: @ValidateNested alone lets an array (even an empty one) stand in for an object.
 */
function conversionFor(type: unknown, declaredArray: boolean): Conversion {
  const primitive = primitiveConversions.get(type);
  if (primitive) {
    // an object is left for the validators to refuse: converting it would call its (caller-written) toString
    const convert = (item: unknown) => (typeof item === 'object' ? item : primitive(item));
    return (value) => (value === null || value === undefined ? value : Array.isArray(value) ? value.map(convert) : convert(value));
  }
  const nested = () => compiledClass(type as Ctor);
  if (!declaredArray) {
    return (value, prefix, key) => {
      if (value === null || value === undefined) return value;
      if (!isPlainObject(value)) throw new DomainError('invalid_value', `${prefix}${key} must be an object`, `${prefix}${key}`);
      return nested().build(value, `${prefix}${key}.`);
    };
  }
  return (value, prefix, key) => {
    if (value === null || value === undefined) return value;
    if (!Array.isArray(value) || !value.every(isPlainObject))
      throw new DomainError('invalid_value', `${prefix}${key} must be an array of objects`, `${prefix}${key}`);
    const plan = nested();
    return value.map((item, i) => plan.build(item, `${prefix}${key}.${i}.`));
  };
}

// ---- checking: class-validator's decorators ----

/** The properties class-validator would check on `cls`, in its order, with its rules in its order. */
function compileProperties(cls: Ctor): CompiledProperty[] {
  const storage = getMetadataStorage();
  // exactly the metadata validateSync(instance, { forbidUnknownValues: false }) uses: no groups, `always` off
  const grouped = storage.groupByPropertyName(
    storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined),
  );
  return Object.keys(grouped).map((name) => {
    const metadatas = grouped[name];
    for (const metadata of metadatas) {
      if (!supportedTypes.has(metadata.type)) throw unsupported(cls, name, `a ${metadata.type} decorator`);
    }
    const ofType = (type: string) => metadatas.filter((m) => m.type === type);
    const nested = ofType(ValidationTypes.NESTED_VALIDATION);
    if (nested.length > 1) throw unsupported(cls, name, 'more than one @ValidateNested');
    if (nested.length === 1) requireBuiltNested(cls, name);
    return {
      name,
      conditions: ofType(ValidationTypes.CONDITIONAL_VALIDATION).map(
        (m) => m.constraints[0] as (object: object, value: unknown) => unknown,
      ),
      // @IsDefined first, whatever the decorators' order: class-validator checks it before the rest
      constraints: [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)].flatMap((m) =>
        compileConstraint(cls, name, m),
      ),
      nested: nested.length === 1 ? compileNested(nested[0]) : null,
    };
  });
}

const supportedTypes = new Set<string>([
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
]);

function unsupported(cls: Ctor, property: string, what: string): Error {
  return new Error(
    `compiled validation of ${cls.name}.${property}: ${what} is not supported; teach libs/contracts/src/compiled-validator.ts it, with a case in its differential test`,
  );
}

/** The building step makes a @ValidateNested value an instance of its @Type class; without one, a caller's own `constructor` key would pick the rules. */
function requireBuiltNested(cls: Ctor, property: string): void {
  const declared = defaultMetadataStorage.findTypeMetadata(cls, property);
  if (!declared || primitiveConversions.has(declared.typeFunction()))
    throw unsupported(cls, property, '@ValidateNested without a class in @Type');
}

function compileConstraint(cls: Ctor, property: string, metadata: ValidationMetadata): CompiledConstraint[] {
  const constraints = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
  if (constraints.length === 0) throw unsupported(cls, property, 'a validation decorator with no constraint class');
  return constraints.map((constraint) => {
    const decorator = constraint.name || metadata.type;
    if (constraint.async) throw unsupported(cls, property, `the asynchronous @${decorator}`);
    const builtIn = builtInChecks[constraint.name];
    if (!builtIn && classValidatorNames.has(constraint.name)) throw unsupported(cls, property, `class-validator's @${decorator}`);
    const one: (item: unknown, object: object, value: unknown) => boolean = builtIn
      ? builtIn(metadata.constraints ?? [], constraint)
      : customCheck(constraint, metadata);
    const test = metadata.each
      ? (value: unknown, object: object) =>
          isCollection(value) ? itemsOf(value).every((item) => one(item, object, value)) : one(value, object, value)
      : (value: unknown, object: object) => one(value, object, value);
    return { type: decorator, test, message: (value, object) => messageOf(metadata, constraint, object, value) };
  });
}

/**
 * A project's own constraint (registerDecorator, ValidateBy, @ValidatorConstraint): its validate,
 * given the arguments class-validator gives it. It must answer synchronously.
 */
function customCheck(
  constraint: ConstraintMetadata,
  metadata: ValidationMetadata,
): (item: unknown, object: object, value: unknown) => boolean {
  const instance = constraint.instance;
  const property = metadata.propertyName;
  return (item, object, value) => {
    const valid = instance.validate(item, {
      targetName: targetNameOf(object) as string,
      property,
      object,
      value,
      constraints: metadata.constraints,
    });
    if (valid instanceof Promise)
      throw new Error(`compiled validation of ${targetNameOf(object)}.${property}: @${constraint.name} answered asynchronously`);
    return Boolean(valid);
  };
}

/** The message class-validator files a failed constraint under: the decorator's `message`, else the constraint's default, templated. */
function messageOf(metadata: ValidationMetadata, constraint: ConstraintMetadata | null, object: object, value: unknown): string {
  const args = {
    targetName: targetNameOf(object) as string,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  let message: string | ((a: typeof args) => string) = metadata.message || '';
  if (!metadata.message && constraint && constraint.instance.defaultMessage instanceof Function)
    message = constraint.instance.defaultMessage(args);
  return ValidationUtils.replaceMessageSpecialTokens(message, args);
}

/** @ValidateNested: a value that is neither an object nor a collection is refused with the decorator's message. */
function compileNested(metadata: ValidationMetadata): CompiledNested {
  return { message: (value) => messageOf(metadata, null, metadata.target as object, value) };
}

function paramOf(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

function checkProperty(property: CompiledProperty, object: object, prefix: string): Violation | null {
  const value = (object as Plain)[property.name];
  if (property.conditions.length > 0) {
    let applies = true;
    // every condition runs, as in class-validator (no short-circuit)
    for (const condition of property.conditions) if (!condition(object, value)) applies = false;
    if (!applies) return null;
  }
  const { constraints } = property;
  for (let i = 0; i < constraints.length; i++) {
    if (!constraints[i].test(value, object)) return violationFrom(constraints, i, object, value, paramOf(prefix, property.name));
  }
  if (property.nested && value !== undefined) return nestedViolation(property.nested, value, paramOf(prefix, property.name));
  return null;
}

/**
 * The failure as createValidated reports it: class-validator files every failing constraint of the
 * property by name (a later failure of the same name replaces the message) and reports the first.
 */
function violationFrom(constraints: CompiledConstraint[], first: number, object: object, value: unknown, param: string): Violation {
  const failed: Record<string, string> = { [constraints[first].type]: constraints[first].message(value, object) };
  for (let i = first + 1; i < constraints.length; i++) {
    if (!constraints[i].test(value, object)) failed[constraints[i].type] = constraints[i].message(value, object);
  }
  return { param, message: Object.values(failed)[0] ?? `${param} is invalid`, missing: 'isDefined' in failed || value === undefined };
}

function nestedViolation(nested: CompiledNested, value: unknown, param: string): Violation | null {
  if (isCollection(value)) {
    // a Map's items are named by their keys, as in class-validator
    const items: [unknown, unknown][] =
      value instanceof Map ? Array.from(value.entries(), ([k, v]) => [v, k]) : Array.from(value as Iterable<unknown>, (v, i) => [v, i]);
    for (const [item, index] of items) {
      if (item === undefined) continue;
      const violation = nestedViolation(nested, item, `${param}.${String(index)}`);
      if (violation) return violation;
    }
    return null;
  }
  if (value instanceof Object) return compiledClass(value.constructor as Ctor).check(value, param);
  const message = nested.message(value);
  return { param, message: message ?? `${param} is invalid`, missing: false };
}
