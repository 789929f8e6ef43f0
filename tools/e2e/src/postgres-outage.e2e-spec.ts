import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  ledgerEqualsBalance,
  OwnedPostgres,
  platformUsageRequestIds,
  RunningStack,
  StackMode,
  startOwnedPostgres,
  startStackLikeNpmStart,
  tempDir,
} from '@switchyard/testing';

const OUTAGE_MS = 6_000;
/** short enough that, during the outage, the gateway's cached principal and the router's credit lease both pass their limits */
const KEY_CACHE_TTL_MS = 1_500;
const LEASE_SECONDS = 1;

/**
 * PostgreSQL goes away for a few seconds under a running system (chaos findings 8 and 10), in both
 * deployments: chats of a key used before keep working (its principal and its user's credit lease
 * outlive their usual limits while billing is unreachable); what needs the database gets a 503
 * `service_unavailable` in time (a key never seen, a file listing); the usage made meanwhile is applied
 * once afterwards (ledger = balance); and nothing escapes as an unhandled rejection.
 */
describe.each<StackMode>(['single', 'split'])('PostgreSQL unavailable (%s mode)', (mode) => {
  const folder = tempDir('pg-outage');
  let postgres: OwnedPostgres;
  let stack: RunningStack;
  let databaseUrl: string;
  let known: { userId: string; key: string };
  let unseen: { userId: string; key: string };
  const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
  const chat = (key: string, content: string) =>
    call('POST', '/v1/chat/completions', key, { model: 'mock-gpt', messages: [{ role: 'user', content }] });

  const during: { status: number; code?: string; requestId: string | null }[] = [];
  const delivered: string[] = [];
  let unseenAnswer: { status: number; code?: string; ms: number };
  let listAnswer: { status: number; code?: string; ms: number };

  beforeAll(async () => {
    postgres = await startOwnedPostgres(folder.path);
    databaseUrl = await postgres.database('switchyard');
    stack = await startStackLikeNpmStart(
      {
        DATABASE_URL: databaseUrl,
        SWITCHYARD_KEY_CACHE_TTL_MS: String(KEY_CACHE_TTL_MS),
        SWITCHYARD_CREDIT_LEASE_SECONDS: String(LEASE_SECONDS),
      },
      { mode },
    );
    known = await createUserWithKey(stack, { name: 'before-the-outage' });
    unseen = await createUserWithKey(stack, { name: 'never-seen' });
    for (const n of [1, 2]) {
      const warm = await chat(known.key, `warm ${n}`);
      expect(warm.status).toBe(200);
      delivered.push(warm.headers.get('x-request-id')!);
    }

    await postgres.crash();
    const outageEnds = Date.now() + OUTAGE_MS;
    const timed = async (answer: Promise<{ status: number; body: any }>) => {
      const t0 = Date.now();
      const a = await answer;
      return { status: a.status, code: a.body?.error?.code, ms: Date.now() - t0 };
    };
    unseenAnswer = await timed(chat(unseen.key, 'never seen before'));
    listAnswer = await timed(call('GET', '/v1/files', known.key));
    for (let n = 0; Date.now() < outageEnds; n++) {
      const answer = await chat(known.key, `during ${n}`);
      const requestId = answer.headers.get('x-request-id');
      during.push({ status: answer.status, code: answer.body?.error?.code, requestId });
      if (answer.status === 200 && requestId) delivered.push(requestId);
      await new Promise((r) => setTimeout(r, 150));
    }
    await postgres.start();
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
    await postgres?.remove();
    folder.remove();
  });

  it('chats of a key used before the outage keep working past the key cache TTL and the credit lease age', () => {
    expect(during.length).toBeGreaterThan(10);
    expect(during.filter((d) => d.status !== 200)).toEqual([]);
  });

  it('a key never seen, and a request that needs the database, get a 503 service_unavailable at once', () => {
    expect(unseenAnswer).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(listAnswer).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(Math.max(unseenAnswer.ms, listAnswer.ms)).toBeLessThan(10_000);
  });

  it('afterwards the usage made during the outage is applied once: every answer billed, ledger = balance', async () => {
    const billed = await eventually('every delivered answer billed', () => platformUsageRequestIds(databaseUrl, known.userId), {
      until: (ids) => delivered.every((id) => ids.has(id)),
      timeoutMs: 30_000,
      intervalMs: 500,
      retryErrors: true,
    });
    expect(billed.size).toBe(delivered.length);
    expect((await ledgerEqualsBalance(databaseUrl)).held).toBe(true);
    // and the system serves what needs the database again
    expect((await chat(unseen.key, 'after the outage')).status).toBe(200);
  });

  it('no error escapes as an unhandled rejection, and the outage is logged as warnings, not an error per attempt', () => {
    const logs = join(stack.dataDir, 'logs');
    const lines = readdirSync(logs).flatMap((file) => readFileSync(join(logs, file), 'utf8').split('\n'));
    expect(lines.filter((l) => /unhandled rejection|uncaught exception/.test(l))).toEqual([]);
    // each loop and each service's 503s say it at warn, once as it starts and once as it ends
    expect(lines.filter((l) => l.includes('"level":"error"') && /ECONNREFUSED|Connection terminated/.test(l))).toEqual([]);
    const warnings = lines.filter((l) => l.includes('"level":"warn"') && /unreachable; retrying|working again/.test(l));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(30);
  });
});
