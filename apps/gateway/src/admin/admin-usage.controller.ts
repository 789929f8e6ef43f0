import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createValidated, Subjects, TopSpendersRequest, UsageFilter, UsageGroupings } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { queryParam, topSpendersOf, usageFilterOf, usageSummaryOf } from '../usage/usage-query';
import { usageListOrCsv, usageSummary } from '../usage/usage-routes';

/** Usage across every user (or one, with `user_id`), with the same filters as `/v1/usage`; charts by user, model or channel; top spenders. */
@Controller('admin/usage')
@Access('admin')
export class AdminUsageController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    return usageListOrCsv(this.rpc, usageFilterOf(queryParam(query, 'user_id') ?? null, query), query, reply);
  }

  @Get('daily')
  daily(@Query() query: Record<string, string>) {
    return this.rpc.send(
      Subjects.billingUsageDaily,
      createValidated(UsageFilter, usageFilterOf(queryParam(query, 'user_id') ?? null, query)),
    );
  }

  @Get('summary')
  summary(@Query() query: Record<string, string>) {
    return usageSummary(this.rpc, usageSummaryOf(queryParam(query, 'user_id') ?? null, query, UsageGroupings));
  }

  @Get('top-spenders')
  topSpenders(@Query() query: Record<string, string>) {
    return this.rpc.send(Subjects.billingUsageTopSpenders, createValidated(TopSpendersRequest, topSpendersOf(query)));
  }
}
