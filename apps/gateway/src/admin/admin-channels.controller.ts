import { Controller } from '@nestjs/common';
import { RpcClient } from '@switchyard/nats';
import { Access } from '../auth/access';
import { ChannelRoutes } from '../channels/channel-routes';

/** PLATFORM channels, for admins. The upstream key goes in and never comes back out. */
@Controller('admin/channels')
@Access('admin')
export class AdminChannelsController extends ChannelRoutes {
  protected readonly type = 'PLATFORM' as const;

  constructor(rpc: RpcClient) {
    super(rpc);
  }
}
