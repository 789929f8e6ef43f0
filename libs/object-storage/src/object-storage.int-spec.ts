import { createHash } from 'crypto';
import { Readable } from 'stream';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EmbeddedS3, startEmbeddedS3 } from './embedded-s3';
import { UnsafeObjectKeyError } from './object-key';
import { ObjectStorage, ObjectTooLargeError } from './object-storage';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function* pieces(total: number, size: number, fill: string): Generator<Buffer> {
  for (let sent = 0; sent < total; sent += size) yield Buffer.alloc(Math.min(size, total - sent), fill);
}

describe('ObjectStorage against a real S3 server (s3rver)', () => {
  let s3: EmbeddedS3;
  let storage: ObjectStorage;
  const MB = 1024 * 1024;

  const dir = mkdtempSync(join(tmpdir(), 'switchyard-storage-'));

  beforeAll(async () => {
    s3 = await startEmbeddedS3({ directory: dir });
    // 5 MB parts (the S3 minimum) so a 12 MB object needs three of them
    storage = new ObjectStorage(
      { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, bucket: 'test-bucket', region: 'us-east-1' },
      5 * MB,
    );
    await storage.ensureBucket();
    await storage.ensureBucket(); // idempotent
  });

  afterAll(async () => {
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a small object in one request and reads it back, whole and by range', async () => {
    const stored = await storage.putStream('files/usr_storage/small.txt', Readable.from(['hello ', 'world']), {
      contentType: 'text/plain',
    });
    expect(stored.bytes).toBe(11);
    expect(await text(await storage.getStream('files/usr_storage/small.txt', { owner: 'usr_storage' }))).toBe('hello world');
    expect(await text(await storage.getStream('files/usr_storage/small.txt', { owner: 'usr_storage', range: { start: 6, end: 10 } }))).toBe(
      'world',
    );
    expect(await storage.stat('files/usr_storage/small.txt')).toMatchObject({ size: 11 });
  });

  it('puts every byte of a multipart object where it belongs, whatever the chunk sizes', async () => {
    // chunks of an odd size that straddle part boundaries, each byte different from its neighbours
    const total = 11 * MB + 4321;
    const source = Buffer.alloc(total);
    for (let i = 0; i < total; i++) source[i] = (i * 31 + (i >> 11)) & 0xff;
    function* oddChunks(): Generator<Buffer> {
      for (let at = 0, n = 0; at < total; n++) {
        const size = [333_333, 1, 70_001, 2 * MB + 7][n % 4];
        yield source.subarray(at, Math.min(total, at + size));
        at += size;
      }
    }
    expect((await storage.putStream('files/usr_storage/mixed.bin', Readable.from(oddChunks()))).bytes).toBe(total);
    const back: Buffer[] = [];
    for await (const c of await storage.getStream('files/usr_storage/mixed.bin', { owner: 'usr_storage' })) back.push(c as Buffer);
    expect(createHash('sha256').update(Buffer.concat(back)).digest('hex')).toBe(createHash('sha256').update(source).digest('hex'));
  });

  it('streams a large object in multipart parts', async () => {
    const total = 12 * MB + 123;
    const stored = await storage.putStream('files/usr_storage/large.bin', Readable.from(pieces(total, 256 * 1024, 'x')));
    expect(stored.bytes).toBe(total);
    expect((await storage.stat('files/usr_storage/large.bin'))?.size).toBe(total);
    expect(await text(await storage.getStream('files/usr_storage/large.bin', { owner: 'usr_storage', range: { start: total - 3 } }))).toBe(
      'xxx',
    );
  });

  it('refuses an object over the limit while it streams and leaves nothing behind', async () => {
    await expect(
      storage.putStream('files/usr_storage/too-big.bin', Readable.from(pieces(11 * MB, 512 * 1024, 'y')), { maxBytes: 10 * MB }),
    ).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(await storage.stat('files/usr_storage/too-big.bin')).toBeNull();
  });

  it('removes objects', async () => {
    await storage.putStream('files/usr_storage/gone.txt', Readable.from(['x']));
    await storage.remove('files/usr_storage/gone.txt');
    expect(await storage.stat('files/usr_storage/gone.txt')).toBeNull();
  });

  it("refuses a key that climbs out of its owner's area, with the other owner's object right there", async () => {
    await storage.putStream('files/usr_victim/file-secret', Readable.from(["the victim's bytes"]));
    for (const key of [
      'tmp/usr_attacker/../../files/usr_victim/file-secret',
      '/files/usr_victim/file-secret',
      'files//usr_victim/file-secret',
    ]) {
      await expect(storage.getStream(key, { owner: 'usr_attacker' })).rejects.toBeInstanceOf(UnsafeObjectKeyError);
      await expect(storage.stat(key)).rejects.toBeInstanceOf(UnsafeObjectKeyError);
      await expect(storage.remove(key)).rejects.toBeInstanceOf(UnsafeObjectKeyError);
    }
    await expect(storage.getStream('files/usr_victim/file-secret', { owner: 'usr_attacker' })).rejects.toBeInstanceOf(UnsafeObjectKeyError);
    expect(await text(await storage.getStream('files/usr_victim/file-secret', { owner: 'usr_victim' }))).toBe("the victim's bytes");
  });
});
