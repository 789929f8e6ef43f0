import { Client } from 'minio';
import { Readable } from 'stream';
import { checkObjectKey } from './object-key';

export interface ObjectStorageSettings {
  /** http(s)://host:port of an S3-compatible server (MinIO in production, s3rver embedded) */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

/** The S3_* settings of a validated service config, as storage settings. */
export function storageSettingsFrom(config: {
  S3_ENDPOINT: string;
  S3_ACCESS_KEY: string;
  S3_SECRET_KEY: string;
  S3_BUCKET: string;
  S3_REGION: string;
}): ObjectStorageSettings {
  return {
    endpoint: config.S3_ENDPOINT,
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
  };
}

export class ObjectTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Object exceeds the limit of ${limit} bytes`);
    this.name = 'ObjectTooLargeError';
  }
}

export interface StoredObject {
  bytes: number;
}

const DEFAULT_PART_SIZE = 16 * 1024 * 1024;

/**
 * File bytes in S3-compatible storage; every key is checked by `checkObjectKey` first. Uploads stream in fixed-size multipart parts, so memory
 * stays bounded whatever the object size (the minio client's putObject would either buffer the
 * whole object or call ListMultipartUploads, which not every S3 server implements).
 */
export class ObjectStorage {
  readonly client: Client;
  readonly bucket: string;

  constructor(
    settings: ObjectStorageSettings,
    private readonly partSize = DEFAULT_PART_SIZE,
  ) {
    const url = new URL(settings.endpoint);
    const useSSL = url.protocol === 'https:';
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : useSSL ? 443 : 80,
      useSSL,
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      region: settings.region,
      pathStyle: true,
    });
    this.bucket = settings.bucket;
  }

  async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    await this.client.makeBucket(this.bucket).catch(async (e) => {
      if (!(await this.client.bucketExists(this.bucket))) throw e;
    });
  }

  /** Answers only when the server and the bucket are reachable. */
  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) throw new Error(`bucket ${this.bucket} is missing`);
  }

  /**
   * Streams `source` into `key`. Throws ObjectTooLargeError as soon as more than `maxBytes`
   * arrived; on any failure nothing is left behind under `key`.
   */
  async putStream(
    key: string,
    source: AsyncIterable<Buffer | Uint8Array | string>,
    options: { contentType?: string; maxBytes?: number } = {},
  ): Promise<StoredObject> {
    checkObjectKey(key);
    const limit = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const headers = { 'Content-Type': options.contentType ?? 'application/octet-stream' };
    // chunks are kept until the first part is full (a small object is put in one request); from then
    // on every chunk is copied into one part-sized buffer, sent and refilled part after part (a new
    // buffer per part held two copies while sending and left 16 MB of garbage each time)
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let partBuffer: Buffer | null = null;
    let filled = 0;
    let total = 0;
    let uploadId: string | null = null;
    const parts: { part: number; etag: string }[] = [];

    const buffered = () => (partBuffer ? filled : pendingBytes);
    const add = (piece: Buffer) => {
      if (partBuffer) {
        filled += piece.copy(partBuffer, filled);
      } else {
        pending.push(piece);
        pendingBytes += piece.length;
      }
    };
    const flushPart = async () => {
      if (uploadId === null) uploadId = await this.client.initiateNewMultipartUpload(this.bucket, key, headers);
      if (!partBuffer) {
        partBuffer = Buffer.allocUnsafe(this.partSize);
        for (const chunk of pending) filled += chunk.copy(partBuffer, filled);
        pending = [];
        pendingBytes = 0;
      }
      const partNumber = parts.length + 1;
      const res = await this.client.uploadPart(
        { bucketName: this.bucket, objectName: key, uploadID: uploadId, partNumber, headers: {} },
        partBuffer.subarray(0, filled),
      );
      filled = 0;
      parts.push({ part: partNumber, etag: res.etag });
    };

    try {
      for await (const chunk of source) {
        let buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        total += buf.length;
        if (total > limit) throw new ObjectTooLargeError(limit);
        // a part holds exactly partSize bytes; what a chunk has beyond that starts the next part
        while (buffered() + buf.length >= this.partSize) {
          const fits = this.partSize - buffered();
          add(buf.subarray(0, fits));
          buf = buf.subarray(fits);
          await flushPart();
        }
        if (buf.length > 0) add(buf);
      }
      if (uploadId === null) {
        await this.client.putObject(this.bucket, key, Buffer.concat(pending, pendingBytes), pendingBytes, headers);
      } else {
        if (buffered() > 0) await flushPart();
        await this.client.completeMultipartUpload(this.bucket, key, uploadId, parts);
      }
      return { bytes: total };
    } catch (error) {
      if (uploadId !== null) await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => undefined);
      await this.client.removeObject(this.bucket, key).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The object's bytes, or the inclusive byte range `[start, end]` of them, for the user whose
   * request reads them: a key outside that owner's area is refused before any request is made.
   */
  async getStream(key: string, { owner, range }: { owner: string; range?: { start: number; end?: number } }): Promise<Readable> {
    checkObjectKey(key, owner);
    if (!range) return this.client.getObject(this.bucket, key);
    const length = range.end === undefined ? undefined : range.end - range.start + 1;
    return this.client.getPartialObject(this.bucket, key, range.start, length);
  }

  async stat(key: string): Promise<{ size: number; contentType: string | undefined } | null> {
    checkObjectKey(key);
    try {
      const stat = await this.client.statObject(this.bucket, key);
      return { size: stat.size, contentType: stat.metaData?.['content-type'] };
    } catch (e) {
      if ((e as { code?: string }).code === 'NotFound' || (e as { code?: string }).code === 'NoSuchKey') return null;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    checkObjectKey(key);
    await this.client.removeObject(this.bucket, key);
  }
}
