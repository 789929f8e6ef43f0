import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createValidated, SetPriceBody, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { AuditTrail } from './audit-trail';

@Controller('admin/prices')
@Access('admin')
export class AdminPricesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  /** Model ids may contain slashes (`vendor/model`), hence the wildcard. */
  @Put('*')
  set(@Param('*') model: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const price = createValidated(SetPriceBody, body);
    // billing records the change in the audit log in the same transaction
    return this.rpc.send(Subjects.billingPriceSet, { model, body: price, audit: this.audit.context(req) });
  }
}
