import { Controller, Get, Query } from '@nestjs/common';
import { AuditListRequest, createValidated, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { queryParam, timeParam } from '../usage/usage-query';

/** Every admin action, newest first, with filters; `after` is an entry id. */
@Controller('admin/audit-log')
@Access('admin')
export class AdminAuditLogController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@Query() query: Record<string, string>) {
    const request = createValidated(AuditListRequest, {
      actorUserId: queryParam(query, 'actor_user_id'),
      action: queryParam(query, 'action'),
      targetId: queryParam(query, 'target_id'),
      from: timeParam(queryParam(query, 'from'), 'from'),
      to: timeParam(queryParam(query, 'to'), 'to'),
      limit: query.limit ?? 20,
      after: query.after,
    });
    return this.rpc.send(Subjects.billingAuditList, request);
  }
}
