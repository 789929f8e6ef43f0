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
  async set(@Param('*') model: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const price = createValidated(SetPriceBody, body);
    const before = (await this.rpc.send(Subjects.billingPriceList, {})).find((p) => p.model === model) ?? null;
    const after = await this.rpc.send(Subjects.billingPriceSet, { model, body: price });
    await this.audit.record(req, { action: 'price.set', target: { type: 'price', id: model }, before, after });
    return after;
  }
}
