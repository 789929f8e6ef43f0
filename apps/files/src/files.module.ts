import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, ServiceDeps } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { FilesConfig } from './files.config';
import { FileSweeper } from './file-sweeper';
import { FilesHandler } from './files.handler';
import { FilesService } from './files.service';

@Module({})
export class FilesModule {
  static create(deps: ServiceDeps<FilesConfig> & { storage: ObjectStorage }): DynamicModule {
    return {
      module: FilesModule,
      controllers: [FilesHandler],
      providers: [...coreProviders(FilesConfig, deps), { provide: ObjectStorage, useValue: deps.storage }, FilesService, FileSweeper],
    };
  }
}
