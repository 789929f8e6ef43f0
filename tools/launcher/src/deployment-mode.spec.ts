import { deploymentFrom } from './deployment-mode';

describe('deploymentFrom', () => {
  it('runs every service in one process by default', () => {
    expect(deploymentFrom({})).toEqual({ mode: 'single', replicas: { gateway: 1, router: 1, billing: 1, files: 1, batches: 1 } });
    expect(deploymentFrom({ SWITCHYARD_MODE: '' }).mode).toBe('single');
  });

  it('runs one process per service, with replicas, in split mode', () => {
    expect(deploymentFrom({ SWITCHYARD_MODE: 'split', SWITCHYARD_REPLICAS: 'router=2,billing=3' })).toEqual({
      mode: 'split',
      replicas: { gateway: 1, router: 2, billing: 3, files: 1, batches: 1 },
    });
  });

  it('refuses a mode it does not know, naming the ones it does', () => {
    expect(() => deploymentFrom({ SWITCHYARD_MODE: 'monolith' })).toThrow(
      'SWITCHYARD_MODE: "monolith" is not a mode (expected single or split; default single)',
    );
  });

  it('refuses replicas without split mode', () => {
    expect(() => deploymentFrom({ SWITCHYARD_REPLICAS: 'router=2' })).toThrow(/SWITCHYARD_REPLICAS .* needs SWITCHYARD_MODE=split/);
    expect(() => deploymentFrom({ SWITCHYARD_MODE: 'single', SWITCHYARD_REPLICAS: 'router=2' })).toThrow(/needs SWITCHYARD_MODE=split/);
  });

  it('still refuses replica counts it cannot read', () => {
    expect(() => deploymentFrom({ SWITCHYARD_MODE: 'split', SWITCHYARD_REPLICAS: 'router=0' })).toThrow(
      'SWITCHYARD_REPLICAS: cannot read "router=0"',
    );
  });

  it('runs gateway replicas too (each on its own port)', () => {
    expect(deploymentFrom({ SWITCHYARD_MODE: 'split', SWITCHYARD_REPLICAS: 'gateway=2' }).replicas.gateway).toBe(2);
  });
});
