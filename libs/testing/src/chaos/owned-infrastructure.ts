import { execFile } from 'child_process';
import { chmodSync, chownSync, mkdirSync } from 'fs';
import { createServer, Server, Socket } from 'net';
import { join } from 'path';
import { promisify } from 'util';
import { ensureDatabaseExists } from '@switchyard/database';
import { EmbeddedS3, startEmbeddedS3 } from '@switchyard/object-storage';
import { freePort, LocalNats, startNatsServer } from '@switchyard/runtime';

const run = promisify(execFile);
const POSTGRES_BIN = process.env.SWITCHYARD_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Infrastructure the chaos harness owns, so it can take each piece away and bring it back: a
 * PostgreSQL server on a temporary folder (initdb/pg_ctl), a nats-server with JetStream on a fixed
 * port and data folder, and s3rver behind a switchable TCP proxy.
 */

export interface OwnedPostgres {
  /** a database on this server, created on first use */
  database(name: string): Promise<string>;
  /** `pg_ctl stop -m immediate`: the server goes away as in a crash, without a clean shutdown */
  crash(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/** initdb refuses to run as root, so as root the server runs as the `postgres` account. */
async function asPostgresUser(binary: string, args: string[]): Promise<void> {
  const path = join(POSTGRES_BIN, binary);
  const root = process.getuid?.() === 0;
  try {
    if (root) await run('runuser', ['-u', 'postgres', '--', path, ...args]);
    else await run(path, args);
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT')
      throw new Error(`${path} is missing: the chaos suite owns a PostgreSQL server (Debian: apt-get install postgresql-15)`);
    throw new Error(`${binary} ${args.join(' ')} failed: ${e.stderr ?? e.message}`);
  }
}

export async function startOwnedPostgres(root: string): Promise<OwnedPostgres> {
  const dataDir = join(root, 'pgdata');
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresAccount();
    chownSync(root, uid, gid);
    chownSync(dataDir, uid, gid);
  }
  chmodSync(dataDir, 0o700);
  const port = await freePort();
  await asPostgresUser('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => asPostgresUser('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(root, 'postgres.log'), '-w', 'start']);
  await start();
  return {
    async database(name) {
      const url = `postgres://postgres@127.0.0.1:${port}/${name}`;
      await ensureDatabaseExists(url);
      return url;
    },
    crash: () => asPostgresUser('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']),
    start,
    remove: () => asPostgresUser('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined),
  };
}

async function postgresAccount(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error('running as root, the chaos suite needs the `postgres` account to run PostgreSQL');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface OwnedNats {
  url: string;
  pid(): number | undefined;
  /** kill -9 of the server */
  kill(): Promise<void>;
  /** a new server on the same port and JetStream folder */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnedNats(root: string): Promise<OwnedNats> {
  const port = await freePort();
  const dataDir = join(root, 'nats');
  let server: LocalNats = await startNatsServer({ dataDir, port });
  return {
    url: server.url,
    pid: () => server.pid,
    kill: () => server.kill(),
    async restart() {
      server = await startNatsServer({ dataDir, port });
    },
    stop: () => server.stop(),
  };
}

export interface SwitchableS3 {
  endpoint: string;
  /** the folder s3rver keeps objects in: `<directory>/<bucket>/<key>._S3rver_object` */
  directory: string;
  /** from now on every connection, open or new, is dropped */
  cutOff(): void;
  restore(): void;
  stop(): Promise<void>;
}

/** s3rver behind a TCP proxy the harness can cut, as object storage that stops answering. */
export async function startSwitchableS3(root: string): Promise<SwitchableS3> {
  const directory = join(root, 's3');
  const s3: EmbeddedS3 = await startEmbeddedS3({ directory });
  const target = new URL(s3.endpoint);
  const open = new Set<Socket>();
  let cut = false;
  const proxy: Server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = new Socket();
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.connect(Number(target.port), target.hostname, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    directory,
    cutOff() {
      cut = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      cut = false;
    },
    async stop() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await s3.close();
    },
  };
}
