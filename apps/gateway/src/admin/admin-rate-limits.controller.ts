import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createValidated, Role, SetRateLimitBody, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { AuditTrail } from './audit-trail';

/** Requests per minute per role, changeable at run time (null = unlimited). */
@Controller('admin/rate-limits')
@Access('admin')
export class AdminRateLimitsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  async list() {
    return { object: 'list', data: await this.rpc.send(Subjects.billingRateLimitList, {}) };
  }

  @Put(':role')
  set(@Param('role') role: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const limit = createValidated(SetRateLimitBody, body ?? {});
    // billing records the change in the audit log in the same transaction
    return this.rpc.send(Subjects.billingRateLimitSet, { role: role as Role, body: limit, audit: this.audit.context(req) });
  }
}
