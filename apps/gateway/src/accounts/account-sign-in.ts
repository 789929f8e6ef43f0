import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountIdentity, DomainError } from '@switchyard/contracts';

export type AccountSignInMethod = 'password' | 'oidc';

/**
 * Opens a session for a user who proved who they are with a password, an invite or single sign-on.
 * TODO(merge with auth-core): create the session through its seam and set the cookie.
 */
@Injectable()
export class AccountSignIn {
  async open(_req: FastifyRequest, _reply: FastifyReply, _user: AccountIdentity, _method: AccountSignInMethod): Promise<object> {
    throw new DomainError('service_unavailable', 'Sessions are not available yet');
  }
}
