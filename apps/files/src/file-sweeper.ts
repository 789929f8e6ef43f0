import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PARKED_OBJECT_PREFIX } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { OutageNotice } from '@switchyard/runtime';
import { FileEntity } from './entities/file.entity';
import { FilesConfig } from './files.config';

export const FILE_OBJECT_PREFIX = 'files/';
const STALE_UPLOAD_MS = 24 * 3600 * 1000;
/** longer than any request may run: an upload parked this long ago (audio to transcribe) lost its gateway */
const STALE_PARKED_MS = 3600 * 1000;

/**
 * Expires files, removes the bytes of files deleted longer ago than the retention period, and
 * removes objects no file record owns (an upload whose process died before it registered the file)
 * and uploads parked for a request whose gateway died. One replica sweeps at a time (advisory lock); a sweep
 * interrupted by a restart is simply done again by the next one.
 */
@Injectable()
export class FileSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly outage: OutageNotice;

  constructor(
    private readonly ds: DataSource,
    private readonly storage: ObjectStorage,
    private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.outage = new OutageNotice(logger, 'the file sweep');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running)
        this.running = this.outage
          .attempt(this.sweep(), (e) => this.logger.error('file sweep failed', e))
          .finally(() => (this.running = null));
    }, this.config.SWITCHYARD_FILE_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many files expired, how many files' bytes were purged, how many orphans went. */
  async sweep(now = new Date()): Promise<{ expired: number; purged: number; orphans: number }> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', ['switchyard:files:sweep']);
      if (!locked) return { expired: 0, purged: 0, orphans: 0 };
      try {
        const expired = await this.expire(now);
        const purged = await this.purgeDeleted(now);
        const orphans = (await this.removeOrphans(now)) + (await this.removeStaleParked(now));
        await this.abortStaleUploads(now);
        return { expired, purged, orphans };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['switchyard:files:sweep']);
      }
    } finally {
      await runner.release();
    }
  }

  /** Expired files become deleted ones (as of their expiry), so their bytes follow the same retention. */
  private async expire(now: Date): Promise<number> {
    const [, count] = await this.ds.query<[unknown, number]>(
      `UPDATE files.files SET deleted_at = expires_at, status = 'deleted'
        WHERE id IN (SELECT id FROM files.files WHERE deleted_at IS NULL AND expires_at <= $1 LIMIT 1000)`,
      [now],
    );
    return count;
  }

  /** Removes the bytes of files deleted longer ago than the retention period. */
  private async purgeDeleted(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.SWITCHYARD_DELETED_FILE_RETENTION_MS);
    const rows = await this.ds.query<{ id: string; object_key: string }[]>(
      `SELECT id, object_key FROM files.files WHERE deleted_at IS NOT NULL AND purged_at IS NULL AND deleted_at <= $1 LIMIT 1000`,
      [cutoff],
    );
    for (const row of rows) {
      await this.storage.remove(row.object_key);
      await this.ds.query('UPDATE files.files SET purged_at = $2 WHERE id = $1', [row.id, now]);
    }
    return rows.length;
  }

  /**
   * Multipart uploads a crashed process never completed hold parts but no object. Servers without
   * ListMultipartUploads (s3rver) cannot be asked; there, such parts are invisible and never listed.
   */
  private async abortStaleUploads(now: Date): Promise<void> {
    // a slow client may still be sending parts: only uploads older than any live one are aborted
    const cutoff = now.getTime() - STALE_UPLOAD_MS;
    try {
      const stream = this.storage.client.listIncompleteUploads(this.storage.bucket, FILE_OBJECT_PREFIX, true);
      for await (const upload of stream as AsyncIterable<{ key: string; uploadId: string; initiated?: Date }>) {
        if (upload.initiated && upload.initiated.getTime() <= cutoff) {
          await this.storage.client.abortMultipartUpload(this.storage.bucket, upload.key, upload.uploadId).catch(() => undefined);
        }
      }
    } catch (error) {
      this.logger.debug('listing incomplete uploads is not supported by this storage server', error);
    }
  }

  private async removeStaleParked(now: Date): Promise<number> {
    const cutoff = now.getTime() - STALE_PARKED_MS;
    const stale: string[] = [];
    const stream = this.storage.client.listObjectsV2(this.storage.bucket, PARKED_OBJECT_PREFIX, true);
    for await (const item of stream as AsyncIterable<{ name?: string; lastModified?: Date }>) {
      if (item.name && item.lastModified && item.lastModified.getTime() <= cutoff) stale.push(item.name);
    }
    for (const key of stale) await this.storage.remove(key).catch(() => undefined);
    return stale.length;
  }

  private async removeOrphans(now: Date): Promise<number> {
    const cutoff = now.getTime() - this.config.SWITCHYARD_ORPHAN_GRACE_MS;
    let removed = 0;
    const candidates: string[] = [];
    const stream = this.storage.client.listObjectsV2(this.storage.bucket, FILE_OBJECT_PREFIX, true);
    for await (const item of stream as AsyncIterable<{ name?: string; lastModified?: Date }>) {
      if (item.name && item.lastModified && item.lastModified.getTime() <= cutoff) candidates.push(item.name);
    }
    for (let i = 0; i < candidates.length; i += 500) {
      const batch = candidates.slice(i, i + 500);
      const owned = await this.ds
        .getRepository(FileEntity)
        .createQueryBuilder('f')
        .select('f.object_key', 'key')
        .where('f.object_key IN (:...keys) AND f.purged_at IS NULL', { keys: batch })
        .getRawMany<{ key: string }>();
      const ownedKeys = new Set(owned.map((o) => o.key));
      for (const key of batch.filter((k) => !ownedKeys.has(k))) {
        await this.storage.remove(key).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }
}
