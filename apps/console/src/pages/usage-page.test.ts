import { describe, expect, it } from 'vitest';
import { usageQuery } from './usage-page';

const NOW = Date.UTC(2026, 11, 3, 10, 15);

describe('usageQuery', () => {
  it('sends the range as unix seconds and only the filters that were filled', () => {
    const to = Date.UTC(2026, 11, 3, 11) / 1000;
    expect(usageQuery({ range: '24h', model: '', batchId: ' ' }, NOW)).toEqual({ from: String(to - 86_400), to: String(to) });
    expect(usageQuery({ range: '7d', model: ' mock-gpt ', batchId: 'batch_1' }, NOW)).toEqual({
      from: String(to - 7 * 86_400),
      to: String(to),
      model: 'mock-gpt',
      batch_id: 'batch_1',
    });
  });
});
