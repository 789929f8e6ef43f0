import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { createValidated, FileRef, ListFilesRequest, LocateFileRequest, RegisterFileRequest, Subjects } from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { FilesService } from './files.service';

/** NATS edge of files: validate, delegate. Bytes never travel here; only records. */
@Controller()
export class FilesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: ObjectStorage,
    private readonly files: FilesService,
  ) {}

  @MessagePattern(Subjects.filesHealthCheck)
  health() {
    return checkHealth('files', { database: () => this.ds.query('SELECT 1'), storage: () => this.storage.ping() });
  }

  @MessagePattern(Subjects.filesFileCreate)
  create(@Payload() payload: unknown) {
    return this.files.register(createValidated(RegisterFileRequest, payload));
  }

  @MessagePattern(Subjects.filesFileList)
  list(@Payload() payload: unknown) {
    return this.files.list(createValidated(ListFilesRequest, payload));
  }

  @MessagePattern(Subjects.filesFileGet)
  get(@Payload() payload: unknown) {
    return this.files.get(createValidated(FileRef, payload));
  }

  @MessagePattern(Subjects.filesFileLocate)
  locate(@Payload() payload: unknown) {
    return this.files.locate(createValidated(LocateFileRequest, payload));
  }

  @MessagePattern(Subjects.filesFileDelete)
  remove(@Payload() payload: unknown) {
    return this.files.remove(createValidated(FileRef, payload));
  }
}
