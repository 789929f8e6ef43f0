import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreatedSession,
  CreateSessionRequest,
  DomainError,
  Events,
  generateSessionToken,
  hashSessionToken,
  newId,
  Principal,
  roleScopes,
  SESSION_ID_PREFIX,
  SessionListItemView,
  SessionListView,
  SessionMethod,
  SessionsRevokedReply,
  SessionView,
  VerifiedSession,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { broadcastBeforeAnswering, NATS_CONNECTION } from '@switchyard/nats';
import { BillingConfig } from './billing.config';

/** Its last use is written at most this often, so a busy session costs one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

interface SessionRow {
  id: string;
  user_id: string;
  method: SessionMethod;
  scopes: Principal['scopes'];
  key_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

interface UserRow {
  name: string;
  email: string | null;
  role: Principal['role'];
  rate_limit: number | null;
}

/** A user's columns a session shows; a disabled user has no sessions. */
const USER_COLUMNS = `u.name, u.role, u.email,
  CASE WHEN u.rate_limit_overridden THEN u.rate_limit_rpm ELSE r.requests_per_minute END AS rate_limit`;
const USER_JOIN = `JOIN billing.users u ON u.id = s.user_id AND u.disabled_at IS NULL
  LEFT JOIN billing.rate_limits r ON r.role = u.role`;

/**
 * Console sessions (billing.sessions): opened after a sign-in, verified on each request the
 * gateway does not have cached, listed and revoked by their user. Only the token's hash is stored.
 */
