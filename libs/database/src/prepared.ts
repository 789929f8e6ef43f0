import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a statement on the hot path as a named prepared statement: each connection parses and
 * plans it once instead of on every call (planning the usage statement took longer than running
 * it). Returns the rows, whatever the command (TypeORM's `query` returns `[rows, count]` for an
 * UPDATE). Inside a transaction, pass its EntityManager: the statement runs on its connection.
 */
export async function queryPrepared<R>(db: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<R[]> {
  const runner = db instanceof EntityManager ? db.queryRunner : undefined;
  const connection: Pool | PoolClient = runner
    ? ((await runner.connect()) as PoolClient)
    : ((db instanceof EntityManager ? db.connection : db).driver as PostgresDriver).master;
  return (await connection.query<R & object>({ name, text, values })).rows;
}
