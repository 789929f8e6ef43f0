import { cpSync } from 'fs';
import { join } from 'path';
import OpenAI, { toFile } from 'openai';
import { Client } from 'pg';
import { dataOf } from '@switchyard/api-client';
import { eventually } from '@switchyard/runtime';
import { tempDir } from '../infrastructure';
import { uncheckedFetch } from '../validating-fetch';
import { apiClient, RunningStack, StackMode, startStackLikeNpmStart } from '../stack';
import { ChaosTarget, Fault } from './faults';
import {
  batchLinesOnce,
  billedOnce,
  filesHaveTheirBytes,
  InvariantResult,
  ledgerEqualsBalance,
  noRequestHung,
  platformUsageRequestIds,
  Tally,
} from './invariants';
import { FailoverCase, FailoverResult, FailoverStage } from './failover';
import { Misbehaviour, MisbehaviourResult, provoke, provokeAnthropic } from './misbehaviour';
import { countOutcomes, failureSummary, Outcome, RequestRecord } from './outcomes';
import { CLUSTER_REPLICAS, OwnedNatsCluster, startOwnedNatsCluster } from './nats-cluster-fault';
import { OwnedNats, startOwnedNats, startOwnedPostgres, startSwitchableS3 } from './owned-infrastructure';
import { Fetch, SteadyLoad } from './steady-load';

export interface ChaosProfile {
  mode: StackMode;
  faults: Fault[];
  misbehaviours: Misbehaviour[];
  /** concurrent chat callers of the steady load */
  callers: number;
  /** lines of the batch that runs through each fault */
  batchLines: number;
  /** each request's deadline */
  timeoutMs: number;
  /** copy the services' logs here before the stack is removed (to see why an invariant broke) */
  keepLogsIn?: string;
  /** how the harness talks to the gateway (validatingFetch in tests: every answer checked against the API document) */
  fetch?: Fetch;
  /** upstream misbehaviour with a second, healthy channel: failover before the caller's first byte, never after */
  failover?: FailoverCase[];
  /** the router's upstream timeout (UPSTREAM_TIMEOUT_MS unless a short run needs less) */
  upstreamTimeoutMs?: number;
  /** NATS as a three-node JetStream cluster with SWITCHYARD_JETSTREAM_REPLICAS=3, instead of one nats-server */
  natsCluster?: boolean;
}

export interface FaultReport {
  fault: Fault;
  /** requests started before the fault and ended after it */
  inFlight: Record<Outcome, number>;
  /** the longest an in-flight request took to end after the fault, ms */
  inFlightSlowestMs: number;
  /** requests started while the fault lasted (until the system served again) */
  during: Record<Outcome, number>;
  /** what the failed requests in flight and during the fault got, by kind and status */
  failures: string;
  /** from the fault until the third successive probe (a chat, a file list and a batch list) succeeded */
  recoveryMs: number | null;
  /** for a fault the system serves through: requests started after it served again, until the load stopped (the heal included) */
  afterRecovery?: Record<Outcome, number>;
  invariants: InvariantResult[];
  errors: string[];
}

export interface ChaosRun {
  mode: StackMode;
  natsCluster: boolean;
  startedAt: Date;
  faults: FaultReport[];
  misbehaviours: (MisbehaviourResult & { billed: boolean })[];
  failover: FailoverResult[];
  /** invariants over the whole run, checked at the end */
  final: InvariantResult[];
}

const PROBE_SUCCESSES = 3;
/** the router's upstream timeout in the chaos stack: a third of the callers' usual 30 s deadline */
export const UPSTREAM_TIMEOUT_MS = 10_000;
/** longer than the usage consumer's ack wait (30 s), after which JetStream delivers again what a killed billing had taken */
const USAGE_SETTLE_MS = 40_000;
const RECOVERY_LIMIT_MS = 120_000;
const BUCKET = 'switchyard';

/**
 * Starts the system like `npm start` on infrastructure the harness owns, runs a steady load, and
 * for each fault: starts a batch, injects the fault, measures what happened to the requests in
 * flight and how long until the system served again, then checks the invariants.
 */
