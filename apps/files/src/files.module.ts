import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, ServiceDeps } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { FilesConfig } from './files.config';
import { FilesHandler } from './files.handler';

@Module({})
export class FilesModule {
  static create(deps: ServiceDeps<FilesConfig> & { storage: ObjectStorage }): DynamicModule {
    return {
      module: FilesModule,
      controllers: [FilesHandler],
      providers: [
        ...coreProviders(FilesConfig, deps),
        { provide: ObjectStorage, useValue: deps.storage },
      ],
    };
  }
}
