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

  // billing records each write below in the audit log, in the write's own transaction
  @Post()
  create(@Body() body: unknown, @Req() req: FastifyRequest) {
    return this.rpc.send(Subjects.billingUserCreate, { ...createValidated(CreateUserBody, body), audit: this.audit.context(req) });
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
  createKey(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.rpc.send(Subjects.billingKeyCreate, {
      userId,
      body: createValidated(CreateKeyBody, body ?? {}),
      audit: this.audit.context(req),
    });
  }

  @Get(':id/keys')
  async listKeys(@Param('id') userId: string) {
    return { object: 'list', data: await this.rpc.send(Subjects.billingKeyList, { userId }) };
  }

  @Delete(':id/keys/:keyId')
  revokeKey(@Param('id') userId: string, @Param('keyId') keyId: string, @Req() req: FastifyRequest) {
    return this.rpc.send(Subjects.billingKeyRevoke, { userId, keyId, audit: this.audit.context(req) });
  }

  @Post(':id/credits')
  addCredit(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.rpc.send(Subjects.billingCreditAdd, { userId, body: createValidated(AddCreditBody, body), audit: this.audit.context(req) });
  }

  /** The user's own requests per minute, instead of their role's (null = unlimited). */
  @Put(':id/rate-limit')
  setRateLimit(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const limit = createValidated(SetRateLimitBody, body ?? {});
    return this.rpc.send(Subjects.billingUserRateLimitSet, { userId, body: limit, audit: this.audit.context(req) });
  }

  /** Back to the role's limit. */
  @Delete(':id/rate-limit')
  clearRateLimit(@Param('id') userId: string, @Req() req: FastifyRequest) {
    return this.rpc.send(Subjects.billingUserRateLimitClear, { userId, audit: this.audit.context(req) });
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
