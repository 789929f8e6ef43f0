import { BatchErrorEntry, BatchInputLine, BatchJsonlValidator, worstCaseUsage } from '@switchyard/contracts';
import type { NewLine } from '../batch-repository';
import { lineProblem } from './batch-lines';

/** Per model, the most tokens the batch's lines can use: what billing reserves. */
export type WorstCase = Map<string, { promptTokens: number; completionTokens: number }>;

/**
 * What a batch's input file says, read a piece at a time: the JSONL shape (`BatchJsonlValidator`)
 * and the per-line rules of the batch's endpoint, the accepted lines to store, the batch's model
 * (its first line's) and its worst case. It stops at the first problem.
 */
export class InputValidation {
  readonly worstCase: WorstCase = new Map();
  private pending: NewLine[] = [];
  private lineError: BatchErrorEntry[] | null = null;
  private firstModel: string | null = null;
  private readonly jsonl: BatchJsonlValidator;

  constructor(
    private readonly batch: { id: string; endpoint: string },
    private readonly defaultMaxOutputTokens: number,
  ) {
    this.jsonl = new BatchJsonlValidator((line) => this.accept(line));
  }

  push(bytes: Buffer): void {
    this.jsonl.push(bytes);
  }

  /** A problem was found: the rest of the file need not be read. */
  get stopped(): boolean {
    return Boolean(this.jsonl.firstProblem || this.lineError);
  }

  /** accepted lines not yet taken */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** The accepted lines not yet taken, in file order. */
  takePending(): NewLine[] {
    const lines = this.pending;
    this.pending = [];
    return lines;
  }

  get model(): string | null {
    return this.firstModel;
  }

  /** how many request lines were accepted */
  get requests(): number {
    return this.jsonl.requests;
  }

  /** Call once, when the file has ended or validation stopped: why the batch fails, or null when it is valid. */
  errors(): BatchErrorEntry[] | null {
    const problem = this.jsonl.firstProblem ?? (this.lineError ? null : this.jsonl.end());
    if (!problem && !this.lineError) return null;
    return (
      this.lineError ?? [{ code: problem!.code, message: `Line ${problem!.line}: ${problem!.reason}`, param: null, line: problem!.line }]
    );
  }

  private accept(line: BatchInputLine): void {
    if (this.lineError) return;
    const problem = lineProblem(line, this.batch.endpoint);
    if (problem) {
      this.lineError = [{ ...problem, line: line.lineNo }];
      return;
    }
    const model = line.body.model as string;
    this.firstModel ??= model;
    const worst = worstCaseUsage(this.batch.endpoint, line.body, this.defaultMaxOutputTokens);
    const sum = this.worstCase.get(model) ?? { promptTokens: 0, completionTokens: 0 };
    this.worstCase.set(model, {
      promptTokens: sum.promptTokens + worst.promptTokens,
      completionTokens: sum.completionTokens + worst.completionTokens,
    });
    this.pending.push({ batchId: this.batch.id, customId: line.custom_id, lineNo: line.lineNo, request: { body: line.body } });
  }
}
