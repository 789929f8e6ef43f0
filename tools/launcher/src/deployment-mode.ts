import { ServiceName, ServiceNames } from '@switchyard/contracts';

/**
 * How `npm start` deploys the services (as Loki's or Mimir's monolithic and microservices modes):
 * `single`, every service in one process, request/reply in process; `split`, one process per
 * service (replicas included), request/reply over NATS. Same code, same contracts, either way.
 */
export type DeploymentMode = 'single' | 'split';
export const DeploymentModes: readonly DeploymentMode[] = ['single', 'split'];
export const DEFAULT_DEPLOYMENT_MODE: DeploymentMode = 'single';

export interface Deployment {
  mode: DeploymentMode;
  /** processes per service (split mode; all 1 in single mode, where they share one) */
  replicas: Record<ServiceName, number>;
}

/** Reads SWITCHYARD_MODE and SWITCHYARD_REPLICAS; anything it cannot honour is an error that says why. */
export function deploymentFrom(env: NodeJS.ProcessEnv): Deployment {
  const given = env.SWITCHYARD_MODE?.trim();
  const mode = given ? given : DEFAULT_DEPLOYMENT_MODE;
  if (!DeploymentModes.includes(mode as DeploymentMode)) {
    throw new Error(
      `SWITCHYARD_MODE: "${given}" is not a mode (expected ${DeploymentModes.join(' or ')}; default ${DEFAULT_DEPLOYMENT_MODE})`,
    );
  }
  if (mode === 'single' && env.SWITCHYARD_REPLICAS?.trim()) {
    throw new Error(
      'SWITCHYARD_REPLICAS runs several processes of a service: it needs SWITCHYARD_MODE=split (the single mode runs every service in one process)',
    );
  }
  return { mode: mode as DeploymentMode, replicas: replicaCounts(env.SWITCHYARD_REPLICAS) };
}

/**
 * `SWITCHYARD_REPLICAS=router=2,billing=2`: how many processes of each service. Gateway replicas
 * each listen on their own port (the first on PORT, the others on free ports, listed in stack.json):
 * put them behind your load balancer, which polls each one's `GET /ready`.
 */
export function replicaCounts(spec: string | undefined): Record<ServiceName, number> {
  const counts = Object.fromEntries(ServiceNames.map((s) => [s, 1])) as Record<ServiceName, number>;
  for (const part of (spec ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=');
    const n = Number(value);
    if (!ServiceNames.includes(name as ServiceName) || !Number.isInteger(n) || n < 1 || n > 16) {
      throw new Error(`SWITCHYARD_REPLICAS: cannot read "${part}" (expected service=count, services: ${ServiceNames.join(', ')})`);
    }
    counts[name as ServiceName] = n;
  }
  return counts;
}
