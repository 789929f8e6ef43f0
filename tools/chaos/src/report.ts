import { ChaosRun, FaultReport, InvariantResult, OUTCOMES, Outcome } from '@switchyard/testing';

const seconds = (ms: number | null) => (ms === null ? 'did not recover' : `${(ms / 1000).toFixed(1)} s`);
const counts = (c: Record<Outcome, number>) =>
  OUTCOMES.filter((o) => c[o] > 0)
    .map((o) => `${c[o]} ${o.replace('_', ' ')}`)
    .join(', ') || 'none';
const verdict = (i: InvariantResult) => (i.held ? 'held' : '**broken**');

function faultRow(f: FaultReport): string {
  const broken = f.invariants.filter((i) => !i.held).length;
  return `| ${f.fault.name} | ${counts(f.inFlight)} | ${(f.inFlightSlowestMs / 1000).toFixed(1)} s | ${counts(f.during)} | ${seconds(f.recoveryMs)} | ${broken === 0 ? `all ${f.invariants.length} held` : `**${broken} broken**`} |`;
}

function faultSection(f: FaultReport): string[] {
  return [
    `### ${f.fault.name}`,
    '',
    `${f.fault.description}. Brought back by ${f.fault.restoredBy}.`,
    '',
    `- requests in flight at the fault: ${counts(f.inFlight)}; the last ended ${(f.inFlightSlowestMs / 1000).toFixed(1)} s after the fault`,
    `- requests started until the system served again: ${counts(f.during)}`,
    `- what the failed ones got (kind, status): ${f.failures}`,
    `- recovery (three probes in a row succeed: a chat, a file list, a batch list): ${seconds(f.recoveryMs)}`,
    ...(f.afterRecovery
      ? [`- requests started after that, through the ${f.fault.outageMs / 1000} s outage's end and the heal: ${counts(f.afterRecovery)}`]
      : []),
    ...f.errors.map((e) => `- harness error: ${e}`),
    '',
    '| invariant | result | figures |',
    '|---|---|---|',
    ...f.invariants.map((i) => `| ${i.name} | ${verdict(i)} | ${i.detail.replace(/\|/g, '\\|')} |`),
    '',
  ];
}

function modeSection(run: ChaosRun): string[] {
  const lines = [
    `## ${run.mode} mode${run.natsCluster ? ', on a three-node NATS cluster' : ''}`,
    '',
    '| fault | in flight at the fault | last in-flight ended after | started during the fault | recovery | invariants |',
    '|---|---|---|---|---|---|',
    ...run.faults.map(faultRow),
    '',
    ...run.faults.flatMap(faultSection),
  ];
  if (run.misbehaviours.length > 0) {
    lines.push(
      `### Upstream misbehaviour (${run.mode} mode)`,
      '',
      'One chat each through the gateway to the mock upstream misbehaving as named, with the `openai` SDK; the streamed ones',
      'also as an Anthropic Messages stream with `@anthropic-ai/sdk` (demo Anthropic channel).',
      '',
      '| misbehaviour | caller | caller got | expected | as expected | content chunks delivered | time | usage record |',
      '|---|---|---|---|---|---|---|---|',
      ...run.misbehaviours.map(
        (m) =>
          `| ${m.misbehaviour.name} | ${m.api} | ${m.outcome.replace('_', ' ')}${m.status ? ` (${m.status})` : ''} | ${m.misbehaviour.expected.replace('_', ' ')} | ${m.outcome === m.misbehaviour.expected ? 'yes' : '**no**'} | ${m.deliveredChunks} | ${(m.elapsedMs / 1000).toFixed(1)} s | ${m.billed ? 'yes' : 'no'} |`,
      ),
      '',
    );
  }
  if (run.failover.length > 0) lines.push(...failoverSection(run));
  lines.push('Checked at the end of the run:', '', ...run.final.map((i) => `- ${i.name}: ${verdict(i)} (${i.detail})`), '');
  return lines;
}

function failoverSection(run: ChaosRun): string[] {
  return [
    `### Upstream misbehaviour with a healthy second channel (${run.mode} mode)`,
    '',
    'Two channels serve the model: the preferred one on a mock of its own that misbehaves as named, the other healthy.',
    'Before the caller has a byte the request must fail over (a whole answer from the healthy channel, billed once to it);',
    "after it, never (an error event in the caller's format, the healthy upstream not called, what was delivered billed once",
    'to the misbehaving channel). Upstream calls are counted at each mock; answered by: `x-switchyard-channel-id`.',
    '',
    '| misbehaviour | before the first byte | caller | caller got | answered by | calls (misbehaving / healthy) | content chunks | usage records (billed to) | time | as expected |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...run.failover.map(
      (r) =>
        `| ${r.failoverCase.name} | ${r.failoverCase.beforeFirstByte ? 'yes' : 'no'} | ${r.api} | ${r.outcome.replace('_', ' ')}${r.status ? ` (${r.status})` : ''} | ${r.answeredBy ?? 'none'} | ${r.misbehavingCalls} / ${r.healthyCalls} | ${r.deliveredChunks} | ${r.usageRecords} (${r.billedTo ?? 'none'}) | ${(r.elapsedMs / 1000).toFixed(1)} s | ${r.asExpected ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
}

export interface ReportContext {
  commit: string;
  machine: string;
  durationS: number;
  notCovered: string[];
  /** tools/chaos/findings.md: what the runs found, fixed or not, written by hand */
  findings: string;
}

/** docs/reliability.md: each fault, what happened to requests in flight, recovery time, each invariant. */
export function renderReport(runs: ChaosRun[], ctx: ReportContext): string {
  return [
    '# Reliability under faults (chaos suite)',
    '',
    `Measured by \`npm run chaos\` (tools/chaos) on ${ctx.machine}, commit ${ctx.commit}, ${new Date().toISOString()} (${ctx.durationS} s).`,
    'The system is started as `npm start` starts it (the launcher and its supervisor), on infrastructure the harness owns so',
    'it can take it away: a PostgreSQL server made with initdb on a temporary folder, a nats-server with JetStream, and s3rver',
    'behind a TCP proxy that can drop every connection. A steady bounded load runs through each fault with the official',
    '`openai` SDK: 4 chat callers (half of them streaming, 400 ms upstream answers), one small file upload every 300 ms, and a',
    'batch of 40 lines started just before the fault. Each request has a 30 s deadline. The last sections run the system on a',
    'three-node NATS cluster (JetStream clustered on loopback, `SWITCHYARD_JETSTREAM_REPLICAS=3`, `NATS_URL` listing every node).',
    '',
    'Outcomes: **ok** a whole answer; **clean error** an HTTP error with the OpenAI envelope or an SSE error event;',
    '**connection error** the connection closed without an answer (all a caller can get from a gateway that dies);',
    "**hung** nothing before the deadline; **unclean** anything else (a stream cut without an error event, a body that is not the API's).",
    '',
    'Invariants, checked after each fault once billing has caught up: every upstream call on a PLATFORM channel billed',
    "exactly once (calls counted at the mock by a tag in the prompt, against the usage records of the load's user and the",
    'request ids of the answers it received; calls in flight on a router that was killed cannot be reported by anyone and are',
    'allowed to stay unbilled, never billed twice), ledger equals balance − debt for every user, every batch line exactly',
    'once in its output or error file and billed once, every listed file has its object in S3 with its size, no request',
    'past its deadline.',
    '',
    '## Findings',
    '',
    ctx.findings.trim(),
    '',
    ...runs.flatMap(modeSection),
    '## Not covered',
    '',
    ...ctx.notCovered.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
