import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditContext,
  AcceptInviteRequest,
  AccountIdentity,
  ChangePasswordRequest,
  CreatedInvite,
  CreateInviteRequest,
  DomainError,
  Events,
  hashApiKey,
  InvitePeekView,
  newId,
  OidcSignInRequest,
  passwordWeakness,
  UpdateUserBody,
  UserListReply,
  UserSearchRequest,
  UserView,
  VerifyPasswordRequest,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { broadcastBeforeAnswering, NATS_CONNECTION } from '@switchyard/nats';
import { randomBytes } from 'node:crypto';
import { AuditLogService } from './audit-log.service';
import { BillingConfig } from './billing.config';
import { UserEntity } from './entities/user.entity';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hash';
import { SessionsService } from './sessions.service';
import { roleLimits, userView } from './user-view';

interface InviteRow {
  user_id: string;
  kind: 'invite' | 'reset';
  email: string;
  expires_at: Date;
  name: string;
}

const identity = (u: Pick<UserEntity, 'id' | 'name' | 'email' | 'role'>): AccountIdentity => ({
  userId: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
});

/** `%`, `_` and `\` match themselves in a search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Local accounts: users found by text, changed by admins (email, role, disabled), one-time invite
 * and reset links, passwords set, verified and changed, and the users OpenID providers vouch for.
 */
