import { PairRun, summarizeVariants, StackFigures } from './observability';

const stackFigures = (cpu: number): StackFigures => ({
  requests: 1000,
  seconds: 2,
  rps: 500,
  cpu_s_per_1000: cpu,
  all_cpu_s_per_1000: cpu + 0.5,
  cpu_s_per_1000_by_process: {},
});

const pair = (variant: PairRun['variant'], baseline: number, measured: number, spans = 0, unreadable = 0): PairRun => ({
  variant,
  round: 1,
  baseline: stackFigures(baseline),
  measured: stackFigures(measured),
  ratio: Math.round((measured / baseline) * 1000) / 1000,
  scrapes: variant === 'metrics_scraped' ? 12 : 0,
  spans,
  unreadable_exports: unreadable,
});

describe('the observability summary', () => {
  it('gives each variant the mean of its pairs’ ratios, and passes tracing within 10 % when spans arrived', () => {
    const summary = summarizeVariants([pair('metrics_scraped', 2, 2.1), pair('tracing', 2, 2.2, 3000), pair('tracing', 1.5, 1.59, 3000)]);
    expect(summary.map((s) => [s.variant, s.cpu_s_per_1000, s.baseline_cpu_s_per_1000, s.ratio_vs_baseline, s.ratios, s.passed])).toEqual([
      ['metrics_scraped', 2.1, 2, 1.05, [1.05], null],
      ['tracing', 1.895, 1.75, 1.08, [1.1, 1.06], true],
    ]);
    expect(summary[1].spans_per_request).toBe(3);
    expect(summary[0]).toMatchObject({ scrapes: 12, spans_per_request: null });
  });

  it('fails tracing above the bound', () => {
    expect(summarizeVariants([pair('tracing', 2, 2.4, 10)])[0]).toMatchObject({ ratio_vs_baseline: 1.2, passed: false });
  });

  it('claims no figure for tracing when no span arrived, and says why', () => {
    const [silent] = summarizeVariants([pair('tracing', 2, 2.01)]);
    expect(silent).toMatchObject({ passed: false, ratio_vs_baseline: null, note: expect.stringMatching(/tracing is not active/) });
    const [unreadable] = summarizeVariants([pair('tracing', 2, 2.3, 0, 4)]);
    expect(unreadable).toMatchObject({
      passed: false,
      ratio_vs_baseline: null,
      note: expect.stringMatching(/4 exports it could not read/),
    });
  });

  it('shows the sampled run against its baselines without judging it, and fails it when no span arrived', () => {
    const [sampled] = summarizeVariants([pair('tracing_sampled', 2, 2.1, 340)]);
    expect(sampled).toMatchObject({
      ratio_vs_baseline: 1.05,
      spans_per_request: 0.34,
      passed: null,
      note: expect.stringMatching(/parentbased_traceidratio 0.1/),
    });
    const [silent] = summarizeVariants([pair('tracing_sampled', 2, 2)]);
    expect(silent).toMatchObject({ passed: false, ratio_vs_baseline: null, note: expect.stringMatching(/tracing is not active/) });
  });

  it('shows the unsampled run (context carried, nothing recorded) and flags one that sent spans', () => {
    expect(summarizeVariants([pair('tracing_unsampled', 2, 2.1)])[0]).toMatchObject({
      ratio_vs_baseline: 1.05,
      spans_per_request: 0,
      passed: null,
      note: expect.stringMatching(/no span recorded/),
    });
    expect(summarizeVariants([pair('tracing_unsampled', 2, 2.1, 5)])[0].note).toMatch(/sampler was not applied/);
  });
});
