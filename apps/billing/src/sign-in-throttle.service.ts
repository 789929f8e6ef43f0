import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignInFailedRequest, SignInSucceededRequest, SignInThrottleReply } from '@switchyard/contracts';
import { AuditLogService } from './audit-log.service';

/** Failures counted within this long of the previous one; a quiet spell this long forgets them. */
const WINDOW_MS = 15 * 60_000;
/** After this many failures the next attempt waits 30 s, then twice as long after each further failure, up to 15 minutes. */
const THRESHOLDS = { account: 5, address: 20 } as const;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

interface FailureRow {
  subject: string;
  failures: number;
  last_failed_at: Date;
}

type Kind = keyof typeof THRESHOLDS;

/**
 * Slows down failed sign-ins per account and per address. The counts live here, in Postgres, not in
 * a gateway: every gateway replica must see the same counts (an attacker spreads attempts over them),
 * the password check itself happens in billing, and a failure is rare enough that one upsert costs nothing.
 */
@Injectable()
export class SignInThrottleService {
  /** the time; tests move it */
  now: () => Date = () => new Date();

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  /** Seconds to wait before this attempt may be checked at all, or null. An attempt refused here is not counted. */
  async check(account: string, address: string | null | undefined): Promise<SignInThrottleReply> {
    const subjects = this.subjects(account, address);
    const rows = await this.ds.query<FailureRow[]>(
      `SELECT subject, failures, last_failed_at FROM billing.sign_in_failures WHERE subject = ANY($1)`,
      [subjects.map(([, subject]) => subject)],
    );
    return { retryAfter: this.waitFor(rows, subjects) };
  }

  /** Counts a failure against the account and the address, and audits it; answers the wait that now applies. */
  async fail(request: SignInFailedRequest): Promise<SignInThrottleReply> {
    const now = this.now();
    const subjects = this.subjects(request.account, request.address);
    return this.ds.transaction(async (em) => {
      const rows: FailureRow[] = [];
      for (const [, subject] of subjects) {
        const [row] = await em.query<FailureRow[]>(
          `INSERT INTO billing.sign_in_failures AS f (subject, failures, last_failed_at) VALUES ($1, 1, $2)
           ON CONFLICT (subject) DO UPDATE
             SET failures = CASE WHEN f.last_failed_at < $3 THEN 1 ELSE f.failures + 1 END, last_failed_at = $2
           RETURNING subject, failures, last_failed_at`,
          [subject, now, new Date(now.getTime() - WINDOW_MS)],
        );
        rows.push(row);
      }
      await em.query(`DELETE FROM billing.sign_in_failures WHERE last_failed_at < $1`, [new Date(now.getTime() - WINDOW_MS)]);
      await this.audit.record(
        {
          actor: null,
          action: 'auth.sign_in_failed',
          targetType: 'user',
          targetId: request.userId ?? null,
          before: null,
          after: { method: request.method },
          callerAddress: request.address ?? null,
          requestId: request.requestId ?? null,
        },
        em,
      );
      return { retryAfter: this.waitFor(rows, subjects) };
    });
  }

  /** A sign-in went through: the account's failures are forgotten (the address's are not) and it is audited. */
  async succeed(request: SignInSucceededRequest): Promise<Record<string, never>> {
    await this.ds.transaction(async (em) => {
      await em.query(`DELETE FROM billing.sign_in_failures WHERE subject = $1`, [`account:${request.account}`]);
      await this.audit.record(
        {
          actor: { userId: request.userId, keyId: request.keyId ?? request.sessionId },
          action: 'auth.sign_in',
          targetType: 'session',
          targetId: request.sessionId,
          before: null,
          after: { method: request.method },
          callerAddress: request.address ?? null,
          requestId: request.requestId ?? null,
        },
        em,
      );
    });
    return {};
  }

  private subjects(account: string, address: string | null | undefined): [Kind, string][] {
    return [['account', `account:${account}`], ...(address ? [['address', `address:${address}`] as [Kind, string]] : [])];
  }

  private waitFor(rows: FailureRow[], subjects: [Kind, string][]): number | null {
    const now = this.now().getTime();
    let wait = 0;
    for (const [kind, subject] of subjects) {
      const row = rows.find((r) => r.subject === subject);
      if (!row || row.last_failed_at.getTime() < now - WINDOW_MS || row.failures < THRESHOLDS[kind]) continue;
      const delay = Math.min(FIRST_DELAY_MS * 2 ** (row.failures - THRESHOLDS[kind]), MAX_DELAY_MS);
      wait = Math.max(wait, Math.ceil((row.last_failed_at.getTime() + delay - now) / 1000));
    }
    return wait > 0 ? wait : null;
  }
}
