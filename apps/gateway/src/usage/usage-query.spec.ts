import fc from 'fast-check';
import { DomainError } from '@switchyard/contracts';
import { queryParam, timeParam, usageFilterOf } from './usage-query';

describe('usage query parameters', () => {
  it('reads unix seconds and ISO dates, and refuses anything else naming the parameter', () => {
    expect(timeParam('1763769600', 'from')).toBe(1763769600);
    expect(timeParam('2025-11-22', 'from')).toBe(1763769600);
    expect(timeParam('2025-11-22T00:00:10Z', 'to')).toBe(1763769610);
    expect(timeParam(undefined, 'from')).toBeUndefined();
    expect(() => timeParam('yesterday', 'to')).toThrow(expect.objectContaining({ code: 'invalid_value', param: 'to' }));
  });

  it('refuses times Postgres cannot hold with a 400 naming the parameter, instead of failing the query', () => {
    for (const value of ['99999999999999999999', '253402300800', '9007199254740993', '0000-01-01', '-1', '10000-01-01', '2025-13-45']) {
      expect(() => timeParam(value, 'from')).toThrow(expect.objectContaining({ code: 'invalid_value', param: 'from' }));
    }
    expect(timeParam('253402300799', 'to')).toBe(253402300799);
    expect(timeParam('9999-12-31T23:59:59Z', 'to')).toBe(253402300799);
  });

  it('property: any query value is a time in range or a 400 naming the parameter', () => {
    const value = fc.oneof(
      fc.string(),
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
    );
    fc.assert(
      fc.property(value, (v) => {
        try {
          const seconds = timeParam(v, 'to');
          if (seconds !== undefined) expect(seconds >= 0 && seconds <= 253402300799 && Number.isInteger(seconds)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ code: 'invalid_value', param: 'to' });
        }
      }),
    );
  });

  it('builds a filter with only what was asked', () => {
    expect(usageFilterOf('usr_1', { model: 'm', batch_id: 'batch_1' })).toEqual({
      userId: 'usr_1',
      from: undefined,
      to: undefined,
      model: 'm',
      batchId: 'batch_1',
    });
    expect(usageFilterOf(null, {})).toEqual({ userId: null, from: undefined, to: undefined });
  });

  it('reads an empty parameter as absent and refuses one given twice, naming the public parameter', () => {
    expect(queryParam({ user_id: '' }, 'user_id')).toBeUndefined();
    expect(usageFilterOf(null, { model: '', batch_id: '', from: '' })).toEqual({ userId: null, from: undefined, to: undefined });
    expect(() => queryParam({ user_id: ['usr_1', 'usr_2'] }, 'user_id')).toThrow(
      expect.objectContaining({ code: 'invalid_value', param: 'user_id' }),
    );
    expect(() => usageFilterOf('usr_1', { batch_id: ['a', 'b'] })).toThrow(
      expect.objectContaining({ code: 'invalid_value', param: 'batch_id' }),
    );
  });
});