@Injectable()
export class SessionsService {
  /** the time; tests move it to reach the idle and absolute expiries */
  now: () => Date = () => new Date();

  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly config: BillingConfig,
  ) {}

  private get idleMs(): number {
    return this.config.SWITCHYARD_SESSION_IDLE_MINUTES * 60_000;
  }

  private view(row: SessionRow, user: UserRow): SessionView {
    return {
      object: 'session',
      user: { id: row.user_id, name: user.name, email: user.email, role: user.role },
      scopes: this.scopesOf(row, user.role),
      method: row.method,
      expires_at: unixSeconds(this.expiryOf(row)),
    };
  }

  private scopesOf(row: Pick<SessionRow, 'method' | 'scopes'>, role: Principal['role']): Principal['scopes'] {
    // a key's session keeps the key's scopes; a person's follows their role as it is now
    return row.method === 'api_key' ? row.scopes : roleScopes(role);
  }

  private expiryOf(row: Pick<SessionRow, 'last_seen_at' | 'expires_at'>): Date {
    return new Date(Math.min(row.last_seen_at.getTime() + this.idleMs, row.expires_at.getTime()));
  }

  /**
   * Opens a session for a user whose credentials the caller has checked (an API key, a password, an
   * SSO callback). The token is returned once, for the cookie.
   */
  async create(request: CreateSessionRequest, em: EntityManager = this.ds.manager): Promise<CreatedSession> {
    const users = await em.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM billing.users u LEFT JOIN billing.rate_limits r ON r.role = u.role
        WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [request.userId],
    );
    if (users.length === 0) throw DomainError.notFound(`User ${request.userId}`, 'user_id');
    const token = generateSessionToken();
    const now = this.now();
    const row: SessionRow = {
      id: newId(SESSION_ID_PREFIX),
      user_id: request.userId,
      method: request.method,
      scopes: request.method === 'api_key' ? request.scopes : roleScopes(users[0].role),
      key_id: request.keyId ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + this.config.SWITCHYARD_SESSION_MAX_HOURS * 3_600_000),
      ip: request.ip ?? null,
      user_agent: request.userAgent ?? null,
    };
    await em.query(
      `INSERT INTO billing.sessions (id, user_id, token_hash, method, scopes, key_id, ip, user_agent, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $9, $10)`,
      [
        row.id,
        row.user_id,
        hashSessionToken(token),
        row.method,
        JSON.stringify(row.scopes),
        row.key_id,
        row.ip,
        row.user_agent,
        now,
        row.expires_at,
      ],
    );
    return {
      token,
      sessionId: row.id,
      keyId: row.key_id,
      absoluteExpiresAt: unixSeconds(row.expires_at),
      session: this.view(row, users[0]),
    };
  }

  /** The session a token names, if it is alive: not revoked, not idle too long, not past its end, its key and user still valid. */
  async verify(tokenHash: string): Promise<VerifiedSession | null> {
    const now = this.now();
    const rows = await this.ds.query<(SessionRow & UserRow)[]>(
      `SELECT s.id, s.user_id, s.method, s.scopes, s.key_id, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent, ${USER_COLUMNS}
         FROM billing.sessions s ${USER_JOIN}
         LEFT JOIN billing.api_keys k ON k.id = s.key_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3
          AND (s.key_id IS NULL OR k.revoked_at IS NULL)`,
      [tokenHash, now, new Date(now.getTime() - this.idleMs)],
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await this.ds.query(`UPDATE billing.sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2`, [row.id, now]);
      row.last_seen_at = now;
    }
    return {
      sessionId: row.id,
      principal: { userId: row.user_id, keyId: row.id, role: row.role, scopes: this.scopesOf(row, row.role), rateLimit: row.rate_limit },
      session: this.view(row, row),
    };
  }

  /** The user's live sessions, most recently used first. */
  async list(userId: string, currentSessionId?: string): Promise<SessionListView> {
    const now = this.now();
    const rows = await this.ds.query<SessionRow[]>(
      `SELECT id, user_id, method, scopes, key_id, created_at, last_seen_at, expires_at, ip, user_agent
         FROM billing.sessions s
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3
        ORDER BY last_seen_at DESC, id`,
      [userId, now, new Date(now.getTime() - this.idleMs)],
    );
    return {
      object: 'list',
      data: rows.map((row): SessionListItemView => ({
        id: row.id,
        object: 'session.summary',
        method: row.method,
        created_at: unixSeconds(row.created_at),
        last_seen_at: unixSeconds(row.last_seen_at),
        expires_at: unixSeconds(this.expiryOf(row)),
        ip: row.ip,
        user_agent: row.user_agent,
        current: row.id === currentSessionId,
      })),
    };
  }

  /** One of the user's own sessions; another user's (or an unknown id) is not found. */
  async revoke(userId: string, sessionId: string): Promise<SessionsRevokedReply> {
    const owned = await this.ds.query<{ id: string }[]>(`SELECT id FROM billing.sessions WHERE id = $1 AND user_id = $2`, [
      sessionId,
      userId,
    ]);
    if (owned.length === 0) throw DomainError.notFound(`Session ${sessionId}`, 'session_id');
    return this.revokeWhere(`id = $1`, [sessionId]);
  }

  /** "Sign out everywhere": every session of the user, but `exceptSessionId` when given. */
  revokeAll(userId: string, exceptSessionId?: string): Promise<SessionsRevokedReply> {
    return exceptSessionId === undefined
      ? this.revokeWhere(`user_id = $1`, [userId])
      : this.revokeWhere(`user_id = $1 AND id <> $2`, [userId, exceptSessionId]);
  }

  /** The sessions signed in with a key that was just revoked. */
  revokeForKey(keyId: string): Promise<SessionsRevokedReply> {
    return this.revokeWhere(`key_id = $1`, [keyId]);
  }

  /** Marks them revoked, then tells every gateway to drop them before the caller hears they are gone. */
  private async revokeWhere(condition: string, params: unknown[]): Promise<SessionsRevokedReply> {
    const [rows] = await this.ds.query<[{ token_hash: string }[], number]>(
      `UPDATE billing.sessions SET revoked_at = $${params.length + 1} WHERE ${condition} AND revoked_at IS NULL RETURNING token_hash`,
      [...params, this.now()],
    );
    const tokenHashes = rows.map((r) => r.token_hash);
    if (tokenHashes.length > 0) await broadcastBeforeAnswering(this.nc, Events.billingSessionRevoked, { tokenHashes });
    return { revoked: tokenHashes.length, tokenHashes };
  }
}
