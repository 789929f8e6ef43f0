import { DynamicModule, Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { FilesConfig } from './files.config';
import { FilesHandler } from './files.handler';

@Module({})
export class FilesModule {
  static create(deps: { config: FilesConfig; dataSource: DataSource; nc: NatsConnection; logger: JsonLogger; storage: ObjectStorage }): DynamicModule {
    return {
      module: FilesModule,
      controllers: [FilesHandler],
      providers: [
        { provide: FilesConfig, useValue: deps.config },
        { provide: DataSource, useValue: deps.dataSource },
        { provide: NATS_CONNECTION, useValue: deps.nc },
        { provide: LOGGER, useValue: deps.logger },
        { provide: ObjectStorage, useValue: deps.storage },
      ],
    };
  }
}
