import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { filesService } from './files.service-definition';

runService(filesService);
