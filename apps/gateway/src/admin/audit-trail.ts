import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuditEntryView, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';

/** What an admin action changed: `before` is null for a creation, `after` null for a deletion. */
export interface AuditedChange {
  action: string;
  target: { type: string; id: string | null };
  before: object | null;
  after: object | null;
}

/**
 * Records admin actions in billing's audit log. Who did it, from where and under which request id
 * come from the request as the gateway made it (the authenticated principal, the socket's address,
 * our own request id), never from the body. Billing redacts secrets before it stores a state.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly rpc: RpcClient) {}

  record(request: FastifyRequest, change: AuditedChange): Promise<AuditEntryView> {
    const principal = request.principal;
    return this.rpc.send(Subjects.billingAuditRecord, {
      actor: principal ? { userId: principal.userId, keyId: principal.keyId } : null,
      action: change.action,
      targetType: change.target.type,
      targetId: change.target.id,
      before: change.before as Record<string, unknown> | null,
      after: change.after as Record<string, unknown> | null,
      callerAddress: request.ip ?? null,
      requestId: String(request.id),
    });
  }
}
