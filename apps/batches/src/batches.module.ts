import { DynamicModule, Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { BatchesConfig } from './batches.config';
import { BatchesHandler } from './batches.handler';

@Module({})
export class BatchesModule {
  static create(deps: { config: BatchesConfig; dataSource: DataSource; nc: NatsConnection; logger: JsonLogger }): DynamicModule {
    return {
      module: BatchesModule,
      controllers: [BatchesHandler],
      providers: [
        { provide: BatchesConfig, useValue: deps.config },
        { provide: DataSource, useValue: deps.dataSource },
        { provide: NATS_CONNECTION, useValue: deps.nc },
        { provide: LOGGER, useValue: deps.logger },
      ],
    };
  }
}
