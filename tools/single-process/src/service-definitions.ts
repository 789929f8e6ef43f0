import { existsSync } from 'fs';
import { join } from 'path';
import { ServiceName, ServiceNames } from '@switchyard/contracts';
import { OneProcessServices } from '@switchyard/nats';
import { repoRoot } from '@switchyard/runtime';

/** Where a service's compiled definition is, e.g. dist/apps/router/src/router.service-definition.js. */
export function compiledDefinitionPath(service: ServiceName): string {
  return join(repoRoot(), 'dist', 'apps', service, 'src', `${service}.service-definition.js`);
}

/**
 * Every service's definition, as its own process would boot it. They are loaded from the compiled
 * apps, as the launcher starts their compiled mains: apps are never imported by other projects.
 * Each definition module exports `<service>Service`.
 */
export async function loadServiceDefinitions(): Promise<OneProcessServices> {
  const loaded = await Promise.all(
    ServiceNames.map(async (service): Promise<[ServiceName, unknown]> => {
      const path = compiledDefinitionPath(service);
      if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
      const definition = ((await import(path)) as Record<string, unknown>)[`${service}Service`] as { name?: unknown } | undefined;
      if (definition?.name !== service) throw new Error(`${path} does not export ${service}Service`);
      return [service, definition];
    }),
  );
  const byName = new Map(loaded);
  // the gateway is the edge (HTTP); the others are NATS services
  return {
    edge: byName.get('gateway') as OneProcessServices['edge'],
    services: ServiceNames.filter((s) => s !== 'gateway').map((s) => byName.get(s) as OneProcessServices['services'][number]),
  };
}
