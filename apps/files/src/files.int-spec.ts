import { DataSource } from 'typeorm';
import { RegisterFileRequest, Subjects } from '@switchyard/contracts';
import { Readable } from 'stream';
import { RpcClient } from '@switchyard/nats';
import { EmbeddedS3, ObjectStorage } from '@switchyard/object-storage';
import { InProcessService, startServiceInProcess, startTestS3 } from '@switchyard/testing';
import { FilesConfig } from './files.config';
import { openFilesDatabase } from './files.database';
import { filesService } from './files.service-definition';
import { FileSweeper } from './file-sweeper';

describe('files service (real Postgres, NATS, S3)', () => {
  let service: InProcessService<FilesConfig>;
  let s3: EmbeddedS3;
  let dataSource: DataSource;
  let storage: ObjectStorage;
  let rpc: RpcClient;
  let n = 0;

  async function upload(owner: string, over: Partial<RegisterFileRequest> = {}) {
    const fileId = `file-test${++n}x${Date.now()}`;
    const objectKey = `files/${owner}/${fileId}`;
    await storage.putStream(objectKey, Readable.from([`{"n":${n}}`]));
    return rpc.send(Subjects.filesFileCreate, {
      fileId,
      ownerUserId: owner,
      api: 'openai',
      purpose: 'user_data',
      filename: `f${n}.json`,
      bytes: 7,
      mediaType: 'application/json',
      objectKey,
      expiresAfterSeconds: null,
      ...over,
    });
  }

  beforeAll(async () => {
    s3 = await startTestS3();
    service = await startServiceInProcess(filesService, {
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    });
    ({ dataSource, rpc } = service);
    storage = service.app.get(ObjectStorage);
  });

  afterAll(async () => {
    await service?.stop();
    await s3?.close().catch(() => undefined);
  });

  it('migrates its own schema, idempotently', async () => {
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'files' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['files', 'migrations']);
    const again = await openFilesDatabase(service.databaseUrl, 1);
    expect(await again.query('SELECT count(*)::int AS n FROM files.migrations')).toEqual([{ n: again.migrations.length }]);
    await again.destroy();
  });

  it('answers health over NATS, checking the database and the bucket', async () => {
    const reply = await rpc.send(Subjects.filesHealthCheck, {});
    expect(reply).toMatchObject({ service: 'files', status: 'ok', checks: { database: 'ok', storage: 'ok' } });
  });

  it('registers files with the OpenAI shape and the 30-day default for batch files', async () => {
    const batch = await upload('usr_a', { purpose: 'batch', filename: 'in.jsonl' });
    expect(batch).toMatchObject({ api: 'openai', purpose: 'batch', filename: 'in.jsonl', bytes: 7, mediaType: 'application/json' });
    expect(batch.expiresAt! - batch.createdAt).toBe(2_592_000);
    const kept = await upload('usr_a', { expiresAfterSeconds: 3600 });
    expect(kept.expiresAt! - kept.createdAt).toBe(3600);
    expect((await upload('usr_a')).expiresAt).toBeNull();
  });

  it('pages in a stable order, newest first by default, with an id cursor', async () => {
    const owner = 'usr_pager';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(owner)).id); // same second: order falls back to insertion
    const first = await rpc.send(Subjects.filesFileList, { ownerUserId: owner, api: 'openai', limit: 2, order: 'desc' });
    expect(first.data.map((f) => f.id)).toEqual([ids[4], ids[3]]);
    expect(first.hasMore).toBe(true);
    const rest = await rpc.send(Subjects.filesFileList, { ownerUserId: owner, api: 'openai', limit: 10, order: 'desc', after: ids[3] });
    expect(rest.data.map((f) => f.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(rest.hasMore).toBe(false);
    // Anthropic-style paging backwards: the page just before ids[1], still newest first
    const back = await rpc.send(Subjects.filesFileList, { ownerUserId: owner, api: 'openai', limit: 2, order: 'desc', before: ids[1] });
    expect(back.data.map((f) => f.id)).toEqual([ids[3], ids[2]]);
    expect(back.hasMore).toBe(true);
    const asc = await rpc.send(Subjects.filesFileList, { ownerUserId: owner, api: 'openai', limit: 2, order: 'asc', after: ids[1] });
    expect(asc.data.map((f) => f.id)).toEqual([ids[2], ids[3]]);
    const empty = await rpc.send(Subjects.filesFileList, { ownerUserId: owner, api: 'openai', limit: 2, order: 'desc', purpose: 'batch' });
    expect(empty).toEqual({ data: [], hasMore: false });
    // files of one API do not exist in the other
    expect((await rpc.send(Subjects.filesFileList, { ownerUserId: owner, api: 'anthropic', limit: 10, order: 'desc' })).data).toEqual([]);
    await expect(rpc.send(Subjects.filesFileGet, { ownerUserId: owner, api: 'anthropic', fileId: ids[0] })).rejects.toMatchObject({
      code: 'INFERENCE_3302',
    });
  });

  it('registers the same file twice as one (a retried batch finalization), and refuses an id used for something else', async () => {
    const first = await upload('usr_twice', { fileId: 'file-twice', objectKey: 'files/usr_twice/file-twice' });
    const again = await rpc.send(Subjects.filesFileCreate, {
      fileId: 'file-twice',
      ownerUserId: 'usr_twice',
      api: 'openai',
      purpose: 'user_data',
      filename: 'x.json',
      bytes: 7,
      mediaType: 'application/json',
      objectKey: 'files/usr_twice/file-twice',
      expiresAfterSeconds: null,
    });
    expect(again).toEqual(first);
    await expect(
      rpc.send(Subjects.filesFileCreate, {
        fileId: 'file-twice',
        ownerUserId: 'usr_other',
        api: 'openai',
        purpose: 'user_data',
        filename: 'x.json',
        bytes: 7,
        mediaType: 'application/json',
        objectKey: 'files/usr_other/file-twice',
        expiresAfterSeconds: null,
      }),
    ).rejects.toMatchObject({ code: 'conflict', status: 409 });
    expect(
      (await rpc.send(Subjects.filesFileList, { ownerUserId: 'usr_twice', api: 'openai', limit: 10, order: 'desc' })).data,
    ).toHaveLength(1);
  });

  it("never shows, locates or deletes another tenant's file", async () => {
    const mine = await upload('usr_owner');
    for (const subject of [Subjects.filesFileGet, Subjects.filesFileLocate, Subjects.filesFileDelete] as const) {
      await expect(rpc.send(subject, { ownerUserId: 'usr_intruder', api: 'openai', fileId: mine.id })).rejects.toMatchObject({
        code: 'INFERENCE_3302',
        status: 404,
      });
    }
    expect(
      (await rpc.send(Subjects.filesFileList, { ownerUserId: 'usr_intruder', api: 'openai', limit: 100, order: 'desc' })).data,
    ).toEqual([]);
    await expect(
      rpc.send(Subjects.filesFileList, { ownerUserId: 'usr_intruder', api: 'openai', limit: 10, order: 'desc', after: mine.id }),
    ).rejects.toMatchObject({ param: 'after' });
    expect((await rpc.send(Subjects.filesFileGet, { ownerUserId: 'usr_owner', api: 'openai', fileId: mine.id })).id).toBe(mine.id);
  });

  it('deletes the record at once and the bytes after the retention period; a batch can read them until then', async () => {
    const file = await upload('usr_del');
    const ref = { ownerUserId: 'usr_del', api: 'openai', fileId: file.id } as const;
    const { objectKey } = await rpc.send(Subjects.filesFileLocate, ref);
    expect(await rpc.send(Subjects.filesFileDelete, ref)).toEqual({ id: file.id, api: 'openai' });
    await expect(rpc.send(Subjects.filesFileGet, ref)).rejects.toMatchObject({ code: 'INFERENCE_3302' });
    await expect(rpc.send(Subjects.filesFileLocate, ref)).rejects.toMatchObject({ code: 'INFERENCE_3302' });
    await expect(rpc.send(Subjects.filesFileDelete, ref)).rejects.toMatchObject({ code: 'INFERENCE_3302' });
    // retained: still readable for a batch that was created from it, by its owner only
    expect((await rpc.send(Subjects.filesFileLocate, { ...ref, includeDeleted: true })).objectKey).toBe(objectKey);
    await expect(rpc.send(Subjects.filesFileLocate, { ...ref, ownerUserId: 'usr_other', includeDeleted: true })).rejects.toMatchObject({
      code: 'INFERENCE_3302',
    });
    expect(await storage.stat(objectKey)).not.toBeNull();

    const sweeper = service.app.get(FileSweeper);
    expect((await sweeper.sweep(new Date(Date.now() + 60_000))).purged).toBe(0);
    expect(await storage.stat(objectKey)).not.toBeNull();
    const retention = service.config.SWITCHYARD_DELETED_FILE_RETENTION_MS;
    expect((await sweeper.sweep(new Date(Date.now() + retention + 1000))).purged).toBeGreaterThanOrEqual(1);
    expect(await storage.stat(objectKey)).toBeNull();
    await expect(rpc.send(Subjects.filesFileLocate, { ...ref, includeDeleted: true })).rejects.toMatchObject({ code: 'INFERENCE_3302' });
  });

  it('sweeps expired files and orphaned objects, and nothing else', async () => {
    const expiring = await upload('usr_sweep', { expiresAfterSeconds: 3600 });
    const keeper = await upload('usr_sweep');
    const { objectKey: expiringKey } = await rpc.send(Subjects.filesFileLocate, {
      ownerUserId: 'usr_sweep',
      api: 'openai',
      fileId: expiring.id,
    });
    const { objectKey: keeperKey } = await rpc.send(Subjects.filesFileLocate, {
      ownerUserId: 'usr_sweep',
      api: 'openai',
      fileId: keeper.id,
    });
    await storage.putStream('files/usr_sweep/file-crashedupload', Readable.from(['partial'])); // bytes whose process died before registering
    const later = new Date(Date.now() + 3600 * 1000 + service.config.SWITCHYARD_DELETED_FILE_RETENTION_MS + 1000);
    const swept = await service.app.get(FileSweeper).sweep(later);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect(swept.purged).toBeGreaterThanOrEqual(1);
    expect(swept.orphans).toBeGreaterThanOrEqual(1);
    expect(await storage.stat(expiringKey)).toBeNull();
    expect(await storage.stat('files/usr_sweep/file-crashedupload')).toBeNull();
    expect(await storage.stat(keeperKey)).not.toBeNull();
    await expect(rpc.send(Subjects.filesFileGet, { ownerUserId: 'usr_sweep', api: 'openai', fileId: expiring.id })).rejects.toMatchObject({
      code: 'INFERENCE_3302',
    });
  });

  it('reports unhealthy when object storage is gone', async () => {
    await s3.close();
    await expect(rpc.send(Subjects.filesHealthCheck, {})).rejects.toMatchObject({ code: 'service_unavailable' });
  });
});
