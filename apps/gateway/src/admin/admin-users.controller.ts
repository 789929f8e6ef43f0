import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  AddCreditBody,
  CreateKeyBody,
  CreateUserBody,
  createValidated,
  LedgerListRequest,
  SetRateLimitBody,
  Subjects,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';

@Controller('admin/users')
@Access('admin')
export class AdminUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  create(@Body() body: unknown) {
    return this.rpc.send(Subjects.billingUserCreate, createValidated(CreateUserBody, body));
  }

  @Get()
  async list() {
    return { object: 'list', data: await this.rpc.send(Subjects.billingUserList, {}) };
  }

  @Get(':id')
  get(@Param('id') userId: string) {
    return this.rpc.send(Subjects.billingUserGet, { userId });
  }

  @Post(':id/keys')
  createKey(@Param('id') userId: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.billingKeyCreate, { userId, body: createValidated(CreateKeyBody, body ?? {}) });
  }

  @Get(':id/keys')
  async listKeys(@Param('id') userId: string) {
    return { object: 'list', data: await this.rpc.send(Subjects.billingKeyList, { userId }) };
  }

  @Delete(':id/keys/:keyId')
  revokeKey(@Param('id') userId: string, @Param('keyId') keyId: string) {
    return this.rpc.send(Subjects.billingKeyRevoke, { userId, keyId });
  }

  @Post(':id/credits')
  addCredit(@Param('id') userId: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.billingCreditAdd, { userId, body: createValidated(AddCreditBody, body) });
  }

  /** The user's own requests per minute, instead of their role's (null = unlimited). */
  @Put(':id/rate-limit')
  setRateLimit(@Param('id') userId: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.billingUserRateLimitSet, { userId, body: createValidated(SetRateLimitBody, body ?? {}) });
  }

  /** Back to the role's limit. */
  @Delete(':id/rate-limit')
  clearRateLimit(@Param('id') userId: string) {
    return this.rpc.send(Subjects.billingUserRateLimitClear, { userId });
  }

  /** Every credit and charge, newest first; `after` is an entry id. */
  @Get(':id/ledger')
  ledger(@Param('id') userId: string, @Query() query: Record<string, string>) {
    return this.rpc.send(
      Subjects.billingLedgerList,
      createValidated(LedgerListRequest, { userId, limit: query.limit ?? 20, after: query.after }),
    );
  }
}
