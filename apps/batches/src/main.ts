import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { batchesService } from './batches.service-definition';

runService(batchesService);