export async function runChaos(profile: ChaosProfile, log: (line: string) => void = () => undefined): Promise<ChaosRun> {
  const folder = tempDir('chaos');
  const fetch = profile.fetch ?? uncheckedFetch;
  const postgres = await startOwnedPostgres(folder.path);
  const nats: OwnedNats | OwnedNatsCluster = await (
    profile.natsCluster ? startOwnedNatsCluster(join(folder.path, 'nats')) : startOwnedNats(folder.path)
  ).catch(async (e) => {
    await postgres.remove();
    throw e;
  });
  const s3 = await startSwitchableS3(folder.path);
  let stack: RunningStack | null = null;
  try {
    const databaseUrl = await postgres.database('switchyard');
    log(`starting the stack (${profile.mode}) on an owned PostgreSQL, ${profile.natsCluster ? 'NATS cluster' : 'nats-server'} and S3`);
    stack = await startStackLikeNpmStart(
      {
        DATABASE_URL: databaseUrl,
        NATS_URL: nats.url,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY: 'S3RVER',
        S3_SECRET_KEY: 'S3RVER',
        S3_BUCKET: BUCKET,
        // a stalled upstream stream must end within the callers' deadline
        SWITCHYARD_UPSTREAM_TIMEOUT_MS: String(profile.upstreamTimeoutMs ?? UPSTREAM_TIMEOUT_MS),
        ...(profile.natsCluster && { SWITCHYARD_JETSTREAM_REPLICAS: String(CLUSTER_REPLICAS) }),
      },
      { mode: profile.mode },
    );
    const target: ChaosTarget = { stack, nats, natsCluster: (nats as Partial<OwnedNatsCluster>).cluster ?? null, postgres, s3 };
    const admin = apiClient(stack);
    const user = dataOf(await admin.POST('/admin/users', { body: { name: 'chaos-load', credits: 1000, role: 'user' } }));
    // a steady load is not a flood: the limit is raised so that a refusal never hides what a fault did
    dataOf(
      await admin.PUT('/admin/users/{user_id}/rate-limit', {
        params: { path: { user_id: user.id } },
        body: { requests_per_minute: 1_000_000 },
      }),
    );
    const key = dataOf(await admin.POST('/admin/users/{user_id}/keys', { params: { path: { user_id: user.id } }, body: {} })).key;
    const tag = `chaos${Date.now()}`;
    const loadOptions = {
      gatewayUrl: stack.gatewayUrl,
      key,
      tag,
      callers: profile.callers,
      timeoutMs: profile.timeoutMs,
      upstreamMs: 400,
      uploadEveryMs: 300,
      fetch,
    };
    const records: RequestRecord[] = [];
    const uploaded: string[] = [];
    let unbillable = 0;
    const run: ChaosRun = {
      mode: profile.mode,
      natsCluster: Boolean(profile.natsCluster),
      startedAt: new Date(),
      faults: [],
      misbehaviours: [],
      failover: [],
      final: [],
    };
    const client = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch });

    const t0 = Date.now();
    const step = (line: string) => log(`${((Date.now() - t0) / 1000).toFixed(1)} s  ${line}`);
    for (const fault of profile.faults) {
      step(`fault: ${fault.name}`);
      const errors: string[] = [];
      const batch = await startBatch(client, `${tag}-batch`, profile.batchLines, fault.batchLineMs).catch((e) => {
        errors.push(`batch not started: ${(e as Error).message}`);
        return null;
      });
      const checks = await Promise.all((fault.checks ?? []).map((check) => check(target, fetch))).catch((e) => {
        errors.push(`checks not prepared: ${(e as Error).message}`);
        return [];
      });
      const load = new SteadyLoad(loadOptions);
      load.start();
      await sleep(1500);
      const atFault = batch ? await client.batches.retrieve(batch.id).catch(() => null) : null;
      const faultAt = Date.now();
      await fault.inject(target).catch((e) => errors.push(`inject: ${(e as Error).message}`));
      // a system that should serve through the outage is probed from the fault on, not from the heal
      const probing = () =>
        recovery(load, faultAt).catch((e) => {
          errors.push((e as Error).message);
          return null;
        });
      const recovering = fault.servesDuringOutage ? probing() : null;
      if (fault.outageMs > 0) {
        await sleep(fault.outageMs);
        await fault.heal(target).catch((e) => errors.push(`heal: ${(e as Error).message}`));
      }
      step('  injected');
      const recoveredAt = await (recovering ?? probing());
      const checked = await Promise.all(checks.map((check) => check().catch((e) => failed("the fault's own check", e))));
      await sleep(1000);
      await load.stop();
      records.push(...load.records);
      uploaded.push(...load.uploadedFileIds);
      const inFlight = load.records.filter((r) => r.startedAt < faultAt && r.endedAt >= faultAt && r.kind !== 'probe');
      if (fault.killsRouter) unbillable += inFlight.filter((r) => r.kind === 'chat' || r.kind === 'stream').length;
      const end = recoveredAt ?? Date.now();
      const during = load.records.filter((r) => r.startedAt >= faultAt && r.startedAt < end && r.kind !== 'probe');
      const afterwards = load.records.filter((r) => r.startedAt >= end && r.kind !== 'probe');

      step(`  recovered after ${recoveredAt === null ? 'never' : recoveredAt - faultAt} ms; load stopped`);
      // what a caller must never get, with what it got instead, to find the cause in the services' logs
      for (const r of [...inFlight, ...during, ...afterwards].filter((r) => r.outcome === 'unclean' || r.outcome === 'hung'))
        step(`  ${r.kind} ${r.outcome} (request ${r.requestId ?? 'unknown'}, ${r.startedAt - faultAt} ms after the fault): ${r.detail}`);
      const invariants: InvariantResult[] = [...checked];
      if (fault.invariants) invariants.push(...(await fault.invariants(target).catch((e) => [failed(fault.name, e)])));
      if (batch && fault.batchMustRunAcross) invariants.push(batchRanAcross(atFault, batch));
      if (batch) invariants.push(...(await batchInvariants(client, databaseUrl, batch).catch((e) => [failed('batch', e)])));
      step('  batch checked');
      invariants.push(...(await accountInvariants(stack, databaseUrl, user.id, tag, records, unbillable, s3.directory)));
      invariants.push(noRequestHung(load.records, profile.timeoutMs));
      run.faults.push({
        fault,
        inFlight: countOutcomes(inFlight),
        inFlightSlowestMs: Math.max(0, ...inFlight.map((r) => r.endedAt - faultAt)),
        during: countOutcomes(during),
        failures: failureSummary([...inFlight, ...during]),
        recoveryMs: recoveredAt === null ? null : recoveredAt - faultAt,
        ...(fault.servesDuringOutage && { afterRecovery: countOutcomes(afterwards) }),
        invariants,
        errors,
      });
      for (const i of invariants.filter((i) => !i.held)) step(`  BROKEN ${i.name}: ${i.detail}`);
    }

    for (const m of profile.misbehaviours) {
      step(`upstream misbehaviour: ${m.name}`);
      const results = [await provoke(client, `${tag}-mis`, m, profile.timeoutMs)];
      // streams also in the Anthropic format: the error event must be the caller's own
      if (m.stream) results.push(await provokeAnthropic(stack.gatewayUrl, key, `${tag}-mis`, m, profile.timeoutMs, fetch));
      for (const result of results) {
        const requestId = result.requestId;
        const billed = requestId
          ? await eventually('the usage record', () => usageRecorded(databaseUrl, requestId), { timeoutMs: 10_000, intervalMs: 250 }).catch(
              () => false,
            )
          : false;
        run.misbehaviours.push({ ...result, billed });
      }
    }
    if (profile.failover?.length) {
      const stage = await FailoverStage.start(stack, profile.failover);
      try {
        for (const [i, c] of profile.failover.entries()) {
          step(`failover: ${c.name}`);
          run.failover.push(
            ...(await stage.provoke(i, c, key, `${tag}-fo`, {
              upstreamTimeoutMs: profile.upstreamTimeoutMs ?? UPSTREAM_TIMEOUT_MS,
              timeoutMs: profile.timeoutMs,
              databaseUrl,
              fetch,
            })),
          );
        }
      } finally {
        await stage.stop();
      }
    }
    run.final = [await ledgerEqualsBalance(databaseUrl)];
    return run;
  } finally {
    if (stack && profile.keepLogsIn) cpSync(join(stack.dataDir, 'logs'), join(profile.keepLogsIn, profile.mode), { recursive: true });
    await stack?.stop().catch(() => undefined);
    await s3.stop().catch(() => undefined);
    await nats.stop().catch(() => undefined);
    await postgres.remove();
    folder.remove();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function failed(name: string, error: unknown): InvariantResult {
  return { name, held: false, detail: `could not be checked: ${(error as Error).message}` };
}

/** Probes until PROBE_SUCCESSES in a row succeed; resolves with the time the last one ended. */
async function recovery(load: SteadyLoad, since: number): Promise<number> {
  let streak = 0;
  while (Date.now() - since < RECOVERY_LIMIT_MS) {
    const chat = await load.chat('probe');
    load.records.push(chat);
    const others = chat.outcome === 'ok' && (await probeOthers(load.client));
    streak = others ? streak + 1 : 0;
    if (streak >= PROBE_SUCCESSES) return Date.now();
    if (!others) await sleep(100);
  }
  throw new Error(`the system did not serve ${PROBE_SUCCESSES} probes in a row within ${RECOVERY_LIMIT_MS / 1000} s`);
}

/** The files and batches services answer a listing. */
async function probeOthers(client: OpenAI): Promise<boolean> {
  try {
    await client.files.list({ limit: 1 });
    await client.batches.list({ limit: 1 });
    return true;
  } catch {
    return false;
  }
}

interface StartedBatch {
  id: string;
  customIds: string[];
}

async function startBatch(client: OpenAI, tag: string, lines: number, lineMs = 150): Promise<StartedBatch> {
  const customIds = Array.from({ length: lines }, (_, i) => `line-${i}`);
  const body = customIds
    .map((id) =>
      JSON.stringify({
        custom_id: id,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: `tally:${tag} ${id} ${Date.now()}` }], mock: { delay_ms: lineMs } },
      }),
    )
    .join('\n');
  const input = await client.files.create({ file: await toFile(Buffer.from(body), 'chaos-batch.jsonl'), purpose: 'batch' });
  const batch = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
  return { id: batch.id, customIds };
}

