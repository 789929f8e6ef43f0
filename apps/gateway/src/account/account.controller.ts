import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { AccountView, CreateKeyBody, createValidated, Principal, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';
import { ownKeyScopes } from './own-key-scopes';

/** The caller's own account and API keys, through billing's user and key subjects with the owner forced to the caller. */
@Controller('v1')
@Access('usage')
export class AccountController {
  constructor(private readonly rpc: RpcClient) {}

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

  @Post('keys')
  createKey(@Caller() caller: Principal, @Body() body: unknown) {
    const request = createValidated(CreateKeyBody, body ?? {});
    return this.rpc.send(Subjects.billingKeyCreate, {
      userId: caller.userId,
      body: { ...request, scopes: ownKeyScopes(caller, request.scopes) },
    });
  }

  @Delete('keys/:keyId')
  revokeKey(@Caller() caller: Principal, @Param('keyId') keyId: string) {
    return this.rpc.send(Subjects.billingKeyRevoke, { userId: caller.userId, keyId });
  }
}
