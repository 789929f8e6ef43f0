import { Readable } from 'node:stream';
import { formatDecimal, UsageExportPage, UsageExportRequest, UsageExportRow, UsageFilter } from '@switchyard/contracts';

/** The most rows one export holds; past it the answer says it was cut (`x-switchyard-export-truncated: true`). */
export const USAGE_CSV_MAX_ROWS = 100_000;
const PAGE = 1000;

export const USAGE_CSV_COLUMNS = [
  'created_at',
  'request_id',
  'user_id',
  'model',
  'endpoint',
  'channel_id',
  'channel_type',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'cost',
  'batch_id',
] as const;

/** One CSV field (RFC 4180), with a leading `=`, `+`, `-`, `@` neutralised so a spreadsheet does not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record as a CSV line; the cost is the exact decimal of its nano-USD (no float on the way). */
export function csvLine(row: UsageExportRow): string {
  const values = [
    row.createdAt,
    row.requestId,
    row.userId,
    row.model,
    row.endpoint,
    row.channelId,
    row.channelType,
    String(row.promptTokens),
    String(row.completionTokens),
    String(row.cachedTokens),
    String(row.cacheWriteTokens),
    String(row.reasoningTokens),
    formatDecimal(BigInt(row.costNano), 9),
    row.batchId ?? '',
  ];
  return `${values.map(csvField).join(',')}\r\n`;
}

export type ExportPageFetcher = (request: UsageExportRequest) => Promise<UsageExportPage>;

/**
 * The export of `filter`'s records, newest first: the first page (with the count, so the caller
 * knows before any byte whether it will be cut) and a stream of the CSV, fetched page by page as
 * the caller reads it.
 */
export async function usageCsv(filter: UsageFilter, fetchPage: ExportPageFetcher): Promise<{ truncated: boolean; body: Readable }> {
  const first = await fetchPage({ ...filter, limit: PAGE, countUpTo: USAGE_CSV_MAX_ROWS + 1 });
  const truncated = (first.counted ?? 0) > USAGE_CSV_MAX_ROWS;
  async function* lines(): AsyncGenerator<string> {
    yield `${USAGE_CSV_COLUMNS.join(',')}\r\n`;
    let page: UsageExportPage = first;
    let written = 0;
    for (;;) {
      const rows = page.rows.slice(0, USAGE_CSV_MAX_ROWS - written);
      if (rows.length > 0) yield rows.map(csvLine).join('');
      written += rows.length;
      if (page.nextAfter === null || written >= USAGE_CSV_MAX_ROWS) return;
      page = await fetchPage({ ...filter, limit: Math.min(PAGE, USAGE_CSV_MAX_ROWS - written), after: page.nextAfter });
    }
  }
  return { truncated, body: Readable.from(lines()) };
}
