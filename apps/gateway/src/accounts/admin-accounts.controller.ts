import { Body, Controller, Param, Patch, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createValidated, InviteBody, InviteKind, Subjects, UpdateUserBody } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { AuditTrail } from '../admin/audit-trail';
import { Access } from '../auth/access';
import { inviteView } from './invite-links';

/** What admins do to local accounts: invite, reset a password, change name, email, role, or disable. */
@Controller('admin/users')
@Access('admin')
export class AdminAccountsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  @Post(':id/invite')
  async invite(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const { email } = createValidated(InviteBody, body);
    return this.link(req, userId, 'invite', email);
  }

  @Post(':id/password-reset')
  async passwordReset(@Param('id') userId: string, @Req() req: FastifyRequest) {
    return this.link(req, userId, 'reset');
  }

  private async link(req: FastifyRequest, userId: string, kind: InviteKind, email?: string) {
    const before = await this.rpc.send(Subjects.billingUserGet, { userId });
    const created = await this.rpc.send(Subjects.billingInviteCreate, { userId, kind, email, createdBy: req.principal?.userId });
    const view = inviteView(created);
    // the link's token is a secret: the log keeps who got a link, to which email, until when
    await this.audit.record(req, {
      action: kind === 'invite' ? 'user.invite' : 'user.password_reset',
      target: { type: 'user', id: userId },
      before,
      after: { email: created.email, kind, expires_at: view.expires_at },
    });
    return view;
  }

  @Patch(':id')
  async update(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const changes = createValidated(UpdateUserBody, body ?? {});
    const before = await this.rpc.send(Subjects.billingUserGet, { userId });
    const after = await this.rpc.send(Subjects.billingUserUpdate, { userId, body: changes });
    await this.audit.record(req, { action: 'user.update', target: { type: 'user', id: userId }, before, after });
    return after;
  }
}
