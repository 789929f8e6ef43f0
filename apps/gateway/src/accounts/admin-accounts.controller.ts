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

  // billing records each write in the audit log, in the write's own transaction (a link's token never)
  private async link(req: FastifyRequest, userId: string, kind: InviteKind, email?: string) {
    const created = await this.rpc.send(Subjects.billingInviteCreate, {
      userId,
      kind,
      email,
      createdBy: req.principal?.userId,
      audit: this.audit.context(req),
    });
    return inviteView(created);
  }

  @Patch(':id')
  update(@Param('id') userId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const changes = createValidated(UpdateUserBody, body ?? {});
    return this.rpc.send(Subjects.billingUserUpdate, { userId, body: changes, audit: this.audit.context(req) });
  }
}
