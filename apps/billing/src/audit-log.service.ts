import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryView, AuditListReply, AuditListRequest, AuditRecordRequest, redactSecrets } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { AuditEntryEntity } from './entities/audit-entry.entity';

function entryView(e: AuditEntryEntity): AuditEntryView {
  return {
    id: String(e.id),
    object: 'audit.entry',
    created_at: unixSeconds(e.createdAt),
    actor: e.actorUserId === null ? null : { user_id: e.actorUserId, key_id: e.actorKeyId ?? '' },
    action: e.action,
    target: { type: e.targetType, id: e.targetId },
    before: e.before,
    after: e.after,
    caller_address: e.callerAddress,
    request_id: e.requestId,
  };
}

/**
 * The audit log: admin actions and sign-ins, appended and listed, never changed. Pass the entity
 * manager of the write being audited, so the action and its row commit (or roll back) together.
 */
@Injectable()
export class AuditLogService {
  constructor(private readonly ds: DataSource) {}

  async record(entry: AuditRecordRequest, em: EntityManager = this.ds.manager): Promise<AuditEntryView> {
    const row = em.getRepository(AuditEntryEntity).create({
      actorUserId: entry.actor?.userId ?? null,
      actorKeyId: entry.actor?.keyId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before == null ? null : redactSecrets(entry.before),
      after: entry.after == null ? null : redactSecrets(entry.after),
      callerAddress: entry.callerAddress ?? null,
      requestId: entry.requestId ?? null,
    });
    return entryView(await em.getRepository(AuditEntryEntity).save(row));
  }

  /** Newest first; `after` is the id of the last entry of the previous page. */
  async list(request: AuditListRequest): Promise<AuditListReply> {
    const query = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a').where('true');
    if (request.actorUserId !== undefined) query.andWhere('a.actor_user_id = :actor', { actor: request.actorUserId });
    if (request.action !== undefined) query.andWhere('a.action = :action', { action: request.action });
    if (request.targetId !== undefined) query.andWhere('a.target_id = :target', { target: request.targetId });
    if (request.from !== undefined) query.andWhere('a.created_at >= to_timestamp(:from)', { from: request.from });
    if (request.to !== undefined) query.andWhere('a.created_at < to_timestamp(:to)', { to: request.to });
    if (request.after !== undefined) query.andWhere('a.id < :after', { after: request.after });
    const rows = await query
      .orderBy('a.id', 'DESC')
      .limit(request.limit + 1)
      .getMany();
    return { object: 'list', data: rows.slice(0, request.limit).map(entryView), has_more: rows.length > request.limit };
  }
}
