import { JsonLogger } from '@switchyard/logging';
import { OutageNotice } from '@switchyard/runtime';
import { BatchRepository, ClaimedLine } from '../batch-repository';

/**
 * The leases of the lines this replica is running: renewed for all of them in one statement every
 * third of the lease, so a line whose call outlasts the lease stays this replica's, and a crashed
 * replica's lines come back when their leases end.
 */
export class LineLeases {
  private readonly held = new Map<string, { batchId: string; customId: string }>();
  private timer: NodeJS.Timeout | null = null;
  private readonly outage: OutageNotice;

  constructor(
    private readonly repo: BatchRepository,
    private readonly leaseMs: number,
    private readonly logger: JsonLogger,
  ) {
    this.outage = new OutageNotice(logger, 'renewing batch line leases');
  }

  start(): void {
    this.timer = setInterval(
      () => void this.outage.attempt(this.renew(), (e) => this.logger.error('renewing batch line leases failed', e)),
      this.leaseMs / 3,
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  hold(line: ClaimedLine): void {
    this.held.set(heldKey(line), { batchId: line.batch_id, customId: line.custom_id });
  }

  release(line: ClaimedLine): void {
    this.held.delete(heldKey(line));
  }

  private async renew(): Promise<void> {
    const lines = [...this.held.values()];
    if (lines.length === 0) return;
    await this.repo.renewLeases(lines, this.leaseMs);
  }
}

function heldKey(line: ClaimedLine): string {
  return `${line.batch_id}/${line.custom_id}`;
}
