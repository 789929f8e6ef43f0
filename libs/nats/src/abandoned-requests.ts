/** How long an abandoned request's id is remembered: far longer than a request waits in a socket buffer of a live replica. */
export const ABANDONED_MEMORY_MS = 60_000;
/** At most this many ids are remembered (the oldest are forgotten first): a burst of give-ups cannot grow a replica's memory. */
export const ABANDONED_MEMORY_SIZE = 10_000;

/**
 * The ids of requests whose callers stopped waiting (Events.rpcRequestAbandoned), so a replica that
 * receives such a request late drops it unrun instead of doing work nobody will see: an upstream
 * call billed to a caller who was told it failed, then again when they retry.
 */
export class AbandonedRequests {
  /** id → when it was remembered; a Map keeps insertion order, so the oldest come first */
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly memoryMs = ABANDONED_MEMORY_MS,
    private readonly maxSize = ABANDONED_MEMORY_SIZE,
  ) {}

  remember(id: string): void {
    const now = this.now();
    this.forgetOlderThan(now - this.memoryMs);
    this.ids.delete(id);
    this.ids.set(id, now);
    if (this.ids.size > this.maxSize) this.ids.delete(this.ids.keys().next().value as string);
  }

  /** Whether `id` was abandoned (and forgets it: a request id is used once). */
  take(id: string): boolean {
    const at = this.ids.get(id);
    if (at === undefined) return false;
    this.ids.delete(id);
    return at >= this.now() - this.memoryMs;
  }

  get size(): number {
    return this.ids.size;
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [id, at] of this.ids) {
      if (at >= cutoff) return;
      this.ids.delete(id);
    }
  }
}
