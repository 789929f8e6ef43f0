import { CreatedSession, DomainError, MAX_PASSWORD_LENGTH, Subjects } from '@switchyard/contracts';
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
 * Email and password sign-in (local accounts): billing checks the password of the enabled user with
 * that email (whatever its case; an unknown email costs a hash too), then opens the session with the
 * role's scopes. Input no password could match is refused without asking.
 */
export async function signInWithPassword(
  rpc: RpcClient,
  email: string | undefined,
  password: string | undefined,
  context: SignInContext,
): Promise<CreatedSession> {
  if (!email || !password || email.length > 254 || password.length > MAX_PASSWORD_LENGTH) throw invalidCredentials();
  const user = await rpc.send(Subjects.billingPasswordVerify, { email, password });
  if (!user) throw invalidCredentials();
  return rpc.send(Subjects.billingSessionCreate, { userId: user.userId, method: 'password', scopes: [], ...context });
}
