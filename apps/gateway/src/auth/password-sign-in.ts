import { CreatedSession, DomainError } from '@switchyard/contracts';
import type { RpcClient } from '@switchyard/nats';

/** Where a sign-in comes from, kept with the session. */
export interface SignInContext {
  ip: string | null;
  userAgent: string | null;
}

/** One answer for every wrong part (unknown email, wrong password, disabled user, wrong key): nothing to probe. */
export function invalidCredentials(): DomainError {
  return new DomainError('invalid_credentials', 'The API key, email or password is not correct');
}

/**
 * Email and password sign-in. The seam for local accounts: billing checks the password and opens the
 * session (SessionsService.create) in one call. Until local accounts exist every attempt is refused.
 */
export async function signInWithPassword(
  _rpc: RpcClient,
  _email: string | undefined,
  _password: string | undefined,
  _context: SignInContext,
): Promise<CreatedSession> {
  throw invalidCredentials();
}
