import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { DomainError, Events, Role, RoleRateLimitView, UserView } from '@switchyard/contracts';
import { broadcastBeforeAnswering, NATS_CONNECTION } from '@switchyard/nats';
import { UserEntity } from './entities/user.entity';
import { roleLimits, userView } from './user-view';

/** Requests per minute per role, and per-user overrides. A change reaches every gateway at once. */
@Injectable()
export class RateLimitsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
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

  async setRole(role: Role, requestsPerMinute: number | null): Promise<RoleRateLimitView> {
    await this.ds.query('UPDATE billing.rate_limits SET requests_per_minute = $2, updated_at = now() WHERE role = $1', [
      role,
      requestsPerMinute,
    ]);
    await this.changed();
    return { object: 'rate_limit', role, requests_per_minute: requestsPerMinute };
  }

  /** `override` false goes back to the role's limit. */
  async setUser(userId: string, override: boolean, requestsPerMinute: number | null): Promise<UserView> {
    const result = await this.ds
      .getRepository(UserEntity)
      .update({ id: userId }, { rateLimitOverridden: override, rateLimitRpm: override ? requestsPerMinute : null });
    if (result.affected === 0) throw DomainError.notFound(`User ${userId}`, 'id');
    await this.changed();
    return userView(await this.ds.getRepository(UserEntity).findOneByOrFail({ id: userId }), await roleLimits(this.ds));
  }
}
