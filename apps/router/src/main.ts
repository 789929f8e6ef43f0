import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { RouterConfig } from './router.config';
import { openRouterDatabase } from './router.database';
import { RouterModule } from './router.module';

runService({ name: 'router', configClass: RouterConfig, openDatabase: openRouterDatabase, module: (deps) => RouterModule.create(deps) });
