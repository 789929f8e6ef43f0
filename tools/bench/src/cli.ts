/** The deployment modes the benchmark measures (`SWITCHYARD_MODE`), the default first. */
export const MODES = ['single', 'split'] as const;
export type Mode = (typeof MODES)[number];

/** Every workload, in the order a run measures them; `--only` names a subset. */
export const WORKLOADS = [
  'latency',
  'answer_sizes',
  'throughput',
  'in_flight',
  'streaming',
  'concurrent_streams',
  'files',
  'batches',
  'live_during_batch',
  'batch_validation',
  'console',
  'batch_killed',
] as const;
export type Workload = (typeof WORKLOADS)[number];

/** Workloads that kill one service's process: they run in split mode only. */
export const SPLIT_ONLY: readonly Workload[] = ['batch_killed'];

/**
 * What a measured stack has on, each against a baseline stack (the always-on metrics, nothing else)
 * running at the same time: metrics scraped every second, every request traced, one request in ten
 * traced (what an operator would run with), or tracing loaded with nothing sampled (the cost of
 * carrying the trace context alone).
 */
export const VARIANTS = ['metrics_scraped', 'tracing', 'tracing_sampled', 'tracing_unsampled'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface BenchOptions {
  quick: boolean;
  /** the cost of metrics and tracing instead of the workloads (`npm run bench -- observability`) */
  observability: boolean;
  force: boolean;
  reportOnly: boolean;
  help: boolean;
  modes: Mode[];
  workloads: Workload[];
  /** the observability run's variants (`--variants`; all by default) */
  variants: Variant[];
}

export const HELP = `npm run bench [-- options]   measure the system started as \`npm start\` does; writes docs/benchmarks.{md,json}

  --quick               the short profile (about 6 minutes for both modes); writes docs/benchmarks-quick.*
  --mode single|split   measure one deployment mode (default: both, one after the other)
  --only a,b            run only these workloads: ${WORKLOADS.join(', ')}
                        (a run with --only or --mode leaves docs/ alone: its results go to a temporary file)
  <workload>            the same as --only <workload>, e.g. \`npm run bench -- console --mode single\`
  observability         instead of the workloads: CPU per 1,000 requests with metrics scraped every second, with every
                        request traced (OTLP to an in-bench sink), one in ten, and none sampled, each on a fresh stack
                        loaded at the same time as a fresh baseline stack (single mode unless --mode split; --quick:
                        one round). Leaves docs/ alone
  --variants a,b        the observability run's variants only: ${VARIANTS.join(', ')}
  --force               measure even when the machine is busy before the start
  --report-only         write the report again from the last run's JSON (after editing tools/bench/findings.md)
  --help                this text
`;

/** Parses the benchmark's arguments; throws on an unknown flag, mode or workload. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    observability: false,
    force: false,
    reportOnly: false,
    help: false,
    modes: [...MODES],
    workloads: [...WORKLOADS],
    variants: [...VARIANTS],
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--quick') options.quick = true;
    else if (argv[i] === 'observability') options.observability = true;
    else if (flag === '--force') options.force = true;
    else if (flag === '--report-only') options.reportOnly = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--mode') {
      const mode = value();
      if (!(MODES as readonly string[]).includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}, not ${mode}`);
      options.modes = [mode as Mode];
    } else if (flag === '--only') options.workloads = subsetOf(WORKLOADS, value(), 'workload');
    else if (flag === '--variants') options.variants = subsetOf(VARIANTS, value(), 'variant');
    else if ((WORKLOADS as readonly string[]).includes(argv[i])) {
      // a bare workload name: that workload alone (`npm run bench -- console`)
      options.workloads = [argv[i] as Workload];
    } else throw new Error(`unknown option ${argv[i]}\n\n${HELP}`);
  }
  return options;
}

/** The members of `known` a comma-separated list names, in `known`'s order; throws on a name it does not know. */
function subsetOf<T extends string>(known: readonly T[], list: string, what: string): T[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`unknown ${what} ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return known.filter((k) => names.includes(k));
}

/** Whether this run measures everything (only a complete run replaces docs/benchmarks*.md). */
export const isCompleteRun = (options: BenchOptions) =>
  !options.observability && options.modes.length === MODES.length && options.workloads.length === WORKLOADS.length;

/** The workloads to run in `mode`. */
export const workloadsFor = (options: BenchOptions, mode: Mode): Workload[] =>
  options.workloads.filter((w) => mode === 'split' || !SPLIT_ONLY.includes(w));
