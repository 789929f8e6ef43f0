import { Controller, Get, Query } from '@nestjs/common';
import { createValidated, Principal, Subjects, UsageListRequest } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';

@Controller('v1/usage')
export class UsageController {
  constructor(private readonly rpc: RpcClient) {}

  /** The caller's own usage, newest first. */
  @Get()
  @Access('usage')
  list(@Caller() caller: Principal, @Query() query: Record<string, string>) {
    const request = createValidated(UsageListRequest, { userId: caller.userId, limit: query.limit ?? 20, after: query.after });
    return this.rpc.send(Subjects.billingUsageList, request);
  }
}
