import 'reflect-metadata';
import { failedToStart, ONE_PROCESS_NAME, runOneProcess } from '@switchyard/nats';
import { loadServiceDefinitions } from './service-definitions';

// every service in this one process (SWITCHYARD_MODE=single, the default of `npm start`)
loadServiceDefinitions()
  .then(runOneProcess)
  .catch((error) => failedToStart(ONE_PROCESS_NAME, error));
