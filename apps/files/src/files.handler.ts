import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Subjects } from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';

/** NATS edge of files. The Files API itself arrives with the files issue. */
@Controller()
export class FilesHandler {
  constructor(private readonly ds: DataSource, private readonly storage: ObjectStorage) {}

  @MessagePattern(Subjects.filesHealthCheck)
  health() {
    return checkHealth('files', { database: () => this.ds.query('SELECT 1'), storage: () => this.storage.ping() });
  }
}
