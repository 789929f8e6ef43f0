import { Injectable } from '@nestjs/common';
import { DomainError } from '@switchyard/contracts';
import { FileBindings, UpstreamPin } from './file-bindings';
import { StoredResponses } from '../execution/stored-responses';
import { upstreamReferencesOf } from './upstream-references';

/**
 * Checks that every upstream object a request names is the caller's, before any money is held or
 * any upstream called (unknown and other tenants' ids alike answer 404), and says which channel
 * holds them: the request may go there only.
 */
@Injectable()
export class OwnedReferences {
  constructor(
    private readonly files: FileBindings,
    private readonly responses: StoredResponses,
  ) {}

  async pinFor(userId: string, body: Record<string, unknown>): Promise<UpstreamPin | null> {
    const refs = upstreamReferencesOf(body);
    const [foreign] = refs.foreign;
    if (foreign) throw new DomainError('not_found', `No ${foreign.what} with id '${foreign.id}'`, foreign.param, 404);
    const filePin = await this.files.pinFor(userId, refs.files);
    if (!refs.previousResponse) return filePin;
    const channelId = await this.responses.channelOf(refs.previousResponse, userId);
    if (filePin && filePin.channelId !== channelId) {
      throw new DomainError(
        'invalid_value',
        'The files this request references are held by another upstream channel than the previous response',
        refs.previousResponse.param,
      );
    }
    return filePin ?? { channelId, upstreamIds: new Map() };
  }
}
