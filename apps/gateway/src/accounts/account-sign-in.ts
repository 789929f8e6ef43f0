import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountIdentity, CreatedSession, MAX_PASSWORD_LENGTH, SessionMethod, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { invalidCredentials, SignInContext } from '../auth/password-sign-in';
import { cameOverHttps, sessionCookie } from '../auth/session-cookie';

export type AccountSignInMethod = Extract<SessionMethod, 'password' | 'oidc'>;

export function signInContext(request: FastifyRequest): SignInContext {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' && agent ? agent.slice(0, 500) : null };
}

/**
 * Opens the session of a person who proved who they are with a password (sign-in or a one-time link)
 * or single sign-on, and records the sign-in, or the failed one, in the audit log.
 */
@Injectable()
export class AccountSignIn {
  constructor(private readonly rpc: RpcClient) {}

  /** Email and password: a wrong password, an unknown email and a disabled user get the same refusal. */
  async withPassword(request: FastifyRequest, email: string | undefined, password: string | undefined): Promise<CreatedSession> {
    const user =
      email && password && email.length <= 254 && password.length <= MAX_PASSWORD_LENGTH
        ? await this.rpc.send(Subjects.billingPasswordVerify, { email, password })
        : null;
    if (!user) {
      await this.audit(request, null, 'auth.sign_in_failed', { method: 'password', email: email?.slice(0, 254) ?? null });
      throw invalidCredentials();
    }
    return this.open(request, user, 'password');
  }

  /** A new session for the user, recorded as their sign-in. */
  async open(request: FastifyRequest, user: AccountIdentity, method: AccountSignInMethod): Promise<CreatedSession> {
    const created = await this.rpc.send(Subjects.billingSessionCreate, {
      userId: user.userId,
      method,
      scopes: [],
      ...signInContext(request),
    });
    await this.audit(request, { userId: user.userId, keyId: created.sessionId }, 'auth.sign_in', { method, session_id: created.sessionId });
    return created;
  }

  /** Opens the session and sets its cookie on the answer. */
  async openWithCookie(request: FastifyRequest, reply: FastifyReply, user: AccountIdentity, method: AccountSignInMethod) {
    const created = await this.open(request, user, method);
    void reply.header('set-cookie', sessionCookie(created.token, created.absoluteExpiresAt - Date.now() / 1000, cameOverHttps(request)));
    return created.session;
  }

  private async audit(
    request: FastifyRequest,
    actor: { userId: string; keyId: string } | null,
    action: 'auth.sign_in' | 'auth.sign_in_failed',
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.rpc.send(Subjects.billingAuditRecord, {
      actor,
      action,
      targetType: 'user',
      targetId: actor?.userId ?? null,
      before: null,
      after,
      callerAddress: request.ip ?? null,
      requestId: String(request.id),
    });
  }
}
