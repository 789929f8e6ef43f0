import 'reflect-metadata';
import { runEdge } from '@switchyard/nats';
import { gatewayService } from './gateway.service-definition';

runEdge(gatewayService);
