import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

type Ctor<T> = new () => T;

const PASS_THROUGH = Symbol('switchyard:pass-through');

/**
 * An object field handed on as it is (validate it with `@IsObject()`): class-transformer would
 * copy it key by key, however deep, on every message (a request body with its messages, for each
 * request the router takes).
 */
export function PassThrough(): PropertyDecorator {
  return (target, key) => {
    const inherited = (Reflect.getMetadata(PASS_THROUGH, target.constructor) as (string | symbol)[] | undefined) ?? [];
    Reflect.defineMetadata(PASS_THROUGH, [...inherited, key], target.constructor);
  };
}

function withoutKeys(plain: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy = { ...plain };
  for (const key of keys) delete copy[key];
  return copy;
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
 * Builds a payload class from plain data and validates it, so every message path (HTTP, NATS,
 * batch worker) is checked the same way. Unknown properties are kept: request bodies pass
 * provider parameters through untouched.
 */
export function createValidated<T extends object>(cls: Ctor<T>, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new DomainError('invalid_value', 'Expected a JSON object', null);
  }
  const passThrough = (Reflect.getMetadata(PASS_THROUGH, cls) as string[] | undefined) ?? [];
  const source = passThrough.length === 0 ? plain : withoutKeys(plain as Record<string, unknown>, passThrough);
  const instance = plainToInstance(cls, source);
  for (const key of passThrough) if (key in plain) (instance as Record<string, unknown>)[key] = (plain as Record<string, unknown>)[key];
  const violation = firstViolation(validateSync(instance, { forbidUnknownValues: false }));
  if (violation) {
    throw new DomainError(violation.missing ? 'missing_required_parameter' : 'invalid_value', violation.message, violation.param);
  }
  return instance;
}
