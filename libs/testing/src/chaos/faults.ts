import { ServiceNames } from '@switchyard/contracts';
import { eventually, LocalNatsCluster } from '@switchyard/runtime';
import { RunningStack } from '../stack';
import { InvariantResult } from './invariants';
import { OwnedNats, OwnedPostgres, SwitchableS3 } from './owned-infrastructure';
import { rateLimitHolds, type FaultCheck } from './rate-limit-check';
import { currentServicePid } from './service-processes';

/** What a fault may act on: the stack and the infrastructure the harness owns. */
export interface ChaosTarget {
  stack: RunningStack;
  nats: OwnedNats;
  /** the three-node cluster, when the profile runs on one (`nats` then stands for the whole cluster) */
  natsCluster: LocalNatsCluster | null;
  postgres: OwnedPostgres;
  s3: SwitchableS3;
}

export interface Fault {
  name: string;
  /** what the fault does, for the report */
  description: string;
  /** true when the calls in flight on it can no longer be reported to billing (a router dies with them) */
  killsRouter: boolean;
  /** does the damage; resolves when it is done */
  inject(target: ChaosTarget): Promise<void>;
  /** how long the damage lasts before `heal` (0: nothing to heal, the supervisor brings it back) */
  outageMs: number;
  heal(target: ChaosTarget): Promise<void>;
  /** an invariant of its own that the batch had not finished when the fault came (its lines run across it) */
  batchMustRunAcross?: boolean;
  /** how long each line of the fault's batch takes upstream (150 ms unless set; longer keeps the batch running through the fault) */
  batchLineMs?: number;
  /** the system should serve again before `heal` (e.g. one node of a cluster is lost): recovery is probed from the fault on */
  servesDuringOutage?: boolean;
  /** who brought the system back */
  restoredBy: string;
  /** checks of this fault's own, beside the invariants every fault gets */
  checks?: FaultCheck[];
  /** checks of its own, once the system serves again (before the batch and billing have settled) */
  invariants?(target: ChaosTarget): Promise<InvariantResult[]>;
}

const nothing = async () => undefined;

/** kill -9 of the process serving `service` (in single mode: the one process); the launcher restarts it. */
export function killService(service: string): Fault {
  const single = service === 'switchyard';
  return {
    name: single ? 'kill -9 the one process' : `kill -9 ${service}`,
    description: single ? 'SIGKILL to the single process that serves all five services' : `SIGKILL to the ${service} process`,
    killsRouter: single || service === 'router',
    async inject({ stack }) {
      const pid = currentServicePid(stack.launcher.pid!, service);
      if (!pid) throw new Error(`no ${service} process under the launcher (pid ${stack.launcher.pid})`);
      process.kill(pid, 'SIGKILL');
      // the launcher's supervisor starts a new one; wait until it exists so the next fault finds it
      await eventually(
        `a new ${service} process`,
        () => {
          const now = currentServicePid(stack.launcher.pid!, service);
          return now !== null && now !== pid;
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
    },
    outageMs: 0,
    heal: nothing,
    restoredBy: "the launcher's supervisor (restart on exit, 400 ms back-off on the first restart)",
  };
}

export const SPLIT_KILLS = ServiceNames.map((s) => killService(s));

export function natsRestart(outageMs: number): Fault {
  return {
    name: 'NATS killed and restarted',
    description: `SIGKILL to nats-server; a new one on the same port and JetStream folder ${outageMs / 1000} s later`,
    killsRouter: false,
    inject: ({ nats }) => nats.kill(),
    outageMs,
    heal: ({ nats }) => nats.restart(),
    restoredBy: 'the harness (nats-server restarted; Switchyard not restarted)',
    checks: [rateLimitHolds],
  };
}

export function postgresOutage(outageMs: number): Fault {
  return {
    name: 'PostgreSQL unavailable',
    description: `pg_ctl stop -m immediate; started again ${outageMs / 1000} s later`,
    killsRouter: false,
    inject: ({ postgres }) => postgres.crash(),
    outageMs,
    heal: ({ postgres }) => postgres.start(),
    restoredBy: 'the harness (PostgreSQL started again; Switchyard not restarted)',
  };
}

export function objectStorageOutage(outageMs: number): Fault {
  return {
    name: 'object storage unavailable',
    description: `every connection to S3 dropped, open and new, for ${outageMs / 1000} s`,
    killsRouter: false,
    inject: async ({ s3 }) => s3.cutOff(),
    outageMs,
    heal: async ({ s3 }) => s3.restore(),
    restoredBy: 'the harness (S3 reachable again; Switchyard not restarted)',
  };
}
