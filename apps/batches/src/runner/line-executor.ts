import { DomainError, Subjects } from '@switchyard/contracts';
import { endRpcSpan, RpcClient } from '@switchyard/nats';
import { runInContext } from '@switchyard/runtime';
import { BatchRepository, ClaimedLine, LineResult } from '../batch-repository';
import { BatchesConfig } from '../batches.config';
import { httpErrorLine, lineRequestId, outputLine, retryDelayMs } from './batch-lines';
import { LineResultWriter } from './line-results';
import { startLineSpan } from './line-span';

/** What the router said to a line: its answer's body, or why the call failed. */
export type LineAnswer = { body: Record<string, unknown> } | { error: unknown };

/** A result to store once, or a later try (the failure was not the line's fault). */
export type LineOutcome = LineResult | { retryInMs: number };

/** What a line's answer makes of it; `throttledDelayMs`: the wait after throttling or cooling channels. */
export function lineOutcome(
  line: { batchId: string; customId: string; requestId: string },
  answer: LineAnswer,
  throttledDelayMs: number,
): LineOutcome {
  const { batchId, customId, requestId } = line;
  if ('body' in answer) return { batchId, customId, requestId, succeeded: true, result: outputLine(requestId, customId, answer.body) };
  const delayMs = retryDelayMs(answer.error, throttledDelayMs);
  if (delayMs !== null) return { retryInMs: delayMs };
  return { batchId, customId, requestId, succeeded: false, result: httpErrorLine(requestId, customId, answer.error as DomainError) };
}

/**
 * Runs one claimed line through the router like a sync request (marked with its batch, prepaid when
 * the batch's worst case is reserved) and stores its result, or gives the line back for a later try.
 */
export class LineExecutor {
  private readonly results: LineResultWriter;

  constructor(
    private readonly repo: BatchRepository,
    private readonly rpc: RpcClient,
    private readonly config: BatchesConfig,
  ) {
    this.results = new LineResultWriter(repo);
  }

  async run(line: ClaimedLine): Promise<void> {
    const requestId = lineRequestId(line.batch_id, line.line_no);
    const traced = startLineSpan(line, requestId);
    if (!traced) return this.runLine(line, requestId);
    try {
      await runInContext(traced.context, () => this.runLine(line, requestId));
      endRpcSpan(traced.span);
    } catch (error) {
      endRpcSpan(traced.span, error);
      throw error;
    }
  }

  private async runLine(line: ClaimedLine, requestId: string): Promise<void> {
    let answer: LineAnswer;
    try {
      const reply = await this.rpc.send(
        Subjects.routerRequestExecute,
        {
          requestId,
          principal: line.principal,
          endpoint: line.endpoint,
          body: line.request.body as never,
          stream: false,
          batchId: line.batch_id,
          prepaid: line.reserved,
        },
        this.config.SWITCHYARD_BATCH_LINE_TIMEOUT_MS,
        // a router killed while it runs the line is noticed within seconds and the line given back, not held for the line timeout
        { watchProducer: true },
      );
      answer = { body: reply.body };
    } catch (error) {
      answer = { error };
    }
    const outcome = lineOutcome(
      { batchId: line.batch_id, customId: line.custom_id, requestId },
      answer,
      this.config.SWITCHYARD_BATCH_RETRY_DELAY_MS,
    );
    if ('retryInMs' in outcome) {
      // not the line's fault: give it back for a later try (until the batch's window closes)
      await this.repo.giveBack({ batchId: line.batch_id, customId: line.custom_id }, outcome.retryInMs);
      return;
    }
    await this.results.store(outcome);
  }
}
