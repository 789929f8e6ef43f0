import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, ServiceDeps } from '@switchyard/nats';
import { BatchesConfig } from './batches.config';
import { BatchesHandler } from './batches.handler';

@Module({})
export class BatchesModule {
  static create(deps: ServiceDeps<BatchesConfig>): DynamicModule {
    return {
      module: BatchesModule,
      controllers: [BatchesHandler],
      providers: [
        ...coreProviders(BatchesConfig, deps),
      ],
    };
  }
}
