import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  AddCreditBody,
  CreateKeyBody,
  CreateUserBody,
  createValidated,
  LedgerListRequest,
  SetRateLimitBody,
  Subjects,
  UserSearchRequest,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { AuditTrail } from './audit-trail';

@Controller('admin/users')
@Access('admin')
export class AdminUsersController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  async create(@Body() body: unknown, @Req() req: FastifyRequest) {
    const user = await this.rpc.send(Subjects.billingUserCreate, createValidated(CreateUserBody, body));
    await this.audit.record(req, { action: 'user.create', target: { type: 'user', id: user.id }, before: null, after: user });
    return user;
  }

  /** Oldest first; `search` matches id, name or email; `after` is the last user id of the previous page. */
  @Get()
  list(@Query() query: Record<string, string>) {
    return this.rpc.send(
      Subjects.billingUserSearch,
      createValidated(UserSearchRequest, { search: query.search || undefined, limit: query.limit ?? 100, after: query.after }),
    );
  }

  @Get(':id')
  get(@Param('id') userId: string) {
    return this.rpc.send(Subjects.billingUserGet, { userId });
  }

  @Post(':id/keys')
  async createKey(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const key = await this.rpc.send(Subjects.billingKeyCreate, { userId, body: createValidated(CreateKeyBody, body ?? {}) });
    await this.audit.record(req, { action: 'key.create', target: { type: 'api_key', id: key.id }, before: null, after: key });
    return key;
  }

  @Get(':id/keys')
  async listKeys(@Param('id') userId: string) {
    return { object: 'list', data: await this.rpc.send(Subjects.billingKeyList, { userId }) };
  }

  @Delete(':id/keys/:keyId')
  async revokeKey(@Param('id') userId: string, @Param('keyId') keyId: string, @Req() req: FastifyRequest) {
    const before = (await this.rpc.send(Subjects.billingKeyList, { userId })).find((k) => k.id === keyId) ?? null;
    const key = await this.rpc.send(Subjects.billingKeyRevoke, { userId, keyId });
    await this.audit.record(req, { action: 'key.revoke', target: { type: 'api_key', id: keyId }, before, after: key });
    return key;
  }

  @Post(':id/credits')
  addCredit(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    // billing records the credit in the audit log in the same transaction
    return this.rpc.send(Subjects.billingCreditAdd, { userId, body: createValidated(AddCreditBody, body), audit: this.audit.context(req) });
  }

  /** The user's own requests per minute, instead of their role's (null = unlimited). */
  @Put(':id/rate-limit')
  async setRateLimit(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const limit = createValidated(SetRateLimitBody, body ?? {});
    const before = await this.rpc.send(Subjects.billingUserGet, { userId });
    const after = await this.rpc.send(Subjects.billingUserRateLimitSet, { userId, body: limit });
    await this.audit.record(req, { action: 'rate_limit.set', target: { type: 'user', id: userId }, before, after });
    return after;
  }

  /** Back to the role's limit. */
  @Delete(':id/rate-limit')
  async clearRateLimit(@Param('id') userId: string, @Req() req: FastifyRequest) {
    const before = await this.rpc.send(Subjects.billingUserGet, { userId });
    const after = await this.rpc.send(Subjects.billingUserRateLimitClear, { userId });
    await this.audit.record(req, { action: 'rate_limit.clear', target: { type: 'user', id: userId }, before, after });
    return after;
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
