import { statSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { RequestRecord } from './outcomes';

/** One invariant checked after a fault: whether it held, and the figures that say so. */
export interface InvariantResult {
  name: string;
  held: boolean;
  detail: string;
}

/** What the mock upstream counted under one tally tag. */
export interface Tally {
  received: number;
  answered: number;
}

async function query<T>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The usage records of `userId`'s own (not batch) calls on PLATFORM channels, by request id. */
export async function platformUsageRequestIds(databaseUrl: string, userId: string): Promise<Set<string>> {
  const rows = await query<{ request_id: string }>(
    databaseUrl,
    `SELECT request_id FROM billing.usage_records WHERE user_id = $1 AND batch_id IS NULL AND channel_type = 'PLATFORM'`,
    [userId],
  );
  return new Set(rows.map((r) => r.request_id));
}

/**
 * Every upstream call on a PLATFORM channel billed exactly once: the usage records of the load's
 * user are never more than the calls the mock received, every answer the caller got whole has its
 * record, and the calls left unbilled are at most `unbillable` (calls in flight on a router that was
 * killed: nothing is left alive that could report them).
 */
export function billedOnce(tally: Tally, billed: Set<string>, records: RequestRecord[], unbillable: number): InvariantResult {
  const delivered = records.filter((r) => r.outcome === 'ok' && r.kind !== 'upload' && r.requestId);
  const unbilledDelivered = delivered.filter((r) => !billed.has(r.requestId!));
  const unbilled = tally.received - billed.size;
  const held = billed.size <= tally.received && unbilledDelivered.length === 0 && unbilled <= unbillable;
  return {
    name: 'every upstream call on a PLATFORM channel billed exactly once',
    held,
    detail:
      `mock received ${tally.received} calls (${tally.answered} answered whole), ${billed.size} usage records; ` +
      `${unbilledDelivered.length} answers delivered to the caller without a record; ${Math.max(0, unbilled)} calls unbilled ` +
      `(allowed: ${unbillable}, in flight on a killed router)`,
  };
}

/** For every user the ledger sums to balance − debt. */
export async function ledgerEqualsBalance(databaseUrl: string): Promise<InvariantResult> {
  const rows = await query<{ id: string; net: string; ledger: string }>(
    databaseUrl,
    `SELECT u.id, (u.balance_nano - u.debt_nano)::text AS net, COALESCE(SUM(l.amount_nano), 0)::text AS ledger
       FROM billing.users u LEFT JOIN billing.ledger l ON l.user_id = u.id GROUP BY u.id`,
  );
  const wrong = rows.filter((r) => BigInt(r.net) !== BigInt(r.ledger));
  return {
    name: 'ledger equals balance for every user',
    held: wrong.length === 0,
    detail: wrong.length === 0 ? `${rows.length} users` : wrong.map((r) => `${r.id}: balance ${r.net}, ledger ${r.ledger}`).join('; '),
  };
}

/** Every listed file has its object in S3, of its size (nothing half-registered). */
export async function filesHaveTheirBytes(databaseUrl: string, s3Directory: string, bucket: string): Promise<InvariantResult> {
  const rows = await query<{ id: string; object_key: string; bytes: string; filename: string; purpose: string; created_at: Date }>(
    databaseUrl,
    `SELECT id, object_key, bytes::text, filename, purpose, created_at FROM files.files WHERE status = 'processed'`,
  );
  const missing = rows.filter((r) => {
    try {
      return statSync(join(s3Directory, bucket, `${r.object_key}._S3rver_object`)).size !== Number(r.bytes);
    } catch {
      return true;
    }
  });
  return {
    name: 'no file listed without its bytes',
    held: missing.length === 0,
    detail:
      missing.length === 0
        ? `${rows.length} files`
        : `${missing.length} of ${rows.length} without their bytes: ${missing.map((m) => `${m.id} (${m.purpose} "${m.filename}", ${m.bytes} bytes, created ${m.created_at.toISOString()})`).join(', ')}`,
  };
}

/** Each custom_id of the batch's input appears exactly once across its output and error files. */
export function batchLinesOnce(batchId: string, inputIds: string[], resultIds: string[]): InvariantResult {
  const seen = new Map<string, number>();
  for (const id of resultIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  const missing = inputIds.filter((id) => !seen.has(id));
  const repeated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  const unknown = [...seen.keys()].filter((id) => !inputIds.includes(id));
  return {
    name: 'every batch line exactly once in its output',
    held: missing.length === 0 && repeated.length === 0 && unknown.length === 0,
    detail: `batch ${batchId}: ${inputIds.length} lines, ${resultIds.length} results; missing ${missing.length}, repeated ${repeated.length}, unknown ${unknown.length}`,
  };
}

/** No request went past its deadline without an answer or an error. */
export function noRequestHung(records: RequestRecord[], timeoutMs: number): InvariantResult {
  const hung = records.filter((r) => r.outcome === 'hung');
  return {
    name: `no request left hanging past its ${timeoutMs / 1000} s timeout`,
    held: hung.length === 0,
    detail: `${records.length} requests, ${hung.length} hung${hung.length ? ` (${hung.map((h) => h.kind).join(', ')})` : ''}`,
  };
}
