import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, RpcClient, ServiceDeps } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { BatchRepository } from './batch-repository';
import { BatchesConfig } from './batches.config';
import { BatchesHandler } from './batches.handler';
import { BatchesService } from './batches.service';
import { GenerationTaskStore } from './generation-tasks';
import { BatchRunner } from './runner/batch-runner';
import { TaskRunner } from './task-runner';

@Module({})
export class BatchesModule {
  static create(deps: ServiceDeps<BatchesConfig> & { storage: ObjectStorage }): DynamicModule {
    return {
      module: BatchesModule,
      controllers: [BatchesHandler],
      providers: [
        ...coreProviders(BatchesConfig, deps),
        { provide: ObjectStorage, useValue: deps.storage },
        { provide: RpcClient, useValue: new RpcClient(deps.rpcTransport, deps.config.SWITCHYARD_RPC_TIMEOUT_MS) },
        BatchRepository,
        BatchesService,
        BatchRunner,
        GenerationTaskStore,
        TaskRunner,
      ],
    };
  }
}
