import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptInviteBody, createValidated, DomainError, SessionView, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Public } from '../auth/access';
import { AuthService } from '../auth/auth.service';
import { ownOrigin } from '../auth/same-origin';
import { AccountSignIn } from './account-sign-in';
import { inviteTokenHash } from './invite-links';

/** The one-time links admins hand out, as the console's "set your password" page reads and uses them. */
@Controller('auth/invites')
@Public()
export class InvitesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly auth: AuthService,
    private readonly signIn: AccountSignIn,
  ) {}

  /** Who the link is for; 404 alike when it is unknown, used or expired. */
  @Get(':token')
  peek(@Param('token') token: string) {
    return this.rpc.send(Subjects.billingInviteGet, { tokenHash: inviteTokenHash(token) });
  }

  /** Sets the password (strength checked), uses the link up and signs the user in, as `POST /auth/sign-in` does. */
  @Post(':token/accept')
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    // as for sign-in: another site may not sign a visitor in
    const origin = request.headers.origin;
    if (typeof origin === 'string' && origin.toLowerCase() !== ownOrigin(request, this.auth.publicUrl)) {
      throw new DomainError('permission_denied', 'Set the password from this site (Origin header)');
    }
    const tokenHash = inviteTokenHash(token);
    const user = await this.rpc.send(Subjects.billingInviteAccept, { tokenHash, body: createValidated(AcceptInviteBody, body ?? {}) });
    return this.signIn.openWithCookie(request, reply, user, 'password');
  }
}
