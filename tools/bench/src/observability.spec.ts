import { summarizeVariants, variantOrder, VariantRun } from './observability';

const run = (variant: VariantRun['variant'], cpu: number, spans = 0, unreadable = 0): VariantRun => ({
  variant,
  round: 1,
  requests: 1000,
  seconds: 2,
  rps: 500,
  cpu_s_per_1000: cpu,
  all_cpu_s_per_1000: cpu + 0.5,
  cpu_s_per_1000_by_process: {},
  scrapes: variant === 'metrics_scraped' ? 12 : 0,
  spans,
  unreadable_exports: unreadable,
});

describe('the observability summary', () => {
  it('gives each variant its mean CPU and ratio to the baseline, and passes tracing within 10 % when spans arrived', () => {
    const summary = summarizeVariants([
      run('baseline', 2),
      run('baseline', 2.2),
      run('metrics_scraped', 2.2),
      run('tracing', 2.3, 3000),
      run('tracing', 2.3, 3000),
    ]);
    expect(summary.map((s) => [s.variant, s.cpu_s_per_1000, s.ratio_vs_baseline, s.passed])).toEqual([
      ['baseline', 2.1, null, null],
      ['metrics_scraped', 2.2, 1.048, null],
      ['tracing', 2.3, 1.095, true],
    ]);
    expect(summary[2].spans_per_request).toBe(3);
    expect(summary[1].scrapes).toBe(12);
  });

  it('fails tracing above the bound', () => {
    expect(summarizeVariants([run('baseline', 2), run('tracing', 2.4, 10)])[1]).toMatchObject({ ratio_vs_baseline: 1.2, passed: false });
  });

  it('claims no figure for tracing when no span arrived, and says why', () => {
    const [, silent] = summarizeVariants([run('baseline', 2), run('tracing', 2.01)]);
    expect(silent).toMatchObject({ passed: false, ratio_vs_baseline: null, note: expect.stringMatching(/tracing is not active/) });
    const [, unreadable] = summarizeVariants([run('baseline', 2), run('tracing', 2.3, 0, 4)]);
    expect(unreadable).toMatchObject({
      passed: false,
      ratio_vs_baseline: null,
      note: expect.stringMatching(/4 exports it could not read/),
    });
  });

  it('flags a baseline that sent spans', () => {
    expect(summarizeVariants([run('baseline', 2, 5)])[0].note).toMatch(/tracing was not off/);
  });

  it('shows the sampled run against the baseline without judging it, and fails it when no span arrived', () => {
    const [, sampled] = summarizeVariants([run('baseline', 2), run('tracing_sampled', 2.1, 340)]);
    expect(sampled).toMatchObject({
      ratio_vs_baseline: 1.05,
      spans_per_request: 0.34,
      passed: null,
      note: expect.stringMatching(/parentbased_traceidratio 0.1/),
    });
    const [, silent] = summarizeVariants([run('baseline', 2), run('tracing_sampled', 2)]);
    expect(silent).toMatchObject({ passed: false, ratio_vs_baseline: null, note: expect.stringMatching(/tracing is not active/) });
  });

  it('rotates the order of the variants from round to round', () => {
    expect([0, 1, 2, 3, 4].map(variantOrder)).toEqual([
      ['baseline', 'metrics_scraped', 'tracing', 'tracing_sampled'],
      ['metrics_scraped', 'tracing', 'tracing_sampled', 'baseline'],
      ['tracing', 'tracing_sampled', 'baseline', 'metrics_scraped'],
      ['tracing_sampled', 'baseline', 'metrics_scraped', 'tracing'],
      ['baseline', 'metrics_scraped', 'tracing', 'tracing_sampled'],
    ]);
  });
});
