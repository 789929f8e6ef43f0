import { profilesFor } from './profiles';

describe('chaos profiles', () => {
  it('runs the NATS node kill on a three-node cluster, in both modes', () => {
    const cluster = profilesFor(['split', 'single']).filter((p) => p.natsCluster);
    expect(cluster.map((p) => [p.mode, p.faults.map((f) => f.name)])).toEqual([
      ['split', ['one NATS cluster node killed']],
      ['single', ['one NATS cluster node killed']],
    ]);
  });

  it('--fault keeps the faults whose name contains it (any case), drops the misbehaviours and the profiles left empty', () => {
    const profiles = profilesFor(['split'], 'Cluster Node');
    expect(profiles.map((p) => ({ cluster: p.natsCluster, faults: p.faults.map((f) => f.name), misbehaviours: p.misbehaviours }))).toEqual([
      { cluster: true, faults: ['one NATS cluster node killed'], misbehaviours: [] },
    ]);
    expect(profilesFor(['split'], 'kill -9 router').map((p) => p.faults.map((f) => f.name))).toEqual([['kill -9 router']]);
    expect(profilesFor(['split', 'single'], 'no such fault')).toEqual([]);
  });
});
