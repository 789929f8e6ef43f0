import { promqlReferences } from './promql-references';

describe('promqlReferences', () => {
  it('finds selectors with their matcher labels, skipping strings, ranges and functions', () => {
    const refs = promqlReferences(
      'sum(rate(a_total{status=~"5..", route!="x{y}"}[5m])) / sum(rate(a_total[5m])) > 0.05 and on() vector(1)',
    );
    expect(refs.selectors).toEqual([
      { metric: 'a_total', labels: ['status', 'route'] },
      { metric: 'a_total', labels: [] },
    ]);
  });

  it('scopes a grouping to the aggregation it belongs to, written before or after its parentheses', () => {
    const refs = promqlReferences('histogram_quantile(0.99, sum by (le, subject) (rate(b_bucket[1m]))) + max(c) by (channel) * 3600');
    expect(refs.groupings).toEqual([
      { clause: 'by', labels: ['le', 'subject'], metrics: ['b_bucket'] },
      { clause: 'by', labels: ['channel'], metrics: ['c'] },
    ]);
  });

  it('gives a vector matching clause every metric of the expression', () => {
    const refs = promqlReferences('x / ignoring(state) group_left y{state="a"}');
    expect(refs.groupings).toEqual([
      { clause: 'ignoring', labels: ['state'], metrics: ['x', 'y'] },
      { clause: 'group_left', labels: [], metrics: ['x', 'y'] },
    ]);
  });

  it('reads a selector named by __name__, and refuses one without a name or an unknown function', () => {
    expect(promqlReferences('{__name__="up", job="g"}').selectors).toEqual([{ metric: 'up', labels: ['job'] }]);
    expect(() => promqlReferences('{job="g"}')).toThrow(/without a metric name/);
    expect(() => promqlReferences('rates(x[1m])')).toThrow(/unknown function rates/);
    expect(() => promqlReferences('sum(x')).toThrow(/unbalanced/);
  });

  it('reads offsets and durations as numbers, not metrics', () => {
    expect(promqlReferences('increase(x[1h] offset 1d) > 1h30m').selectors.map((s) => s.metric)).toEqual(['x']);
  });
});
