import { StoredUsage, UsageStore } from './rate-leases';
import { UsageRecord } from './usage-record';

/** Usage records in this process (tests, and anything that needs the store's semantics without NATS). */
export class MemoryUsageStore implements UsageStore {
  private readonly entries = new Map<string, { json: string; revision: number }>();
  private sequence = 0;
  reads = 0;
  writes = 0;
  conflicts = 0;

  async read(userId: string): Promise<StoredUsage | null> {
    this.reads++;
    const entry = this.entries.get(userId);
    return entry ? { record: JSON.parse(entry.json) as UsageRecord, revision: entry.revision } : null;
  }

  async write(userId: string, record: UsageRecord, revision: number | null): Promise<number | null> {
    this.writes++;
    if ((this.entries.get(userId)?.revision ?? null) !== revision) {
      this.conflicts++;
      return null;
    }
    const stored = { json: JSON.stringify(record), revision: ++this.sequence };
    this.entries.set(userId, stored);
    return stored.revision;
  }

  /** the record as stored now */
  peek(userId: string): UsageRecord | null {
    const entry = this.entries.get(userId);
    return entry ? (JSON.parse(entry.json) as UsageRecord) : null;
  }

  /** what a NATS restart does to a memory bucket */
  clear(): void {
    this.entries.clear();
  }
}
