import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CreatedSession,
  createValidated,
  DomainError,
  hashApiKey,
  hashSessionToken,
  SessionListView,
  SessionMethod,
  SessionView,
  SignInBody,
  Subjects,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { GatewayConfig } from '../gateway.config';
import { Access, Public } from './access';
import { AuthService } from './auth.service';
import { invalidCredentials, SignInContext, signInWithPassword } from './password-sign-in';
import { ownOrigin } from './same-origin';
import { cameOverHttps, clearedSessionCookie, sessionCookie, sessionToken } from './session-cookie';

function tooManyFailures(reply: FastifyReply, retryAfter: number): DomainError {
  reply.header('retry-after', String(retryAfter));
  return new DomainError('rate_limit_exceeded', `Too many failed sign-ins. Retry in ${retryAfter} s.`);
}

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
    private readonly config: GatewayConfig,
  ) {}

  /** Which ways in the sign-in page offers. */
  @Get('methods')
  @Public()
  methods() {
    return { password: true, oidc: { enabled: Boolean(this.config.SWITCHYARD_OIDC_ISSUER), start_url: '/auth/oidc/start' } };
  }

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
    const context = signInContext(request);
    const { method, account, open } = this.signInWith(createValidated(SignInBody, body ?? {}), context);
    const attempt = { account, address: context.ip, method, requestId: String(request.id) };
    const { retryAfter } = await this.rpc.send(Subjects.billingSignInCheck, { account, address: context.ip });
    if (retryAfter !== null) throw tooManyFailures(reply, retryAfter);
    let created: CreatedSession;
    try {
      created = await open();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_credentials') await this.rpc.send(Subjects.billingSignInFail, attempt);
      throw error;
    }
    await this.rpc.send(Subjects.billingSignInSucceed, {
      ...attempt,
      userId: created.session.user.id,
      sessionId: created.sessionId,
      keyId: created.keyId ?? null,
    });
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

  @Get('sessions')
  @Access('session')
  sessions(@Req() request: FastifyRequest): Promise<SessionListView> {
    const { principal, sessionId } = request.consoleSession!;
    return this.rpc.send(Subjects.billingSessionList, { userId: principal.userId, currentSessionId: sessionId });
  }

  /** One of the caller's own sessions (another user's is not found); their current one signs them out. */
  @Delete('sessions/:sessionId')
  @Access('session')
  @HttpCode(204)
  async revoke(@Param('sessionId') sessionId: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const current = request.consoleSession!;
    const { tokenHashes } = await this.rpc.send(Subjects.billingSessionRevoke, { userId: current.principal.userId, sessionId });
    for (const hash of tokenHashes) this.auth.forgetSession(hash);
    if (sessionId === current.sessionId) reply.header('set-cookie', clearedSessionCookie(cameOverHttps(request)));
  }

  /** "Sign out everywhere", this session included. */
  @Post('sessions/revoke-all')
  @Access('session')
  @HttpCode(204)
  async revokeAll(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { tokenHashes } = await this.rpc.send(Subjects.billingSessionRevokeAll, { userId: request.consoleSession!.principal.userId });
    for (const hash of tokenHashes) this.auth.forgetSession(hash);
    reply.header('set-cookie', clearedSessionCookie(cameOverHttps(request)));
  }

  /** The way in the body names: what failures are counted against, and what opens the session once the credentials pass. */
  private signInWith(
    credentials: SignInBody,
    context: SignInContext,
  ): { method: SessionMethod; account: string; open: () => Promise<CreatedSession> } {
    const { api_key: key, email, password } = credentials;
    if (key !== undefined) return { method: 'api_key', account: `key:${hashApiKey(key)}`, open: () => this.withKey(key, context) };
    if (email !== undefined || password !== undefined) {
      return {
        method: 'password',
        account: `email:${(email ?? '').trim().toLowerCase()}`,
        open: () => signInWithPassword(this.rpc, email, password, context),
      };
    }
    throw new DomainError('missing_required_parameter', 'Send api_key, or email and password', 'api_key');
  }

  /** The key is checked as on any request; the session gets its scopes and ends when the key is revoked. */
  private async withKey(key: string, context: SignInContext): Promise<CreatedSession> {
    const principal = await this.auth.principalForKey(key);
    if (!principal) throw invalidCredentials();
    try {
      return await this.rpc.send(Subjects.billingSessionCreate, {
        userId: principal.userId,
        method: 'api_key',
        scopes: principal.scopes,
        keyId: principal.keyId,
        ...context,
      });
    } catch (error) {
      // the user went (or was disabled) since the key was cached: the same answer as a wrong key
      if (error instanceof DomainError && error.code === 'not_found') throw invalidCredentials();
      throw error;
    }
  }
}
