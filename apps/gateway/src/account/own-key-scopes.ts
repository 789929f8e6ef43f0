import { DomainError, Principal, roleScopes, Scope } from '@switchyard/contracts';

/**
 * The scopes of a key a caller makes for themself: what they asked for (default `inference`), which
 * must be within both their role's and their own (a usage-only key or session cannot mint an inference key).
 */
export function ownKeyScopes(caller: Principal, requested: Scope[] | undefined): Scope[] {
  const scopes = requested ?? ['inference'];
  const allowed = roleScopes(caller.role).filter((s) => caller.scopes.includes(s));
  const beyond = scopes.filter((s) => !allowed.includes(s));
  if (beyond.length > 0) {
    throw new DomainError('invalid_value', `You may not create a key with the scope ${beyond.map((s) => `'${s}'`).join(', ')}`, 'scopes');
  }
  return scopes;
}
