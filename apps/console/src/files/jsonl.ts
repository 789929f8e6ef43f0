/**
 * The browser's check of a Batch input file before it is uploaded: the same rules the server applies
 * (libs/contracts batch-jsonl.ts: one JSON object per line with `custom_id`, `method`, `url` and an
 * object `body`, unique custom_ids, blank lines only at the end), but every bad line is reported, with
 * its 1-based number, so the whole file can be fixed at once. The server checks again on upload.
 */
export const MAX_BATCH_LINES = 50_000;

export interface JsonlLineProblem {
  line: number;
  reason: string;
}

export interface JsonlVerdict {
  /** request lines accepted */
  requests: number;
  /** every bad line, in file order, at most `maxProblems` */
  problems: JsonlLineProblem[];
  /** more problems were found than listed */
  truncated: boolean;
}

export function validateBatchJsonl(text: string, maxProblems = 20): JsonlVerdict {
  const problems: JsonlLineProblem[] = [];
  let truncated = false;
  const report = (line: number, reason: string) => {
    if (problems.length < maxProblems) problems.push({ line, reason });
    else truncated = true;
  };
  const customIds = new Set<string>();
  const lines = text.split('\n');
  // a final newline ends the last line rather than starting an empty one
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let blankLine: number | null = null;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const lineText = raw.replace(/\r$/, '');
    if (lineText.trim() === '') {
      blankLine ??= lineNo;
      return;
    }
    if (blankLine !== null) {
      report(blankLine, 'blank line in the middle of the file');
      blankLine = null;
    }
    const problem = lineProblem(lineText, customIds);
    if (problem) report(lineNo, problem);
  });
  if (customIds.size === 0 && problems.length === 0) report(1, 'the file has no requests');
  if (customIds.size > MAX_BATCH_LINES) report(MAX_BATCH_LINES + 1, `more than ${MAX_BATCH_LINES} requests in one file`);
  return { requests: customIds.size, problems, truncated };
}

function lineProblem(text: string, customIds: Set<string>): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const line = value as Record<string, unknown>;
  for (const field of ['custom_id', 'method', 'url'] as const) {
    const fieldValue = line[field];
    if (typeof fieldValue !== 'string' || fieldValue.length === 0) {
      return fieldValue === undefined ? `missing required field "${field}"` : `"${field}" must be a non-empty string`;
    }
  }
  if (line.body === undefined) return 'missing required field "body"';
  if (line.body === null || typeof line.body !== 'object' || Array.isArray(line.body)) return '"body" must be a JSON object';
  const customId = line.custom_id as string;
  if (customIds.has(customId)) return `duplicate custom_id "${customId.slice(0, 100)}"`;
  customIds.add(customId);
  return null;
}
