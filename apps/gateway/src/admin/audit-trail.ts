import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuditContext, AuditEntryView, Subjects } from '@switchyard/contracts';
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

  /**
   * Who asks, from where, under which request id: sent with a billing write that records its own
   * audit entry in the write's transaction (every billing write: users, keys, credits, rate limits, prices, links).
   */
  context(request: FastifyRequest): AuditContext {
    const principal = request.principal;
    return {
      actor: principal ? { userId: principal.userId, keyId: principal.keyId } : null,
      callerAddress: request.ip ?? null,
      requestId: String(request.id),
    };
  }

  /**
   * Records an action after its write, in a call of its own: only for PLATFORM channel writes, which live in the
   * router's schema, so no transaction holds both the write and billing's entry.
   */
  record(request: FastifyRequest, change: AuditedChange): Promise<AuditEntryView> {
    return this.rpc.send(Subjects.billingAuditRecord, {
      ...this.context(request),
      action: change.action,
      targetType: change.target.type,
      targetId: change.target.id,
      before: change.before as Record<string, unknown> | null,
      after: change.after as Record<string, unknown> | null,
    });
  }
}
