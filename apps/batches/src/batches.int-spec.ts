import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Subjects } from '@switchyard/contracts';
import { connectNats, RpcClient } from '@switchyard/nats';
import { EmbeddedS3 } from '@switchyard/object-storage';
import { InProcessService, startServiceInProcess, startTestS3 } from '@switchyard/testing';
import { BatchesConfig } from './batches.config';
import { batchesService } from './batches.service-definition';

describe('batches service (real Postgres, NATS)', () => {
  let service: InProcessService<BatchesConfig>;
  let dataSource: DataSource;
  let nc: NatsConnection;

  let s3: EmbeddedS3;

  beforeAll(async () => {
    s3 = await startTestS3();
    service = await startServiceInProcess(batchesService, {
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    });
    ({ dataSource, nc } = service);
  });

  afterAll(async () => {
    await service?.stop();
    await s3?.close();
  });

  it('migrates its own schema', async () => {
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'batches' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['batch_items', 'batches', 'migrations', 'tasks']);
  });

  it('answers health over NATS in its queue group', async () => {
    expect(await new RpcClient(nc, 5000).send(Subjects.batchesHealthCheck, {})).toMatchObject({
      service: 'batches',
      status: 'ok',
      checks: { database: 'ok' },
    });
  });

  it('says at once when no instance is running', async () => {
    const client = await connectNats(service.natsUrl, 'batches-test-client');
    await service.close();
    const started = Date.now();
    // NATS reports "no responders" at once; the 30 s timeout never comes into play
    await expect(new RpcClient(client, 30_000).send(Subjects.batchesHealthCheck, {})).rejects.toMatchObject({
      code: 'service_unavailable',
      message: expect.stringContaining('no instance'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    await client.drain();
  });
});
