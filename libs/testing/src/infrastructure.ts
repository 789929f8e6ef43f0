import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { randomBytes } from 'crypto';
import { dropDatabase, ensureDatabaseExists } from '@switchyard/database';
import { EmbeddedS3, startEmbeddedS3 } from '@switchyard/object-storage';
import { LocalNats, startNatsServer } from '@switchyard/runtime';

/**
 * Start-or-fail helpers: a test that needs Postgres, NATS or S3 gets a real one or fails with a
 * message saying what is missing. Nothing is ever skipped.
 */

/** The server tests create their databases on: TEST_DATABASE_URL, else the local Postgres. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `switchyard-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database for one test file. */
export async function freshDatabase(prefix: string): Promise<TestDatabase> {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/sy_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const probe = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
  } catch (error) {
    throw new Error(`Tests need PostgreSQL at ${TEST_POSTGRES_URL} (set TEST_DATABASE_URL to use another): ${(error as Error).message}`);
  } finally {
    await probe.end().catch(() => undefined);
  }
  await ensureDatabaseExists(url.toString());
  return { url: url.toString(), drop: () => dropDatabase(url.toString()) };
}

/** A private nats-server with JetStream, so streams and consumers never collide between test files. */
export async function startTestNats(): Promise<LocalNats & { dir: string }> {
  const dir = tempDir('nats');
  const nats = await startNatsServer({ dataDir: dir.path });
  return {
    url: nats.url,
    pid: nats.pid,
    kill: nats.kill,
    dir: dir.path,
    stop: async () => {
      await nats.stop();
      dir.remove();
    },
  };
}

export async function startTestS3(): Promise<EmbeddedS3> {
  const dir = tempDir('s3');
  const s3 = await startEmbeddedS3({ directory: dir.path });
  return {
    ...s3,
    close: async () => {
      await s3.close();
      dir.remove();
    },
  };
}