/** The batch had not finished when the fault came: its lines ran across it. */
function batchRanAcross(atFault: OpenAI.Batch | null, batch: StartedBatch): InvariantResult {
  const done = (atFault?.request_counts?.completed ?? 0) + (atFault?.request_counts?.failed ?? 0);
  return {
    name: 'the batch was running when the fault came',
    held: atFault !== null && !finished(atFault) && done < batch.customIds.length,
    detail: atFault ? `status ${atFault.status}, ${done} of ${batch.customIds.length} lines done` : 'its status could not be read',
  };
}

const finished = (b: OpenAI.Batch) => ['completed', 'failed', 'expired', 'cancelled'].includes(b.status);

async function batchInvariants(client: OpenAI, databaseUrl: string, batch: StartedBatch): Promise<InvariantResult[]> {
  const done = await eventually('the chaos batch to finish', () => client.batches.retrieve(batch.id), {
    until: finished,
    timeoutMs: 120_000,
    intervalMs: 500,
    retryErrors: true,
  });
  const ids: string[] = [];
  for (const fileId of [done.output_file_id, done.error_file_id]) {
    if (!fileId) continue;
    const text = await (await client.files.content(fileId)).text();
    ids.push(
      ...text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).custom_id as string),
    );
  }
  const lines = batchLinesOnce(batch.id, batch.customIds, ids);
  const completed = done.request_counts?.completed ?? 0;
  const billed = await eventually('the batch lines billed', () => batchUsageCount(databaseUrl, batch.id), {
    until: (n) => n >= completed,
    timeoutMs: 30_000,
    intervalMs: 500,
    retryErrors: true,
  }).catch(() => batchUsageCount(databaseUrl, batch.id));
  return [
    lines,
    {
      name: 'every completed batch line billed once',
      held: billed === completed,
      detail: `${completed} lines completed (status ${done.status}), ${billed} usage records`,
    },
  ];
}

