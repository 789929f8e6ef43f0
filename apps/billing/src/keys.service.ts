import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  apiKeyHint,
  AuditContext,
  CreatedKeyView,
  CreateKeyBody,
  DomainError,
  Events,
  generateApiKey,
  hashApiKey,
  KeyView,
  newId,
  Principal,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { broadcastBeforeAnswering, NATS_CONNECTION } from '@switchyard/nats';
import { AuditLogService } from './audit-log.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { UserEntity } from './entities/user.entity';
import { SessionsService } from './sessions.service';

function keyView(key: ApiKeyEntity): KeyView {
  return {
    id: key.id,
    object: 'api_key',
    name: key.name,
    scopes: key.scopes,
    prefix: key.prefix,
    created_at: unixSeconds(key.createdAt),
    revoked_at: key.revokedAt ? unixSeconds(key.revokedAt) : null,
    last_used_at: key.lastUsedAt ? unixSeconds(key.lastUsedAt) : null,
  };
}

@Injectable()
export class KeysService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly sessions: SessionsService,
    private readonly auditLog: AuditLogService,
  ) {}

  /** A new key; with `audit` (an admin's or the owner's write) its audit entry commits with it (the secret redacted). */
  async create(userId: string, body: CreateKeyBody, audit?: AuditContext): Promise<CreatedKeyView> {
    if (!(await this.ds.getRepository(UserEntity).existsBy({ id: userId }))) throw DomainError.notFound(`User ${userId}`, 'id');
    const secret = generateApiKey();
    return this.ds.transaction(async (em) => {
      const key = await this.insert(em, userId, secret, body.name ?? 'default', body.scopes ?? ['inference']);
      const created: CreatedKeyView = { ...keyView(key), key: secret };
      if (audit) {
        await this.auditLog.record(
          { ...audit, action: 'key.create', targetType: 'api_key', targetId: key.id, before: null, after: { ...created } },
          em,
        );
      }
      return created;
    });
  }

  private async insert(
    em: EntityManager,
    userId: string,
    secret: string,
    name: string,
    scopes: ApiKeyEntity['scopes'],
  ): Promise<ApiKeyEntity> {
    const repo = em.getRepository(ApiKeyEntity);
    const key = repo.create({
      id: newId('key_'),
      userId,
      name,
      scopes,
      keyHash: hashApiKey(secret),
      prefix: apiKeyHint(secret),
      revokedAt: null,
      lastUsedAt: null,
    });
    await repo.insert(key);
    return repo.findOneByOrFail({ id: key.id });
  }

  async list(userId: string): Promise<KeyView[]> {
    if (!(await this.ds.getRepository(UserEntity).existsBy({ id: userId }))) throw DomainError.notFound(`User ${userId}`, 'id');
    const keys = await this.ds.getRepository(ApiKeyEntity).find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return keys.map(keyView);
  }

  /** Revokes a key; with `audit` its audit entry (the key before and after) commits with the revocation. */
  async revoke(userId: string, keyId: string, audit?: AuditContext): Promise<KeyView> {
    const { key, after } = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(ApiKeyEntity);
      const key = await repo.findOne({ where: { id: keyId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw DomainError.notFound(`API key ${keyId}`, 'key_id');
      if (!key.revokedAt) await repo.update({ id: keyId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      const after = keyView(await repo.findOneByOrFail({ id: keyId }));
      if (audit) {
        await this.auditLog.record(
          { ...audit, action: 'key.revoke', targetType: 'api_key', targetId: keyId, before: { ...keyView(key) }, after: { ...after } },
          em,
        );
      }
      return { key, after };
    });
    // the gateway's key cache drops it before the admin hears the key is revoked
    await broadcastBeforeAnswering(this.nc, Events.billingKeyRevoked, { keyHash: key.keyHash });
    // the console sessions signed in with it end with it
    await this.sessions.revokeForKey(keyId);
    return after;
  }

  async verify(keyHash: string): Promise<Principal | null> {
    const rows = await this.ds.query<
      {
        key_id: string;
        user_id: string;
        scopes: Principal['scopes'];
        role: Principal['role'];
        rate_limit: number | null;
        used_recently: boolean;
      }[]
    >(
      `SELECT k.id AS key_id, k.user_id, k.scopes, u.role,
              CASE WHEN u.rate_limit_overridden THEN u.rate_limit_rpm ELSE r.requests_per_minute END AS rate_limit,
              coalesce(k.last_used_at > now() - interval '1 minute', false) AS used_recently
         FROM billing.api_keys k JOIN billing.users u ON u.id = k.user_id LEFT JOIN billing.rate_limits r ON r.role = u.role
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [keyHash],
    );
    const row = rows[0];
    // its last use, to the minute: one write a minute at most (gateways cache verified keys anyway)
    if (row && !row.used_recently) await this.ds.query(`UPDATE billing.api_keys SET last_used_at = now() WHERE id = $1`, [row.key_id]);
    return row ? { userId: row.user_id, keyId: row.key_id, role: row.role, scopes: row.scopes, rateLimit: row.rate_limit } : null;
  }
}

/** What start-up found for `SWITCHYARD_ADMIN_KEY`: a new key, the key as it was, or a key an admin revoked. */
export type BootstrapAdminOutcome = 'created' | 'present' | 'revoked';

/**
 * Makes `SWITCHYARD_ADMIN_KEY` a working admin key the first time it is configured; safe when
 * replicas start together. A revocation outlives restarts: a revoked bootstrap key is reported,
 * never re-enabled (the configured secret is no proof that its holder may still use it).
 */
export async function ensureBootstrapAdmin(ds: DataSource, secret: string): Promise<BootstrapAdminOutcome> {
  const keyHash = hashApiKey(secret);
  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['switchyard:bootstrap-admin']);
    const existing = await em.findOneBy(ApiKeyEntity, { keyHash });
    if (existing) return existing.revokedAt ? 'revoked' : 'present';
    let admin = await em.findOne(UserEntity, { where: { role: 'admin', name: 'admin' }, order: { createdAt: 'ASC' } });
    if (!admin) {
      admin = em.create(UserEntity, { id: newId('usr_'), name: 'admin', role: 'admin', balanceNano: 0n });
      await em.insert(UserEntity, admin);
    }
    await em.insert(ApiKeyEntity, {
      id: newId('key_'),
      userId: admin.id,
      name: 'bootstrap',
      scopes: ['inference', 'usage:read', 'admin'],
      keyHash,
      prefix: apiKeyHint(secret),
      revokedAt: null,
    });
    return 'created';
  });
}
