import { Injectable } from '@nestjs/common';
import { DomainError, ExecuteRequest, isParkedFor, ParkedFile } from '@switchyard/contracts';
import { ObjectStorage } from '@switchyard/object-storage';
import type { UpstreamFile } from '@switchyard/providers';

/**
 * The audio of a transcription, parked in object storage by the gateway, streamed to the upstream
 * as the multipart `file` part (opened again for each attempt: a stream is read once).
 */
@Injectable()
export class AudioInputs {
  constructor(private readonly storage: ObjectStorage) {}

  async filesOf(req: ExecuteRequest): Promise<Record<string, UpstreamFile> | undefined> {
    if (req.endpoint !== '/v1/audio/transcriptions') return undefined;
    const parked = req.body.file as ParkedFile | undefined;
    if (!parked || typeof parked.objectKey !== 'string' || !isParkedFor(parked.objectKey, req.principal.userId)) {
      throw new DomainError('invalid_value', 'The audio file of this request is missing', 'file');
    }
    return { file: { filename: parked.filename, mediaType: parked.mediaType, bytes: parked.bytes, content: await this.storage.getStream(parked.objectKey) } };
  }
}
