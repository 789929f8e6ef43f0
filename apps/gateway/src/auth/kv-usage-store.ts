import { KV, NatsConnection, StorageType } from 'nats';
import { KvBuckets } from '@switchyard/contracts';
import { openKvBucket } from '@switchyard/nats';
import { StoredUsage, UsageStore } from './rate-leases';
import { RATE_WINDOW_MS, UsageRecord } from './usage-record';

/** A read from a bucket NATS no longer has is not refused but times out, so the wait is kept short. */
const KV_TIMEOUT_MS = 1000;

function isRevisionConflict(error: unknown): boolean {
  return /wrong last sequence|key exists/i.test(String((error as Error)?.message ?? error));
}

function isBucketGone(error: unknown): boolean {
  return /stream not found|no stream|bucket not found|no responders|503|timeout/i.test(String((error as Error)?.message ?? error));
}

/**
 * Usage records in a JetStream KV bucket on file storage, so a NATS restart keeps every user's counts
 * (a write is one compare-and-set per lease, about one a second per busy user, not one per request).
 * Should the bucket be gone all the same (deleted by an operator), it is made again on the first miss
 * (a refused write, or a read that times out after a second).
 */
export class KvUsageStore implements UsageStore {
  private kv: Promise<KV> | null = null;

  constructor(
    private readonly nc: NatsConnection,
    /** SWITCHYARD_JETSTREAM_REPLICAS: copies on that many cluster nodes, so a node's loss keeps the counts */
    private readonly replicas = 1,
    private readonly bucket: string = KvBuckets.rateUsage,
  ) {}

  open(): Promise<KV> {
    this.kv ??= openKvBucket(
      this.nc,
      this.bucket,
      { history: 1, ttl: 2 * RATE_WINDOW_MS, storage: StorageType.File },
      this.replicas,
      KV_TIMEOUT_MS,
    );
    const opening = this.kv;
    opening.catch(() => {
      if (this.kv === opening) this.kv = null;
    });
    return opening;
  }

  read(userId: string): Promise<StoredUsage | null> {
    return this.withBucket(async (kv) => {
      const entry = await kv.get(key(userId));
      if (!entry) return null;
      return { record: entry.operation === 'PUT' && entry.length > 0 ? entry.json<UsageRecord>() : null, revision: entry.revision };
    });
  }

  write(userId: string, record: UsageRecord, revision: number | null): Promise<number | null> {
    return this.withBucket(async (kv) => {
      try {
        const value = JSON.stringify(record);
        return revision === null ? await kv.create(key(userId), value) : await kv.update(key(userId), value, revision);
      } catch (error) {
        if (isRevisionConflict(error)) return null;
        throw error;
      }
    });
  }

  private async withBucket<T>(use: (kv: KV) => Promise<T>): Promise<T> {
    try {
      return await use(await this.open());
    } catch (error) {
      if (!isBucketGone(error)) throw error;
      this.kv = null;
      return use(await this.open());
    }
  }
}

function key(userId: string): string {
  return `u.${userId}`;
}
