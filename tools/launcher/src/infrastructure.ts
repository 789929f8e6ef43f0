import { join } from 'path';
import { ensureDatabaseExists } from '@switchyard/database';
import { startEmbeddedS3 } from '@switchyard/object-storage';
import { canConnect, startNatsServer } from '@switchyard/runtime';

export interface Infrastructure {
  natsUrl: string;
  databaseUrl: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string; region: string };
  /** what the launcher started itself, stopped in reverse order */
  stops: (() => Promise<void>)[];
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/switchyard';

async function database(env: NodeJS.ProcessEnv): Promise<string> {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const target = new URL(url);
  const port = Number(target.port || 5432);
  if (!(await canConnect(target.hostname, port))) {
    throw new Error(
      `PostgreSQL is not reachable at ${target.hostname}:${port}. Install and start PostgreSQL 15+ ` +
        '(Debian/Ubuntu: `apt-get install postgresql && pg_ctlcluster 15 main start`), or set DATABASE_URL to a running server.',
    );
  }
  await ensureDatabaseExists(url);
  return url;
}

/** NATS, Postgres and S3 from the environment when given; otherwise local ones on the data folder. */
export async function startInfrastructure(env: NodeJS.ProcessEnv, dataDir: string, log: (line: string) => void): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  try {
    let natsUrl = env.NATS_URL;
    if (!natsUrl) {
      const nats = await startNatsServer({
        dataDir: join(dataDir, 'nats'),
        port: env.SWITCHYARD_NATS_PORT ? Number(env.SWITCHYARD_NATS_PORT) : undefined,
      });
      stops.push(nats.stop);
      natsUrl = nats.url;
      log(`started nats-server (JetStream) at ${natsUrl}`);
    }
    const databaseUrl = await database(env);
    let s3: Infrastructure['s3'];
    if (env.S3_ENDPOINT) {
      if (!env.S3_ACCESS_KEY || !env.S3_SECRET_KEY) throw new Error('S3_ENDPOINT is set, so S3_ACCESS_KEY and S3_SECRET_KEY must be too');
      s3 = {
        endpoint: env.S3_ENDPOINT,
        accessKey: env.S3_ACCESS_KEY,
        secretKey: env.S3_SECRET_KEY,
        bucket: env.S3_BUCKET || 'switchyard',
        region: env.S3_REGION || 'us-east-1',
      };
    } else {
      const embedded = await startEmbeddedS3({
        directory: join(dataDir, 's3'),
        port: env.SWITCHYARD_S3_PORT ? Number(env.SWITCHYARD_S3_PORT) : 0,
      });
      stops.push(embedded.close);
      s3 = {
        endpoint: embedded.endpoint,
        accessKey: embedded.accessKey,
        secretKey: embedded.secretKey,
        bucket: env.S3_BUCKET || 'switchyard',
        region: 'us-east-1',
      };
      log(`started embedded S3 (s3rver) at ${embedded.endpoint}`);
    }
    return { natsUrl, databaseUrl, s3, stops };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
