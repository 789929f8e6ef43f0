import { Controller, Get, Param } from '@nestjs/common';
import { Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Public } from '../auth/access';
import { inviteTokenHash } from './invite-links';

/** The one-time links admins hand out, as the console's "set your password" page reads and uses them. */
@Controller('auth/invites')
@Public()
export class InvitesController {
  constructor(private readonly rpc: RpcClient) {}

  /** Who the link is for; 404 alike when it is unknown, used or expired. */
  @Get(':token')
  peek(@Param('token') token: string) {
    return this.rpc.send(Subjects.billingInviteGet, { tokenHash: inviteTokenHash(token) });
  }
}
