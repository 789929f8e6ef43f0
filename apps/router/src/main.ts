import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { routerService } from './router.service-definition';

runService(routerService);