@Injectable()
export class LocalAccountsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly config: BillingConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly sessions: SessionsService,
    private readonly auditLog: AuditLogService,
  ) {}

  /** the decoy is hashed before the first sign-in, so that one takes no longer than the others */
  async onModuleInit(): Promise<void> {
    await decoyPasswordHash();
  }

  async search(request: UserSearchRequest): Promise<UserListReply> {
    const query = this.ds.getRepository(UserEntity).createQueryBuilder('u').where('true');
    if (request.search) {
      query.andWhere(`(u.id ILIKE :text OR u.name ILIKE :text OR u.email ILIKE :text)`, { text: likePattern(request.search) });
    }
    if (request.after !== undefined) {
      query.andWhere(`(u.created_at, u.id) > (SELECT created_at, id FROM billing.users WHERE id = :after)`, { after: request.after });
    }
    const rows = await query
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(request.limit + 1)
      .getMany();
    const limits = await roleLimits(this.ds);
    return { object: 'list', data: rows.slice(0, request.limit).map((u) => userView(u, limits)), has_more: rows.length > request.limit };
  }

  /** Changes a user; with `audit` (an admin's write) the entry, the user before and after, commits with the change. */
  async update(userId: string, body: UpdateUserBody, audit?: AuditContext): Promise<UserView> {
    const { view, principalsChanged, disabled } = await this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound(`User ${userId}`, 'id');
      const limits = await roleLimits(em);
      const before = userView(user, limits);
      const changes: Partial<UserEntity> = {};
      if (body.name !== undefined) changes.name = body.name;
      if (body.email !== undefined) changes.email = body.email;
      if (body.role !== undefined && body.role !== user.role) changes.role = body.role;
      if (body.disabled !== undefined && body.disabled !== (user.disabledAt !== null))
        changes.disabledAt = body.disabled ? new Date() : null;
      if (Object.keys(changes).length > 0) await this.save(em, userId, changes);
      const after = userView(await em.findOneByOrFail(UserEntity, { id: userId }), limits);
      if (audit) {
        await this.auditLog.record(
          { ...audit, action: 'user.update', targetType: 'user', targetId: userId, before: { ...before }, after: { ...after } },
          em,
        );
      }
      return {
        view: after,
        principalsChanged: 'role' in changes || 'disabledAt' in changes,
        disabled: changes.disabledAt instanceof Date,
      };
    });
    // a disabled user's sessions end for good: enabling them again does not bring those back
    if (disabled) await this.sessions.revokeAll(userId);
    // every gateway forgets the user's principals before the admin hears of the change
    if (principalsChanged) await broadcastBeforeAnswering(this.nc, Events.billingUserChanged, { userId });
    return view;
  }

  private async save(em: EntityManager, userId: string, changes: Partial<UserEntity>): Promise<void> {
    try {
      await em.update(UserEntity, { id: userId }, changes);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', 'Another user has this email', 'email');
      throw error;
    }
  }

  /** A new one-time link; the token is returned once and stored only as its sha256. */
  async createInvite(request: CreateInviteRequest): Promise<CreatedInvite> {
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: request.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound(`User ${request.userId}`, 'id');
      const before = request.audit ? userView(user, await roleLimits(em)) : null;
      let email = user.email;
      if (request.kind === 'invite') {
        if (!request.email) throw new DomainError('missing_required_parameter', 'email is required', 'email');
        if (request.email !== user.email) await this.save(em, user.id, { email: request.email });
        email = request.email;
      } else if (!email) {
        throw new DomainError('invalid_value', 'The user has no email: invite them instead', 'user_id');
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + this.config.SWITCHYARD_INVITE_TTL_HOURS * 3_600_000);
      // a new link replaces the user's earlier ones
      await em.query(`UPDATE billing.invites SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      await em.query(
        `INSERT INTO billing.invites (token_hash, user_id, kind, email, expires_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [hashApiKey(token), user.id, request.kind, email, expiresAt, request.createdBy ?? null],
      );
      // the link's token is a secret: the log keeps who got a link, to which email, until when
      if (request.audit) {
        await this.auditLog.record(
          {
            ...request.audit,
            action: request.kind === 'invite' ? 'user.invite' : 'user.password_reset',
            targetType: 'user',
            targetId: user.id,
            before: { ...before },
            after: { email, kind: request.kind, expires_at: unixSeconds(expiresAt) },
          },
          em,
        );
      }
      return { token, kind: request.kind, email: email, expiresAt: unixSeconds(expiresAt) };
    });
  }

  /** The link if it still works: unknown, used and expired links all answer 404 alike. */
  async getInvite(tokenHash: string): Promise<InvitePeekView> {
    const row = await this.usableInvite(this.ds.manager, tokenHash, false);
    return { object: 'invite', email: row.email, name: row.name, kind: row.kind, expires_at: unixSeconds(row.expires_at) };
  }

  private async usableInvite(em: EntityManager, tokenHash: string, lock: boolean): Promise<InviteRow> {
    const [row] = await em.query<InviteRow[]>(
      `SELECT i.user_id, i.kind, i.email, i.expires_at, u.name
         FROM billing.invites i JOIN billing.users u ON u.id = i.user_id
        WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.disabled_at IS NULL
        ${lock ? 'FOR UPDATE OF i' : ''}`,
      [tokenHash],
    );
    if (!row) throw DomainError.notFound('Invite', 'token');
    return row;
  }

  /** Sets the password and uses the link up, in one transaction: a link works once. */
  async acceptInvite(request: AcceptInviteRequest): Promise<AccountIdentity> {
    const { user, kind } = await this.ds.transaction(async (em) => {
      const invite = await this.usableInvite(em, request.tokenHash, true);
      const user = await em.findOneByOrFail(UserEntity, { id: invite.user_id });
      const weakness = passwordWeakness(request.body.password, user.email);
      if (weakness) throw new DomainError('weak_password', weakness, 'password');
      await em.update(UserEntity, { id: user.id }, { passwordHash: await hashPassword(request.body.password) });
      await em.query(`UPDATE billing.invites SET used_at = now() WHERE token_hash = $1`, [request.tokenHash]);
      return { user: identity(user), kind: invite.kind };
    });
    // a reset is for a forgotten or exposed password: whoever signed in with the old one is signed out
    if (kind === 'reset') await this.sessions.revokeAll(user.userId);
    return user;
  }

  /**
   * The enabled user with this email and password, or null. An unknown email costs a hash too, so
   * the time taken does not tell which emails have accounts.
   */
  async verifyPassword(request: VerifyPasswordRequest): Promise<AccountIdentity | null> {
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: request.email })
      .getOne();
    const stored = user?.passwordHash ?? (await decoyPasswordHash());
    const matches = await verifyPassword(request.password, stored);
    return matches && user && user.passwordHash && !user.disabledAt ? identity(user) : null;
  }

  async changePassword(request: ChangePasswordRequest): Promise<AccountIdentity> {
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: request.userId })
      .getOne();
    if (!user) throw DomainError.notFound(`User ${request.userId}`, 'id');
    if (!user.passwordHash || !(await verifyPassword(request.body.current_password, user.passwordHash))) {
      throw new DomainError('invalid_value', 'The current password is not right', 'current_password');
    }
    const weakness = passwordWeakness(request.body.new_password, user.email);
    if (weakness) throw new DomainError('weak_password', weakness, 'new_password');
    await this.ds
      .getRepository(UserEntity)
      .update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash: await hashPassword(request.body.new_password) });
    return identity(user);
  }

  /**
   * The user linked to this OpenID identity, made on its first sign-in with the default role and no
   * credit. Its email is kept only when no other user has it: an account is never taken over by
   * an identity that merely shares its email.
   */
  async oidcSignIn(request: OidcSignInRequest): Promise<AccountIdentity> {
    const repo = this.ds.getRepository(UserEntity);
    const linked = async () => repo.findOneBy({ oidcIssuer: request.issuer, oidcSubject: request.subject });
    let user = await linked();
    if (!user) {
      const emailTaken = request.email
        ? await repo.createQueryBuilder('u').where('lower(u.email) = lower(:e)', { e: request.email }).getExists()
        : true;
      const fresh = repo.create({
        id: newId('usr_'),
        name: request.name || request.email || request.subject,
        role: request.defaultRole,
        balanceNano: 0n,
        email: emailTaken ? null : request.email!,
        oidcIssuer: request.issuer,
        oidcSubject: request.subject,
      });
      try {
        await repo.insert(fresh);
      } catch (error) {
        // two first sign-ins at once: the other made the user
        if (!isUniqueViolation(error)) throw error;
      }
      user = await linked();
      if (!user) throw new DomainError('conflict', 'The account could not be made', null);
    }
    if (user.disabledAt) throw new DomainError('permission_denied', 'This account is disabled', null);
    return identity(user);
  }
}
