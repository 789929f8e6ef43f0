import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

type Ctor<T> = new () => T;

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
  const instance = plainToInstance(cls, plain);
  const violation = firstViolation(validateSync(instance, { forbidUnknownValues: false }));
  if (violation) {
    throw new DomainError(violation.missing ? 'missing_required_parameter' : 'invalid_value', violation.message, violation.param);
  }
  return instance;
}
