import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  BatchRef,
  CreateBatchRequest,
  CreateTaskRequest,
  createValidated,
  ListBatchesRequest,
  Subjects,
  TaskRef,
} from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';
import { BatchesService } from './batches.service';
import { GenerationTaskStore } from './generation-tasks';

/** NATS edge of batches: validate, delegate. */
@Controller()
export class BatchesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly batches: BatchesService,
    private readonly tasks: GenerationTaskStore,
  ) {}

  @MessagePattern(Subjects.batchesHealthCheck)
  health() {
    return checkHealth('batches', { database: () => this.ds.query('SELECT 1') });
  }

  @MessagePattern(Subjects.batchesBatchCreate)
  create(@Payload() payload: unknown) {
    return this.batches.create(createValidated(CreateBatchRequest, payload));
  }

  @MessagePattern(Subjects.batchesBatchGet)
  get(@Payload() payload: unknown) {
    const ref = createValidated(BatchRef, payload);
    return this.batches.get(ref.ownerUserId, ref.batchId);
  }

  @MessagePattern(Subjects.batchesBatchList)
  list(@Payload() payload: unknown) {
    return this.batches.list(createValidated(ListBatchesRequest, payload));
  }

  @MessagePattern(Subjects.batchesBatchCancel)
  cancel(@Payload() payload: unknown) {
    const ref = createValidated(BatchRef, payload);
    return this.batches.cancel(ref.ownerUserId, ref.batchId);
  }

  @MessagePattern(Subjects.batchesTaskCreate)
  createTask(@Payload() payload: unknown) {
    return this.tasks.create(createValidated(CreateTaskRequest, payload));
  }

  @MessagePattern(Subjects.batchesTaskGet)
  getTask(@Payload() payload: unknown) {
    return this.tasks.get(createValidated(TaskRef, payload));
  }
}
