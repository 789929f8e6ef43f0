import { Controller, Get, Query } from '@nestjs/common';
import { createValidated, Principal, Subjects, UsageFilter, UsageListRequest } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';
import { usageFilterOf } from './usage-query';

/** The caller's own usage: records newest first, and daily totals; filters `from`, `to`, `model`, `batch_id`. */
@Controller('v1/usage')
@Access('usage')
export class UsageController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@Caller() caller: Principal, @Query() query: Record<string, string>) {
    const request = createValidated(UsageListRequest, {
      ...usageFilterOf(caller.userId, query),
      limit: query.limit ?? 20,
      after: query.after,
    });
    return this.rpc.send(Subjects.billingUsageList, request);
  }

  @Get('daily')
  daily(@Caller() caller: Principal, @Query() query: Record<string, string>) {
    return this.rpc.send(Subjects.billingUsageDaily, createValidated(UsageFilter, usageFilterOf(caller.userId, query)));
  }
}
