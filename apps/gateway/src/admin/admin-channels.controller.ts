import { Controller, Get, Param } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';
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

  /** Each model's circuit and last error, and why the router disabled the channel. */
  @Get(':id/health')
  health(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelHealthGet, { principal: caller, type: this.type, channelId });
  }
}
