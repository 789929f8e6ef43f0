/**
 * Streaming validation of a Batch input file (JSONL): one JSON object per line with `custom_id`,
 * `method`, `url` and `body`. Reports the first bad line with its number and why.
 */
export const MAX_BATCH_LINES = 50_000;
export const MAX_BATCH_LINE_BYTES = 16 * 1024 * 1024;

/** Batch error codes, as OpenAI reports them in `errors.data[].code`. */
export type JsonlProblemCode =
  'invalid_json_line' | 'missing_required_parameter' | 'duplicate_custom_id' | 'too_many_requests' | 'empty_file';

export interface JsonlProblem {
  line: number;
  reason: string;
  code: JsonlProblemCode;
}

/** One accepted request line. */
export interface BatchInputLine {
  lineNo: number;
  custom_id: string;
  method: string;
  url: string;
  body: Record<string, unknown>;
}

const NEWLINE = 0x0a;

export interface BatchJsonlLimits {
  maxLines: number;
  maxLineBytes: number;
}

export class BatchJsonlValidator {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private lineNo = 0;
  private blankLine: number | null = null;
  private readonly customIds = new Set<string>();
  private problem: JsonlProblem | null = null;

  /** `onLine` receives each accepted line, for callers that keep them (the batches service). */
  constructor(
    private readonly onLine?: (line: BatchInputLine) => void,
    private readonly limits: BatchJsonlLimits = { maxLines: MAX_BATCH_LINES, maxLineBytes: MAX_BATCH_LINE_BYTES },
  ) {}

  /** How many request lines were accepted so far. */
  get requests(): number {
    return this.customIds.size;
  }

  /** The first problem found so far, if any; validation stops there. */
  get firstProblem(): JsonlProblem | null {
    return this.problem;
  }

  push(chunk: Buffer): void {
    if (this.problem) return;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl < 0) break;
      this.pending.push(chunk.subarray(start, nl));
      this.pendingBytes += nl - start;
      this.completeLine();
      if (this.problem) return;
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      // refused before its end arrives, so a long line is never held whole
      if (this.pendingBytes > this.limits.maxLineBytes) this.refuseLongLine(this.lineNo + 1);
    }
  }

  /** Call once the whole file has been pushed; returns the first problem or null. */
  end(): JsonlProblem | null {
    if (!this.problem && this.pendingBytes > 0) this.completeLine();
    if (!this.problem && this.customIds.size === 0) this.fail(1, 'the file has no requests', 'empty_file');
    return this.problem;
  }

  private fail(line: number, reason: string, code: JsonlProblemCode = 'invalid_json_line'): void {
    this.problem = { line, reason, code };
  }

  /**
   * The same verdict whether the line's end is in the chunk that crossed the limit or a later
   * one: too long whatever it holds, unless a blank line before it is the first problem.
   */
  private refuseLongLine(line: number): void {
    if (this.blankLine !== null) return this.fail(this.blankLine, 'blank line in the middle of the file');
    this.fail(line, `line is longer than ${this.limits.maxLineBytes} bytes`);
  }

  private completeLine(): void {
    this.lineNo++;
    if (this.pendingBytes > this.limits.maxLineBytes) return this.refuseLongLine(this.lineNo);
    const text = Buffer.concat(this.pending, this.pendingBytes).toString('utf8').replace(/\r$/, '');
    this.pending = [];
    this.pendingBytes = 0;
    if (text.trim() === '') {
      // blank lines are tolerated only at the very end of the file
      if (this.blankLine === null) this.blankLine = this.lineNo;
      return;
    }
    if (this.blankLine !== null) return this.fail(this.blankLine, 'blank line in the middle of the file');
    if (this.customIds.size >= this.limits.maxLines)
      return this.fail(this.lineNo, `more than ${this.limits.maxLines} requests in one file`, 'too_many_requests');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.fail(this.lineNo, 'not valid JSON');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.fail(this.lineNo, 'not a JSON object');
    const line = value as Record<string, unknown>;
    for (const field of ['custom_id', 'method', 'url'] as const) {
      if (typeof line[field] !== 'string' || line[field].length === 0) {
        return this.fail(
          this.lineNo,
          line[field] === undefined ? `missing required field "${field}"` : `"${field}" must be a non-empty string`,
          'missing_required_parameter',
        );
      }
    }
    if (line.body === undefined) return this.fail(this.lineNo, 'missing required field "body"', 'missing_required_parameter');
    if (line.body === null || typeof line.body !== 'object' || Array.isArray(line.body))
      return this.fail(this.lineNo, '"body" must be a JSON object');
    const customId = line.custom_id as string;
    if (this.customIds.has(customId))
      return this.fail(this.lineNo, `duplicate custom_id "${customId.slice(0, 100)}"`, 'duplicate_custom_id');
    this.customIds.add(customId);
    this.onLine?.({
      lineNo: this.lineNo,
      custom_id: customId,
      method: line.method as string,
      url: line.url as string,
      body: line.body as Record<string, unknown>,
    });
  }
}

export function describeJsonlProblem(problem: JsonlProblem): string {
  return `Invalid JSONL for purpose "batch": line ${problem.line}: ${problem.reason}`;
}
