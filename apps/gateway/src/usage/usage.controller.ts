import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createValidated, Principal, Subjects, UsageFilter } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';
import { usageFilterOf, usageSummaryOf } from './usage-query';
import { usageListOrCsv, usageSummary } from './usage-routes';

/** The caller's own usage: records newest first (or a CSV of them), daily totals and charts; filters `from`, `to`, `model`, `batch_id`. */
@Controller('v1/usage')
@Access('usage')
export class UsageController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@Caller() caller: Principal, @Query() query: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    return usageListOrCsv(this.rpc, usageFilterOf(caller.userId, query), query, reply);
  }

  @Get('daily')
  daily(@Caller() caller: Principal, @Query() query: Record<string, string>) {
    return this.rpc.send(Subjects.billingUsageDaily, createValidated(UsageFilter, usageFilterOf(caller.userId, query)));
  }

  @Get('summary')
  summary(@Caller() caller: Principal, @Query() query: Record<string, string>) {
    return usageSummary(this.rpc, usageSummaryOf(caller.userId, query, ['none', 'model', 'channel_type']));
  }
}
