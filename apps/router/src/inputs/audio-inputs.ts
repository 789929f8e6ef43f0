import { Injectable } from '@nestjs/common';
import { DomainError, ExecuteRequest } from '@switchyard/contracts';
import { ObjectStorage } from '@switchyard/object-storage';
import type { UpstreamFile } from '@switchyard/providers';
import { parkedObjects } from './parked-parts';

/**
 * The audio of a transcription, parked in object storage by the gateway, streamed to the upstream
 * as the multipart `file` part (opened again for each attempt: a stream is read once).
 */
@Injectable()
export class AudioInputs {
  constructor(private readonly storage: ObjectStorage) {}

  async filesOf(req: ExecuteRequest): Promise<Record<string, UpstreamFile> | undefined> {
    if (req.endpoint !== '/v1/audio/transcriptions') return undefined;
    const [audio] = parkedObjects(req, 'file');
    if (!audio) throw new DomainError('invalid_value', 'The audio file of this request is missing', 'file');
    const { part, objectKey, owner } = audio;
    return {
      file: {
        filename: part.filename,
        mediaType: part.mediaType,
        bytes: part.bytes,
        content: await this.storage.getStream(objectKey, { owner }),
      },
    };
  }
}
