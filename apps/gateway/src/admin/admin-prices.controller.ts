import { Body, Controller, Get, Param, Put, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createValidated, PriceBookRequest, SetPriceBody, Subjects } from '@switchyard/contracts';
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

  /** Every model's prices as billing stores them, by model id; `after` is the last model of the previous page. */
  @Get()
  list(@Query() query: Record<string, string>) {
    const request = createValidated(PriceBookRequest, { limit: query.limit ?? 100, after: query.after });
    return this.rpc.send(Subjects.billingPriceBook, request);
  }

  /** Model ids may contain slashes (`vendor/model`), hence the wildcard. */
  @Put('*')
  set(@Param('*') model: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const price = createValidated(SetPriceBody, body);
    // billing records the change in the audit log in the same transaction
    return this.rpc.send(Subjects.billingPriceSet, { model, body: price, audit: this.audit.context(req) });
  }
}
