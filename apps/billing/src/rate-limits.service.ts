import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { AuditContext, DomainError, Events, Role, RoleRateLimitView, UserView } from '@switchyard/contracts';
import { broadcastBeforeAnswering, NATS_CONNECTION } from '@switchyard/nats';
import { AuditLogService } from './audit-log.service';
import { UserEntity } from './entities/user.entity';
import { roleLimits, userView } from './user-view';

/** Requests per minute per role, and per-user overrides. A change reaches every gateway at once. */
@Injectable()
export class RateLimitsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly auditLog: AuditLogService,
  ) {}

  private changed(): Promise<void> {
    return broadcastBeforeAnswering(this.nc, Events.billingRateLimitChanged, {});
  }

  async list(): Promise<RoleRateLimitView[]> {
    const limits = await roleLimits(this.ds);
    return [...limits.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([role, rpm]) => ({ object: 'rate_limit', role, requests_per_minute: rpm }));
  }

  /** Sets a role's limit; an admin's write (`audit`) is recorded in the audit log in the same transaction. */
  async setRole(role: Role, requestsPerMinute: number | null, audit?: AuditContext): Promise<RoleRateLimitView> {
    const after: RoleRateLimitView = { object: 'rate_limit', role, requests_per_minute: requestsPerMinute };
    await this.ds.transaction(async (em) => {
      const [previous] = await em.query<{ requests_per_minute: number | null }[]>(
        'SELECT requests_per_minute FROM billing.rate_limits WHERE role = $1 FOR UPDATE',
        [role],
      );
      await em.query('UPDATE billing.rate_limits SET requests_per_minute = $2, updated_at = now() WHERE role = $1', [
        role,
        requestsPerMinute,
      ]);
      if (audit) {
        const before = previous ? { object: 'rate_limit', role, requests_per_minute: previous.requests_per_minute } : null;
        await this.auditLog.record(
          { ...audit, action: 'rate_limit.set', targetType: 'role', targetId: role, before, after: { ...after } },
          em,
        );
      }
    });
    await this.changed();
    return after;
  }

  /** `override` false goes back to the role's limit; with `audit` (an admin's write) the entry, the user before and after, commits with it. */
  async setUser(userId: string, override: boolean, requestsPerMinute: number | null, audit?: AuditContext): Promise<UserView> {
    const after = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound(`User ${userId}`, 'id');
      const limits = await roleLimits(em);
      await repo.update({ id: userId }, { rateLimitOverridden: override, rateLimitRpm: override ? requestsPerMinute : null });
      const after = userView(await repo.findOneByOrFail({ id: userId }), limits);
      if (audit) {
        const action = override ? 'rate_limit.set' : 'rate_limit.clear';
        await this.auditLog.record(
          { ...audit, action, targetType: 'user', targetId: userId, before: { ...userView(user, limits) }, after: { ...after } },
          em,
        );
      }
      return after;
    });
    await this.changed();
    return after;
  }
}
