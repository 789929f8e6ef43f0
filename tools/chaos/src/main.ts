import { execSync } from 'child_process';
import { cpus } from 'os';
import { readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { ChaosRun, runChaos, StackMode } from '@switchyard/testing';
import { profilesFor } from './profiles';
import { renderReport } from './report';

/**
 * `npm run chaos [-- --mode split|single] [-- --fault <part of a fault's name>] [-- --keep-logs <folder>]`: runs the faults and
 * writes docs/reliability.md; a run of some faults only (`--fault`) writes its report to a temporary file.
 */
const NOT_COVERED = [
  "The launcher's own embedded nats-server and s3rver are not the ones taken away: the harness passes NATS_URL and S3_ENDPOINT of its own (the same code paths in the services; the launcher does not restart its nats-server either).",
  'Objects left in S3 without a file record (an upload cut mid-way) are not counted; only the reverse (a record without its bytes) is an invariant. The files sweeper removes orphans later.',
  "NATS cluster: one node is lost, never two (two of three lose the quorum: JetStream stops taking writes until one is back); the launcher's embedded NATS is one server, so the cluster is the harness's own.",
  'Anthropic-format callers under upstream misbehaviour: only the streamed misbehaviours are sent in the Anthropic format; the steady load and the non-streamed ones use the OpenAI format.',
];

async function main(): Promise<void> {
  const modeArg = process.argv.indexOf('--mode');
  const modes: StackMode[] = modeArg >= 0 ? [process.argv[modeArg + 1] as StackMode] : ['split', 'single'];
  const faultArg = process.argv.indexOf('--fault');
  const faultFilter = faultArg >= 0 ? process.argv[faultArg + 1] : undefined;
  const logsArg = process.argv.indexOf('--keep-logs');
  const keepLogsIn = logsArg >= 0 ? resolve(process.argv[logsArg + 1]) : undefined;
  const profiles = profilesFor(modes, faultFilter).map((p) => ({ ...p, keepLogsIn }));
  if (profiles.length === 0) throw new Error(`no fault's name contains "${faultFilter}"`);
  const started = Date.now();
  const runs: ChaosRun[] = [];
  for (const profile of profiles)
    runs.push(
      await runChaos(profile, (line) => process.stdout.write(`[chaos ${profile.mode}${profile.natsCluster ? ' cluster' : ''}] ${line}\n`)),
    );
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const report = renderReport(runs, {
    commit,
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`,
    durationS: Math.round((Date.now() - started) / 1000),
    notCovered: NOT_COVERED,
    findings: readFileSync(resolve('tools/chaos/findings.md'), 'utf8'),
  });
  const path = faultFilter === undefined ? resolve('docs/reliability.md') : join(tmpdir(), `chaos-report-${Date.now()}.md`);
  writeFileSync(path, report);
  process.stdout.write(`wrote ${path}\n`);
  const broken =
    runs.flatMap((r) => r.faults.flatMap((f) => f.invariants)).filter((i) => !i.held).length +
    runs.flatMap((r) => r.failover).filter((f) => !f.asExpected).length;
  process.exit(broken > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`chaos: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
