import { getMetadataStorage } from 'class-validator';
import { compiledClass } from './compiled-validator';
import { DomainError } from './domain-error';

type Ctor<T> = new () => T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Builds a payload class from plain data and validates it, so every message path (HTTP, NATS,
 * batch worker) is checked the same way. Unknown properties are kept, untouched: request bodies
 * pass provider parameters through. The class's decorators are the one source of truth; they are
 * compiled once per class (compiled-validator.ts) into plain checks with exactly the outcome of
 * class-transformer's @Type and class-validator's validateSync (validate.reference.ts).
 */
export function createValidated<T extends object>(cls: Ctor<T>, plain: unknown): T {
  if (!isPlainObject(plain)) {
    throw new DomainError('invalid_value', 'Expected a JSON object', null);
  }
  const plan = compiledClass(cls);
  const instance = plan.build(plain, '');
  const violation = plan.check(instance, '');
  if (violation) {
    throw new DomainError(violation.missing ? 'missing_required_parameter' : 'invalid_value', violation.message, violation.param);
  }
  return instance;
}

/** Compiles the validation of these classes now (at boot), so a decorator the compiler does not know fails there, not on a request. */
export function compileValidators(...classes: Ctor<object>[]): void {
  for (const cls of classes) compiledClass(cls);
}

/** The classes among a module's exports that carry validation decorators: the payload classes. */
export function payloadClassesIn(moduleExports: Record<string, unknown>): [string, Ctor<object>][] {
  const storage = getMetadataStorage();
  const decorated = (value: unknown): value is Ctor<object> =>
    typeof value === 'function' &&
    storage.getTargetValidationMetadatas(value, undefined as unknown as string, false, false, undefined).length > 0;
  return Object.entries(moduleExports).filter((entry): entry is [string, Ctor<object>] => decorated(entry[1]));
}
