import { INestMicroservice } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { loadConfig } from '@switchyard/config';
import { Subjects } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { connectNats, RpcClient, startMicroservice } from '@switchyard/nats';
import { freshDatabase, startTestNats, TestDatabase } from '@switchyard/testing';
import { BatchesConfig } from './batches.config';
import { openBatchesDatabase } from './batches.database';
import { BatchesModule } from './batches.module';

describe('batches service (real Postgres, NATS)', () => {
  let db: TestDatabase;
  let nats: Awaited<ReturnType<typeof startTestNats>>;
  let dataSource: DataSource;
  let app: INestMicroservice;
  let nc: NatsConnection;

  beforeAll(async () => {
    [db, nats] = await Promise.all([freshDatabase('batches'), startTestNats()]);
    const config = loadConfig(BatchesConfig, { DATABASE_URL: db.url, NATS_URL: nats.url });
    const logger = new JsonLogger('batches', 'error');
    dataSource = await openBatchesDatabase(db.url, 5);
    nc = await connectNats(nats.url, 'batches-test');
    app = await startMicroservice(BatchesModule.create({ config, dataSource, nc, logger }), { service: 'batches', natsUrl: nats.url, logger });
  });

  afterAll(async () => {
    await app?.close();
    await nc?.drain();
    await dataSource?.destroy();
    await nats?.stop();
    await db?.drop();
  });

  it('migrates its own schema', async () => {
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'batches' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['batch_items', 'batches', 'migrations']);
  });

  it('answers health over NATS in its queue group', async () => {
    expect(await new RpcClient(nc, 5000).send(Subjects.batchesHealthCheck, {})).toMatchObject({ service: 'batches', status: 'ok', checks: { database: 'ok' } });
  });

  it('says at once when no instance is running', async () => {
    await app.close();
    const started = Date.now();
    // NATS reports "no responders" at once; the 30 s timeout never comes into play
    await expect(new RpcClient(nc, 30_000).send(Subjects.batchesHealthCheck, {})).rejects.toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('no instance') });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