async function batchUsageCount(databaseUrl: string, batchId: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM billing.usage_records WHERE batch_id = $1', [batchId])).rows[0].n);
  } finally {
    await client.end();
  }
}

async function usageRecorded(databaseUrl: string, requestId: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM billing.usage_records WHERE request_id = $1', [requestId])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function mockTally(mockUrl: string, tag: string): Promise<Tally> {
  const all = ((await (await uncheckedFetch(`${mockUrl}/__mock/tally`)).json()) as { data: Record<string, Tally> }).data;
  return all[tag] ?? { received: 0, answered: 0 };
}

/** Billing caught up (usage applied from JetStream), then: billed once, ledger = balance, files with their bytes. */
async function accountInvariants(
  stack: RunningStack,
  databaseUrl: string,
  userId: string,
  tag: string,
  records: RequestRecord[],
  unbillable: number,
  s3Directory: string,
): Promise<InvariantResult[]> {
  try {
    const tally = await mockTally(stack.mockUrl, tag);
    // usage a killed billing had taken but not acknowledged comes again after the consumer's ack wait (30 s)
    const delivered = records.filter((r) => r.outcome === 'ok' && r.requestId).map((r) => r.requestId!);
    let billed = await platformUsageRequestIds(databaseUrl, userId);
    const settleBy = Date.now() + USAGE_SETTLE_MS;
    while (Date.now() < settleBy && (delivered.some((id) => !billed.has(id)) || billed.size < tally.received - unbillable)) {
      await sleep(1000);
      billed = await platformUsageRequestIds(databaseUrl, userId);
    }
    return [
      billedOnce(tally, billed, records, unbillable),
      await ledgerEqualsBalance(databaseUrl),
      await filesHaveTheirBytes(databaseUrl, s3Directory, BUCKET),
    ];
  } catch (error) {
    return [failed('billing and files invariants', error)];
  }
}
