import { DomainError, ErrorCodes, FileLocation, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { BatchRepository } from '../batch-repository';
import { BatchesConfig } from '../batches.config';
import { BatchReservation } from './batch-reservation';
import { InputValidation } from './input-validation';
import { slices, VALIDATE_SLICE_BYTES, yieldToLoop } from './yield-to-loop';

/** accepted lines are inserted this many at a time */
const INSERT_CHUNK = 500;

/**
 * Turns one `validating` batch into lines, or fails it, in one transaction: streams its input file
 * through the validation, inserts the accepted lines in chunks, reserves the batch's worst case
 * and starts it. A crash rolls it all back and another replica starts over.
 */
export class BatchValidator {
  constructor(
    private readonly repo: BatchRepository,
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly reservation: BatchReservation,
    private readonly config: BatchesConfig,
  ) {}

  async validateOne(): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const batch = await tx.lockNextValidating();
      if (!batch) return;
      let location: FileLocation;
      try {
        // the caller may delete the input right after creating the batch: its bytes are retained for a while
        location = await this.rpc.send(Subjects.filesFileLocate, {
          ownerUserId: batch.ownerUserId,
          api: 'openai',
          fileId: batch.inputFileId,
          includeDeleted: true,
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCodes.fileNotFound) {
          return tx.failValidation(batch.id, [
            { code: 'invalid_request', message: `Cannot find file ${batch.inputFileId}`, param: 'input_file_id', line: null },
          ]);
        }
        throw error;
      }
      const input = new InputValidation(batch, this.config.SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS);
      read: for await (const chunk of await this.storage.getStream(location.objectKey, { owner: batch.ownerUserId })) {
        for (const slice of slices(chunk as Buffer, VALIDATE_SLICE_BYTES)) {
          input.push(slice);
          if (input.stopped) break read;
          if (input.pendingCount >= INSERT_CHUNK) await insertPending(tx, input);
          else await yieldToLoop();
        }
      }
      const errors = input.errors();
      if (errors) return tx.failValidation(batch.id, errors);
      await insertPending(tx, input);
      const reserved = await this.reservation.reserve(batch, input.worstCase);
      await tx.startRunning(batch.id, { totalCount: input.requests, model: input.model, reserved });
    });
  }
}

async function insertPending(tx: BatchRepository, input: InputValidation): Promise<void> {
  const lines = input.takePending();
  if (lines.length > 0) await tx.insertLines(lines);
}
