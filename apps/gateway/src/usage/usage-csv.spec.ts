import { Readable } from 'node:stream';
import { UsageExportRequest, UsageExportRow } from '@switchyard/contracts';
import { csvField, csvLine, USAGE_CSV_MAX_ROWS, usageCsv } from './usage-csv';
import { summaryRangeOf, topSpendersOf, usageSummaryOf } from './usage-query';

const row = (over: Partial<UsageExportRow> = {}): UsageExportRow => ({
  createdAt: '2026-04-10T10:00:00.123Z',
  requestId: 'req_1',
  userId: 'usr_1',
  model: 'gpt-4o-mini',
  endpoint: '/v1/chat/completions',
  channelId: 'ch_1',
  channelType: 'PLATFORM',
  promptTokens: 10,
  completionTokens: 5,
  cachedTokens: 1,
  cacheWriteTokens: 2,
  reasoningTokens: 3,
  costNano: '1',
  batchId: null,
  ...over,
});

const text = async (stream: Readable): Promise<string> => {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
};

describe('usage CSV', () => {
  it('writes the cost as the exact decimal of its nano-USD, never through a float', () => {
    expect(csvLine(row({ costNano: '1' }))).toContain(',0.000000001,');
    expect(csvLine(row({ costNano: '9007199254740993123' }))).toContain(',9007199254.740993123,');
    expect(csvLine(row({ costNano: '0', batchId: 'batch_1' }))).toBe(
      '2026-04-10T10:00:00.123Z,req_1,usr_1,gpt-4o-mini,/v1/chat/completions,ch_1,PLATFORM,10,5,1,2,3,0.000000000,batch_1\r\n',
    );
  });

  it('quotes what needs quoting and keeps spreadsheets from running a field as a formula', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('plain')).toBe('plain');
  });

  it('streams every page after a header row, and stops at the cap saying so', async () => {
    const asked: UsageExportRequest[] = [];
    const pages = 3;
    const small = await usageCsv({ userId: 'usr_1' }, async (request) => {
      asked.push(request);
      const index = asked.length - 1;
      return { rows: [row({ requestId: `req_${index}` })], nextAfter: index + 1 < pages ? String(100 - index) : null, counted: 3 };
    });
    expect(small.truncated).toBe(false);
    const lines = (await text(small.body)).split('\r\n');
    expect(lines[0]).toMatch(/^created_at,request_id,/);
    expect(lines.slice(1, -1).map((l) => l.split(',')[1])).toEqual(['req_0', 'req_1', 'req_2']);
    expect(asked.map((r) => r.after)).toEqual([undefined, '100', '99']);
    expect(asked[0]).toMatchObject({ userId: 'usr_1', countUpTo: USAGE_CSV_MAX_ROWS + 1 });

    let served = 0;
    const big = await usageCsv({ userId: null }, async (request) => {
      const rows = Array.from({ length: request.limit }, (_, i) => row({ requestId: `req_${served + i}` }));
      served += rows.length;
      return { rows, nextAfter: 'more', counted: USAGE_CSV_MAX_ROWS + 1 };
    });
    expect(big.truncated).toBe(true);
    expect((await text(big.body)).split('\r\n').length - 2).toBe(USAGE_CSV_MAX_ROWS);
    expect(served).toBe(USAGE_CSV_MAX_ROWS);
  });
});

describe('summary query parameters', () => {
  const now = Date.parse('2026-04-10T10:20:30Z') / 1000;

  it('rounds the range out to whole UTC hours and defaults it to the last 30 days (24 hours for hourly)', () => {
    expect(summaryRangeOf({ from: '2026-04-01T00:30:00Z', to: '2026-04-02T23:00:01Z' }, 86_400, 31 * 86_400, 3600, now)).toEqual({
      from: Date.parse('2026-04-01T00:00:00Z') / 1000,
      to: Date.parse('2026-04-03T00:00:00Z') / 1000,
    });
    expect(summaryRangeOf({}, 86_400, 31 * 86_400, 3600, now)).toEqual({
      from: Date.parse('2026-04-09T10:00:00Z') / 1000,
      to: Date.parse('2026-04-10T11:00:00Z') / 1000,
    });
    // a day bucket is a whole UTC day
    expect(usageSummaryOf('usr_1', { from: '2026-04-01T00:30:00Z', to: '2026-04-02T23:00:01Z' }, ['none'])).toMatchObject({
      from: Date.parse('2026-04-01T00:00:00Z') / 1000,
      to: Date.parse('2026-04-03T00:00:00Z') / 1000,
    });
    expect(usageSummaryOf('usr_1', { granularity: 'hour' }, ['none'])).toMatchObject({
      userId: 'usr_1',
      granularity: 'hour',
      groupBy: 'none',
    });
    const daily = usageSummaryOf(null, {}, ['none']);
    expect(daily.to - daily.from).toBeGreaterThanOrEqual(30 * 86_400);
  });

  it('refuses empty and over-long ranges, unknown granularities and groupings, naming the parameter', () => {
    const refused = (query: Record<string, string>, param: string) =>
      expect(() => usageSummaryOf('usr_1', query, ['none', 'model'])).toThrow(expect.objectContaining({ code: 'invalid_value', param }));
    refused({ from: '2026-04-02', to: '2026-04-01' }, 'from');
    refused({ from: '2026-04-01', to: '2026-04-01' }, 'from');
    refused({ granularity: 'hour', from: '2026-01-01', to: '2026-02-02' }, 'from');
    refused({ granularity: 'day', from: '2025-01-01', to: '2026-02-06' }, 'from');
    refused({ granularity: 'day', from: '2025-01-01T12:00:00Z', to: '2026-02-05T12:00:00Z' }, 'from'); // 400 days, 401 once rounded out
    refused({ granularity: 'week' }, 'granularity');
    refused({ group_by: 'user' }, 'group_by');
    expect(() => usageSummaryOf('usr_1', { granularity: 'hour', from: '2026-01-01', to: '2026-02-01' }, ['none'])).not.toThrow();
    expect(() => topSpendersOf({ limit: '0' })).toThrow(expect.objectContaining({ param: 'limit' }));
    expect(() => topSpendersOf({ limit: '1e3' })).toThrow(expect.objectContaining({ param: 'limit' }));
    expect(topSpendersOf({ limit: '100' }).limit).toBe(100);
  });
});
