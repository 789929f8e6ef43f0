import { Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { BatchRepository, ResultStatus } from '../batch-repository';
import { BatchEntity } from '../entities/batch.entity';
import { OUTPUT_ROWS, yieldToLoop } from './yield-to-loop';

/**
 * The output (succeeded lines) or error (failed lines) file of a batch: its id derives from the
 * batch id, so a finalization that crashed after registering it registers the same file again.
 */
export function resultFile(
  batch: Pick<BatchEntity, 'id' | 'ownerUserId'>,
  status: ResultStatus,
): { fileId: string; objectKey: string; filename: string } {
  const fileId = `file-${batch.id.replace(/^batch_/, '')}${status === 'succeeded' ? 'out' : 'err'}`;
  return {
    fileId,
    objectKey: `files/${batch.ownerUserId}/${fileId}`,
    filename: `${batch.id}_${status === 'succeeded' ? 'output' : 'error'}.jsonl`,
  };
}

/** JSONL of the results, OUTPUT_ROWS lines a chunk, with a turn of the event loop between the chunks of a page. */
export async function* jsonlChunks(pages: AsyncIterable<{ result: unknown }[]>): AsyncGenerator<Buffer> {
  for await (const rows of pages) {
    for (let i = 0; i < rows.length; i += OUTPUT_ROWS) {
      if (i > 0) await yieldToLoop();
      yield Buffer.from(
        rows
          .slice(i, i + OUTPUT_ROWS)
          .map((r) => `${JSON.stringify(r.result)}\n`)
          .join(''),
      );
    }
  }
}

/** Writes a batch's output or error file to storage and registers it as the caller's (purpose `batch_output`). */
export class ResultFileWriter {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly rpc: RpcClient,
  ) {}

  /** The file's id; null when no line ended that way. */
  async write(tx: BatchRepository, batch: BatchEntity, status: ResultStatus): Promise<string | null> {
    if ((await tx.countResults(batch.id, status)) === 0) return null;
    const { fileId, objectKey, filename } = resultFile(batch, status);
    const stored = await this.storage.putStream(objectKey, jsonlChunks(tx.resultPages(batch.id, status)), {
      contentType: 'application/jsonl',
    });
    const file = await this.rpc.send(Subjects.filesFileCreate, {
      fileId,
      ownerUserId: batch.ownerUserId,
      api: 'openai',
      purpose: 'batch_output',
      filename,
      bytes: stored.bytes,
      mediaType: 'application/jsonl',
      objectKey,
      expiresAfterSeconds: null,
    });
    return file.id;
  }
}
