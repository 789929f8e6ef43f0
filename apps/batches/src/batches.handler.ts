import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Subjects } from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';

/** NATS edge of batches. The Batch API itself arrives with the batches issue. */
@Controller()
export class BatchesHandler {
  constructor(private readonly ds: DataSource) {}

  @MessagePattern(Subjects.batchesHealthCheck)
  health() {
    return checkHealth('batches', { database: () => this.ds.query('SELECT 1') });
  }
}
