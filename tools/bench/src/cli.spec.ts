import { HELP, isCompleteRun, parseBenchArgs, VARIANTS, WORKLOADS, workloadsFor } from './cli';

describe('parseBenchArgs', () => {
  it('measures every workload in both modes by default', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({
      quick: false,
      observability: false,
      force: false,
      reportOnly: false,
      modes: ['single', 'split'],
      workloads: [...WORKLOADS],
    });
    expect(isCompleteRun(options)).toBe(true);
  });

  it('reads --only and --mode, with a space or =, in the run order whatever the order given', () => {
    const options = parseBenchArgs(['--quick', '--only', 'streaming,latency', '--mode=single', '--force']);
    expect(options).toMatchObject({ quick: true, force: true, modes: ['single'], workloads: ['latency', 'streaming'] });
    expect(isCompleteRun(options)).toBe(false);
  });

  it('takes a bare workload name as --only that workload', () => {
    expect(parseBenchArgs(['console', '--mode', 'single'])).toMatchObject({ modes: ['single'], workloads: ['console'] });
  });

  it('refuses unknown flags, modes and workloads, naming what is known', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseBenchArgs(['--mode', 'both'])).toThrow(/single, split/);
    expect(() => parseBenchArgs(['--only', 'latency,warp'])).toThrow(/unknown workload warp; known: latency/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/--only needs a value/);
  });

  it('takes `observability` as the cost-of-observability run, never a complete run', () => {
    const options = parseBenchArgs(['observability', '--quick', '--mode', 'split']);
    expect(options).toMatchObject({ observability: true, quick: true, modes: ['split'] });
    expect(isCompleteRun(options)).toBe(false);
    expect(isCompleteRun(parseBenchArgs(['observability']))).toBe(false);
    expect(HELP).toContain('observability');
    expect(options.variants).toEqual([...VARIANTS]);
  });

  it('takes `--variants` as the observability variants to run, in their own order, and refuses an unknown one', () => {
    expect(parseBenchArgs(['observability', '--variants', 'tracing_unsampled,tracing']).variants).toEqual(['tracing', 'tracing_unsampled']);
    expect(() => parseBenchArgs(['observability', '--variants', 'tracing,logs'])).toThrow('unknown variant logs');
    expect(() => parseBenchArgs(['observability', '--variants='])).toThrow('--variants needs a value');
  });

  it('runs the workload that kills a service in split mode only', () => {
    const options = parseBenchArgs(['--only', 'batch_killed,files']);
    expect(workloadsFor(options, 'split')).toEqual(['files', 'batch_killed']);
    expect(workloadsFor(options, 'single')).toEqual(['files']);
  });

  it('prints --only and --mode in --help', () => {
    expect(parseBenchArgs(['--help']).help).toBe(true);
    expect(HELP).toContain('--only');
    expect(HELP).toContain('--mode single|split');
    expect(HELP).toContain('--force');
  });
});
