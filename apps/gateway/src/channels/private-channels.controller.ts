import { Controller } from '@nestjs/common';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { ChannelRoutes } from './channel-routes';

/** Each user's own PRIVATE (BYOK) channels: only their owner sees them or is routed through them. */
@Controller('v1/channels')
@Access('inference')
export class PrivateChannelsController extends ChannelRoutes {
  protected readonly type = 'PRIVATE' as const;

  constructor(rpc: RpcClient) {
    super(rpc);
  }
}
