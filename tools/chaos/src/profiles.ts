import {
  ChaosProfile,
  FAILOVER_CASES,
  killService,
  MISBEHAVIOURS,
  natsRestart,
  objectStorageOutage,
  postgresOutage,
  SPLIT_KILLS,
  StackMode,
} from '@switchyard/testing';

const COMMON = { callers: 4, batchLines: 40, timeoutMs: 30_000 };

/** `npm run chaos`: every fault in both modes; upstream misbehaviour and failover in split mode (they do not depend on the mode). */
export function fullProfiles(): ChaosProfile[] {
  const outages = [natsRestart(5_000), postgresOutage(15_000), objectStorageOutage(10_000)];
  return [
    { mode: 'split', faults: [...SPLIT_KILLS, ...outages], misbehaviours: MISBEHAVIOURS, failover: FAILOVER_CASES, ...COMMON },
    { mode: 'single', faults: [killService('switchyard'), ...outages], misbehaviours: [], ...COMMON },
  ];
}

export function profilesFor(modes: StackMode[]): ChaosProfile[] {
  return fullProfiles().filter((p) => modes.includes(p.mode));
}
