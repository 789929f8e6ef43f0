import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreatedSession, createValidated, DomainError, hashSessionToken, SessionView, SignInBody, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Public } from './access';
import { AuthService } from './auth.service';
import { invalidCredentials, SignInContext, signInWithPassword } from './password-sign-in';
import { ownOrigin } from './same-origin';
import { cameOverHttps, clearedSessionCookie, sessionCookie, sessionToken } from './session-cookie';

function signInContext(request: FastifyRequest): SignInContext {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' && agent ? agent.slice(0, 500) : null };
}

/** The console's sign-in: every way in ends in the same server-side session, named by an HttpOnly cookie. */
@Controller('auth')
export class SignInController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly auth: AuthService,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  async signIn(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    // a browser names the page that sent the form: another site may not sign a visitor in (into its own account)
    const origin = request.headers.origin;
    if (typeof origin === 'string' && origin.toLowerCase() !== ownOrigin(request, this.auth.publicUrl)) {
      throw new DomainError('permission_denied', 'Sign in from this site (Origin header)');
    }
    const credentials = createValidated(SignInBody, body ?? {});
    const context = signInContext(request);
    let created: CreatedSession;
    if (credentials.api_key !== undefined) {
      created = await this.withKey(credentials.api_key, context);
    } else if (credentials.email !== undefined || credentials.password !== undefined) {
      created = await signInWithPassword(this.rpc, credentials.email, credentials.password, context);
    } else {
      throw new DomainError('missing_required_parameter', 'Send api_key, or email and password', 'api_key');
    }
    reply.header('set-cookie', sessionCookie(created.token, created.absoluteExpiresAt - Date.now() / 1000, cameOverHttps(request)));
    return created.session;
  }

  @Get('session')
  @Access('session')
  current(@Req() request: FastifyRequest): SessionView {
    return request.consoleSession!.session;
  }

  @Post('sign-out')
  @Access('session')
  @HttpCode(204)
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { sessionId, principal } = request.consoleSession!;
    const { tokenHashes } = await this.rpc.send(Subjects.billingSessionRevoke, { userId: principal.userId, sessionId });
    const token = sessionToken(request.headers);
    for (const hash of [...tokenHashes, ...(token ? [hashSessionToken(token)] : [])]) this.auth.forgetSession(hash);
    reply.header('set-cookie', clearedSessionCookie(cameOverHttps(request)));
  }

  /** The key is checked as on any request; the session gets its scopes and ends when the key is revoked. */
  private async withKey(key: string, context: SignInContext): Promise<CreatedSession> {
    const principal = await this.auth.principalForKey(key);
    if (!principal) throw invalidCredentials();
    return this.rpc.send(Subjects.billingSessionCreate, {
      userId: principal.userId,
      method: 'api_key',
      scopes: principal.scopes,
      keyId: principal.keyId,
      ...context,
    });
  }
}
