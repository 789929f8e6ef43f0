import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountIdentity, CreatedSession, SessionMethod, SessionView, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { SignInContext } from '../auth/password-sign-in';
import { cameOverHttps, sessionCookie } from '../auth/session-cookie';

export type AccountSignInMethod = Extract<SessionMethod, 'password' | 'oidc'>;

export function signInContext(request: FastifyRequest): SignInContext {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' && agent ? agent.slice(0, 500) : null };
}

/**
 * Opens the session of a person who proved who they are outside `POST /auth/sign-in` (a one-time
 * link, or single sign-on), sets its cookie and records the sign-in in the audit log, as sign-in does:
 * `auth.sign_in` by the user, on the session, with the method.
 */
@Injectable()
export class AccountSignIn {
  constructor(private readonly rpc: RpcClient) {}

  async openWithCookie(
    request: FastifyRequest,
    reply: FastifyReply,
    user: AccountIdentity,
    method: AccountSignInMethod,
  ): Promise<SessionView> {
    const created: CreatedSession = await this.rpc.send(Subjects.billingSessionCreate, {
      userId: user.userId,
      method,
      scopes: [],
      ...signInContext(request),
    });
    await this.rpc.send(Subjects.billingAuditRecord, {
      actor: { userId: user.userId, keyId: created.sessionId },
      action: 'auth.sign_in',
      targetType: 'session',
      targetId: created.sessionId,
      before: null,
      after: { method },
      callerAddress: request.ip ?? null,
      requestId: String(request.id),
    });
    void reply.header('set-cookie', sessionCookie(created.token, created.absoluteExpiresAt - Date.now() / 1000, cameOverHttps(request)));
    return created.session;
  }
}
