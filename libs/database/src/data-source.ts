import { Client } from 'pg';
import { DataSource, EntitySchema, MixedList } from 'typeorm';

type Ctor = new (...args: never[]) => unknown;

export interface ServiceDatabaseOptions {
  url: string;
  /** the service's own Postgres schema; its migrations table lives there too */
  schema: string;
  entities: MixedList<Ctor | EntitySchema>;
  migrations: Ctor[];
  poolSize?: number;
}

/**
 * Opens the service's database and runs its pending migrations. Replicas starting together
 * serialise on an advisory lock, so each migration runs once.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // one connection holds the migration lock while TypeORM runs the migrations on another
    poolSize: Math.max(2, options.poolSize ?? 10),
    extra: { application_name: `switchyard-${options.schema}` },
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`switchyard:migrate:${options.schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`switchyard:migrate:${options.schema}`]).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}

/** Runs `work` on the server's `postgres` database, with the name of the database `url` points at. */
async function onMaintenanceDatabase<T>(url: string, work: (client: Client, name: string) => Promise<T>): Promise<T> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist yet. */
export function ensureDatabaseExists(url: string): Promise<void> {
  return onMaintenanceDatabase(url, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created concurrently
      });
    }
  });
}

export function dropDatabase(url: string): Promise<void> {
  return onMaintenanceDatabase(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
