import { ServiceDefinition } from '@switchyard/nats';
import { RouterConfig } from './router.config';
import { openRouterDatabase } from './router.database';
import { RouterModule } from './router.module';

/** The router service: how it boots, for its process and for in-process tests. */
export const routerService: ServiceDefinition<RouterConfig> = {
  name: 'router',
  configClass: RouterConfig,
  openDatabase: openRouterDatabase,
  module: (deps) => RouterModule.create(deps),
};
