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
  async set(@Param('role') role: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const limit = createValidated(SetRateLimitBody, body ?? {});
    const before = (await this.rpc.send(Subjects.billingRateLimitList, {})).find((r) => r.role === role) ?? null;
    const after = await this.rpc.send(Subjects.billingRateLimitSet, { role: role as Role, body: limit });
    await this.audit.record(req, { action: 'rate_limit.set', target: { type: 'role', id: role }, before, after });
    return after;
  }
}
