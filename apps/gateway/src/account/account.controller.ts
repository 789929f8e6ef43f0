import { Body, Controller, Delete, Get, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccountView, CreateKeyBody, createValidated, Principal, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { AuditTrail } from '../admin/audit-trail';
import { Access, Caller } from '../auth/access';
import { ownKeyScopes } from './own-key-scopes';

/** The caller's own account and API keys, through billing's user and key subjects with the owner forced to the caller. */
@Controller('v1')
@Access('usage')
export class AccountController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  @Get('account')
  async account(@Caller() caller: Principal): Promise<AccountView> {
    const user = await this.rpc.send(Subjects.billingUserGet, { userId: caller.userId });
    // email: local accounts add it to the user view; null until they do
    const email = (user as { email?: string | null }).email ?? null;
    return {
      object: 'account',
      user: { id: user.id, name: user.name, email, role: user.role },
      balance: user.balance,
      debt: user.debt,
      rate_limit: user.requests_per_minute,
    };
  }

  @Get('keys')
  async listKeys(@Caller() caller: Principal) {
    return { object: 'list', data: await this.rpc.send(Subjects.billingKeyList, { userId: caller.userId }) };
  }

  /** Key writes are audited like an admin's: billing records the entry (the caller as actor) in the write's transaction. */
  @Post('keys')
  createKey(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest) {
    const request = createValidated(CreateKeyBody, body ?? {});
    return this.rpc.send(Subjects.billingKeyCreate, {
      userId: caller.userId,
      body: { ...request, scopes: ownKeyScopes(caller, request.scopes) },
      audit: this.audit.context(req),
    });
  }

  @Delete('keys/:keyId')
  revokeKey(@Caller() caller: Principal, @Param('keyId') keyId: string, @Req() req: FastifyRequest) {
    return this.rpc.send(Subjects.billingKeyRevoke, { userId: caller.userId, keyId, audit: this.audit.context(req) });
  }
}
