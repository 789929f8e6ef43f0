import { Controller, Get, Query } from '@nestjs/common';
import { createValidated, Subjects, UsageFilter, UsageListRequest } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { queryParam, usageFilterOf } from '../usage/usage-query';

/** Usage across every user (or one, with `user_id`), with the same filters as `/v1/usage`. */
@Controller('admin/usage')
@Access('admin')
export class AdminUsageController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@Query() query: Record<string, string>) {
    const request = createValidated(UsageListRequest, {
      ...usageFilterOf(queryParam(query, 'user_id') ?? null, query),
      limit: query.limit ?? 20,
      after: query.after,
    });
    return this.rpc.send(Subjects.billingUsageList, request);
  }

  @Get('daily')
  daily(@Query() query: Record<string, string>) {
    return this.rpc.send(
      Subjects.billingUsageDaily,
      createValidated(UsageFilter, usageFilterOf(queryParam(query, 'user_id') ?? null, query)),
    );
  }
}
