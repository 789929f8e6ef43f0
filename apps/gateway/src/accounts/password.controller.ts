import { Body, Controller, HttpCode, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ChangePasswordBody, createValidated, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { AuthService } from '../auth/auth.service';

/** A signed-in person changes their own password; their other sessions end. */
@Controller('auth/password')
@Access('session')
export class PasswordController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly auth: AuthService,
  ) {}

  @Put()
  @HttpCode(204)
  async change(@Body() body: unknown, @Req() request: FastifyRequest): Promise<void> {
    const { sessionId, principal } = request.consoleSession!;
    const passwords = createValidated(ChangePasswordBody, body ?? {});
    await this.rpc.send(Subjects.billingPasswordChange, { userId: principal.userId, body: passwords });
    const { tokenHashes } = await this.rpc.send(Subjects.billingSessionRevokeAll, { userId: principal.userId, exceptSessionId: sessionId });
    for (const hash of tokenHashes) this.auth.forgetSession(hash);
  }
}
