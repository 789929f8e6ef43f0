import { lineChartSvg, niceTicks } from './plot';

describe('niceTicks', () => {
  it('covers the range with steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 730)).toEqual([0, 200, 400, 600, 800]);
    expect(niceTicks(0, 0.9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('gives one tick for an empty range', () => {
    expect(niceTicks(0, 0)).toEqual([0]);
  });
});

describe('lineChartSvg', () => {
  it('draws one path per series, a legend entry each, and escapes text', () => {
    const svg = lineChartSvg({
      title: 'p99 <latency> & load',
      xLabel: 'RPS',
      yLabel: 'ms',
      series: [
        {
          name: 'p50',
          points: [
            [100, 22],
            [200, 23],
          ],
        },
        {
          name: 'p99',
          points: [
            [100, 30],
            [200, 41],
          ],
        },
      ],
      marks: [{ x: 150, label: 'batch' }],
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('>p50</text>');
    expect(svg).toContain('p99 &lt;latency&gt; &amp; load');
    expect(svg).toContain('>batch</text>');
  });
});
