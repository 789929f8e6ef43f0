import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { billingService } from './billing.service-definition';

runService(billingService);
