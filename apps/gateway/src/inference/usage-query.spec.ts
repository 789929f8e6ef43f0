import { timeParam, usageFilterOf } from './usage-query';

describe('usage query parameters', () => {
  it('reads unix seconds and ISO dates, and refuses anything else naming the parameter', () => {
    expect(timeParam('1763769600', 'from')).toBe(1763769600);
    expect(timeParam('2025-11-22', 'from')).toBe(1763769600);
    expect(timeParam('2025-11-22T00:00:10Z', 'to')).toBe(1763769610);
    expect(timeParam(undefined, 'from')).toBeUndefined();
    expect(() => timeParam('yesterday', 'to')).toThrow(expect.objectContaining({ code: 'invalid_value', param: 'to' }));
  });

  it('builds a filter with only what was asked', () => {
    expect(usageFilterOf('usr_1', { model: 'm', batch_id: 'batch_1' })).toEqual({ userId: 'usr_1', from: undefined, to: undefined, model: 'm', batchId: 'batch_1' });
    expect(usageFilterOf(null, {})).toEqual({ userId: null, from: undefined, to: undefined });
  });
});
