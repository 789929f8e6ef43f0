import { DataSource, EntityManager } from 'typeorm';
import { nanoToUsd, Role, UserView } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { UserEntity } from './entities/user.entity';

export type RoleLimits = ReadonlyMap<Role, number | null>;

export async function roleLimits(em: EntityManager | DataSource): Promise<RoleLimits> {
  const rows = await em.query<{ role: Role; requests_per_minute: number | null }[]>(
    'SELECT role, requests_per_minute FROM billing.rate_limits',
  );
  return new Map(rows.map((r) => [r.role, r.requests_per_minute]));
}

export function userView(user: UserEntity, limits: RoleLimits): UserView {
  return {
    id: user.id,
    object: 'user',
    name: user.name,
    email: user.email,
    role: user.role,
    disabled_at: user.disabledAt ? unixSeconds(user.disabledAt) : null,
    balance: nanoToUsd(user.balanceNano),
    debt: nanoToUsd(user.debtNano),
    requests_per_minute: user.rateLimitOverridden ? user.rateLimitRpm : (limits.get(user.role) ?? null),
    rate_limit_source: user.rateLimitOverridden ? 'user' : 'role',
    created_at: unixSeconds(user.createdAt),
  };
}
