import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { Public } from '../../auth/access';
import { AccountSignIn } from '../account-sign-in';
import { clearedPendingCookie, pendingCookie, readPending } from './oidc-state';
import { OidcSignIn, OidcSignInError } from './oidc-sign-in';

/** Single sign-on: off to the provider, and back with a session. The browser navigates here, so errors are redirects too. */
@Controller('auth/oidc')
@Public()
export class OidcController {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly signIn: AccountSignIn,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  @Get('start')
  async start(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.oidc.enabled) throw DomainError.notFound('Single sign-on (not configured)');
    void reply.header('cache-control', 'no-store');
    let started: Awaited<ReturnType<OidcSignIn['start']>>;
    try {
      started = await this.oidc.start(req);
    } catch (error) {
      // the provider's metadata could not be read: the browser gets the sign-in page with the reason, not JSON
      this.logger.warn('single sign-on could not start', { error: (error as Error).message });
      void reply.redirect('/#/sign-in?error=oidc_unavailable', 302);
      return;
    }
    void reply.header('set-cookie', pendingCookie(started.pending, this.oidc.isHttps(req))).redirect(started.url, 302);
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('set-cookie', clearedPendingCookie(this.oidc.isHttps(req))).header('cache-control', 'no-store');
    try {
      const user = await this.oidc.finish(req, readPending(req.headers.cookie));
      await this.signIn.openWithCookie(req, reply, user, 'oidc');
      void reply.redirect('/', 302);
    } catch (error) {
      // anything else (billing unreachable, no session made) is a failed sign-in too: the browser gets a page, not JSON
      const code = error instanceof OidcSignInError ? error.code : 'oidc_failed';
      void reply.redirect(`/#/sign-in?error=${code}`, 302);
    }
  }
}
