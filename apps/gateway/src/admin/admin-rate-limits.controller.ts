import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { createValidated, Role, SetRateLimitBody, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';

/** Requests per minute per role, changeable at run time (null = unlimited). */
@Controller('admin/rate-limits')
@Access('admin')
export class AdminRateLimitsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async list() {
    return { object: 'list', data: await this.rpc.send(Subjects.billingRateLimitList, {}) };
  }

  @Put(':role')
  set(@Param('role') role: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.billingRateLimitSet, { role: role as Role, body: createValidated(SetRateLimitBody, body ?? {}) });
  }
}
