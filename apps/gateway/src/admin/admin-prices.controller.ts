import { Body, Controller, Param, Put } from '@nestjs/common';
import { createValidated, SetPriceBody, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';

@Controller('admin/prices')
@Access('admin')
export class AdminPricesController {
  constructor(private readonly rpc: RpcClient) {}

  /** Model ids may contain slashes (`vendor/model`), hence the wildcard. */
  @Put('*')
  set(@Param('*') model: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.billingPriceSet, { model, body: createValidated(SetPriceBody, body) });
  }
}
