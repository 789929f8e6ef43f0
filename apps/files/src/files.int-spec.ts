import { INestMicroservice } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { loadConfig } from '@switchyard/config';
import { Subjects } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { connectNats, RpcClient, startMicroservice } from '@switchyard/nats';
import { EmbeddedS3, ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { freshDatabase, startTestNats, startTestS3, TestDatabase } from '@switchyard/testing';
import { FilesConfig } from './files.config';
import { openFilesDatabase } from './files.database';
import { FilesModule } from './files.module';

describe('files service (real Postgres, NATS, S3)', () => {
  let db: TestDatabase;
  let nats: Awaited<ReturnType<typeof startTestNats>>;
  let s3: EmbeddedS3;
  let dataSource: DataSource;
  let app: INestMicroservice;
  let nc: NatsConnection;

  beforeAll(async () => {
    [db, nats, s3] = await Promise.all([freshDatabase('files'), startTestNats(), startTestS3()]);
    const config = loadConfig(FilesConfig, { DATABASE_URL: db.url, NATS_URL: nats.url, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey });
    const logger = new JsonLogger('files', 'error');
    const storage = new ObjectStorage(storageSettingsFrom(config));
    await storage.ensureBucket();
    dataSource = await openFilesDatabase(db.url, 5);
    nc = await connectNats(nats.url, 'files-test');
    app = await startMicroservice(FilesModule.create({ config, dataSource, nc, logger, storage }), { service: 'files', natsUrl: nats.url, logger });
  });

  afterAll(async () => {
    await app?.close();
    await nc?.drain();
    await dataSource?.destroy();
    await Promise.all([nats?.stop(), s3?.close().catch(() => undefined)]);
    await db?.drop();
  });

  it('migrates its own schema, idempotently', async () => {
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'files' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['files', 'migrations']);
    const again = await openFilesDatabase(db.url, 1);
    expect(await again.query('SELECT count(*)::int AS n FROM files.migrations')).toEqual([{ n: 1 }]);
    await again.destroy();
  });

  it('answers health over NATS, checking the database and the bucket', async () => {
    const reply = await new RpcClient(nc, 5000).send(Subjects.filesHealthCheck, {});
    expect(reply).toMatchObject({ service: 'files', status: 'ok', checks: { database: 'ok', storage: 'ok' } });
  });

  it('reports unhealthy when object storage is gone', async () => {
    await s3.close();
    await expect(new RpcClient(nc, 5000).send(Subjects.filesHealthCheck, {})).rejects.toMatchObject({ code: 'service_unavailable' });
  });
});
