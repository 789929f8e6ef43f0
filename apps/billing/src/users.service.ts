import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditContext, CreateUserRequest, DomainError, newId, UserView } from '@switchyard/contracts';
import { AuditLogService } from './audit-log.service';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { UserEntity } from './entities/user.entity';
import { MAX_BALANCE_NANO, moveNetPosition } from './net-position';
import { roleLimits, userView } from './user-view';
import { nanoToUsd, usdToNano } from '@switchyard/contracts';

/** Appends a ledger entry and moves the net position (balance − debt) by the same amount, in the caller's transaction: a credit repays debt first. */
export async function appendLedger(
  em: EntityManager,
  entry: Pick<LedgerEntryEntity, 'userId' | 'amountNano' | 'kind' | 'reference'>,
): Promise<void> {
  await em.insert(LedgerEntryEntity, entry);
  await em.query(`UPDATE billing.users SET ${moveNetPosition('$2::bigint')} WHERE id = $1`, [entry.userId, entry.amountNano.toString()]);
}

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly auditLog: AuditLogService,
  ) {}

  /** A new user; with `audit` (an admin's write) its entry commits with it. */
  async create(body: CreateUserRequest): Promise<UserView> {
    return this.ds.transaction(async (em) => {
      const user = em.create(UserEntity, { id: newId('usr_'), name: body.name, role: body.role ?? 'user', balanceNano: 0n });
      await em.insert(UserEntity, user);
      const credits = usdToNano(body.credits ?? 0);
      if (credits > 0n) await appendLedger(em, { userId: user.id, amountNano: credits, kind: 'credit', reference: newId('crd_') });
      const view = userView(await em.findOneByOrFail(UserEntity, { id: user.id }), await roleLimits(em));
      if (body.audit) {
        await this.auditLog.record(
          { ...body.audit, action: 'user.create', targetType: 'user', targetId: user.id, before: null, after: { ...view } },
          em,
        );
      }
      return view;
    });
  }

  async list(): Promise<UserView[]> {
    const users = await this.ds.getRepository(UserEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const limits = await roleLimits(this.ds);
    return users.map((u) => userView(u, limits));
  }

  async get(userId: string): Promise<UserView> {
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw DomainError.notFound(`User ${userId}`, 'id');
    return userView(user, await roleLimits(this.ds));
  }

  /**
   * Credits (or, with a negative amount, debits) an account: a credit repays debt before it adds to
   * the balance; a balance never goes below zero this way, nor above MAX_BALANCE_NANO. An admin's
   * credit (`audit`) is recorded in the audit log in the same transaction, with the account before it.
   */
  async addCredit(userId: string, amountUsd: number, audit?: AuditContext): Promise<UserView> {
    const amount = usdToNano(amountUsd);
    return this.ds.transaction(async (em) => {
      const [row] = await em.query<{ balance_nano: string; debt_nano: string }[]>(
        'SELECT balance_nano, debt_nano FROM billing.users WHERE id = $1 FOR UPDATE',
        [userId],
      );
      if (!row) throw DomainError.notFound(`User ${userId}`, 'id');
      const net = BigInt(row.balance_nano) - BigInt(row.debt_nano) + amount;
      if (amount < 0n && BigInt(row.balance_nano) + amount < 0n) {
        throw new DomainError('invalid_value', 'The adjustment would make the balance negative', 'amount');
      }
      if (net > MAX_BALANCE_NANO) {
        throw new DomainError(
          'invalid_value',
          `amount would take the balance above $${nanoToUsd(MAX_BALANCE_NANO)}, the most an account may hold`,
          'amount',
        );
      }
      const limits = await roleLimits(em);
      const before = audit ? userView(await em.findOneByOrFail(UserEntity, { id: userId }), limits) : null;
      await appendLedger(em, { userId, amountNano: amount, kind: 'credit', reference: newId('crd_') });
      const after = userView(await em.findOneByOrFail(UserEntity, { id: userId }), limits);
      if (audit) {
        await this.auditLog.record(
          {
            ...audit,
            action: 'credits.add',
            targetType: 'user',
            targetId: userId,
            before: { ...before },
            after: { ...after, amount: amountUsd },
          },
          em,
        );
      }
      return after;
    });
  }
}
