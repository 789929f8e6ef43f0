import { BatchRepository, LineResult } from '../batch-repository';

const MAX_GROUP = 500;

/**
 * Results that finish while a write is under way go out together in the next one: one statement
 * and one commit for many lines, without waiting on a timer.
 */
export class LineResultWriter {
  private queue: { line: LineResult; done: () => void; failed: (e: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly repo: BatchRepository) {}

  store(line: LineResult): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ line, done, failed });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        try {
          await this.repo.storeLineResults(group.map((g) => g.line));
          group.forEach((g) => g.done());
        } catch (error) {
          group.forEach((g) => g.failed(error));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
