import { Controller } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { ChannelRoutes } from '../channels/channel-routes';
import { AuditedChange, AuditTrail } from './audit-trail';

/** PLATFORM channels, for admins. The upstream key goes in and never comes back out. */
@Controller('admin/channels')
@Access('admin')
export class AdminChannelsController extends ChannelRoutes {
  protected readonly type = 'PLATFORM' as const;
  protected override readonly audited = true;

  constructor(
    rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {
    super(rpc);
  }

  protected override changed(request: FastifyRequest, change: AuditedChange) {
    return this.audit.record(request, change);
  }
}
