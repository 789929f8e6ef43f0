import { DomainError } from '@switchyard/contracts';

/** Where a sign-in comes from, kept with the session. */
export interface SignInContext {
  ip: string | null;
  userAgent: string | null;
}

/** One answer for every wrong part (unknown email, wrong password, disabled user, wrong key): nothing to probe. */
export function invalidCredentials(): DomainError {
  return new DomainError('invalid_credentials', 'The API key, email or password is not correct');
}
