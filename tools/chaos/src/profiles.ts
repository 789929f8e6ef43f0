import {
  ChaosProfile,
  FAILOVER_CASES,
  killService,
  MISBEHAVIOURS,
  natsNodeKill,
  natsRestart,
  objectStorageOutage,
  postgresOutage,
  SPLIT_KILLS,
  StackMode,
} from '@switchyard/testing';

const COMMON = { callers: 4, batchLines: 40, timeoutMs: 30_000 };

/**
 * `npm run chaos`: every fault in both modes; upstream misbehaviour in split mode (it does not depend
 * on the mode); then, on a three-node NATS cluster, one node killed, in both modes.
 */
export function fullProfiles(): ChaosProfile[] {
  const outages = [natsRestart(5_000), postgresOutage(15_000), objectStorageOutage(10_000)];
  return [
    { mode: 'split', faults: [...SPLIT_KILLS, ...outages], misbehaviours: MISBEHAVIOURS, failover: FAILOVER_CASES, ...COMMON },
    { mode: 'single', faults: [killService('switchyard'), ...outages], misbehaviours: [], ...COMMON },
    { mode: 'split', natsCluster: true, faults: [natsNodeKill(5_000)], misbehaviours: [], ...COMMON },
    { mode: 'single', natsCluster: true, faults: [natsNodeKill(5_000)], misbehaviours: [], ...COMMON },
  ];
}

/**
 * The profiles of `modes`; with `faultFilter`, only the faults whose name contains it (any case),
 * without the upstream misbehaviours, and only the profiles left with a fault.
 */
export function profilesFor(modes: StackMode[], faultFilter?: string): ChaosProfile[] {
  const profiles = fullProfiles().filter((p) => modes.includes(p.mode));
  if (faultFilter === undefined) return profiles;
  const wanted = faultFilter.toLowerCase();
  return profiles
    .map((p) => ({ ...p, faults: p.faults.filter((f) => f.name.toLowerCase().includes(wanted)), misbehaviours: [] }))
    .filter((p) => p.faults.length > 0);
}
