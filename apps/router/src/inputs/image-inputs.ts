import { Injectable } from '@nestjs/common';
import { DomainError, ExecuteRequest, MAX_EDIT_IMAGE_BYTES, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { ParkedObject, parkedObjects } from './parked-parts';

type ImageRef = { file_id?: string; image_url?: string };

async function readAll(stream: NodeJS.ReadableStream, limit: number, fileId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DomainError('invalid_value', `Image file ${fileId} is larger than ${limit} bytes`, 'images');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Input images of an edit referenced by our file ids become data URLs of the stored copy, so any
 * image channel can read them. `files.file.locate` checks the caller owns each file.
 */
@Injectable()
export class ImageInputs {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
  ) {}

  /** An image of a multipart edit, parked by the gateway under a key derived from this request. */
  private async inlineParked({ part, objectKey, owner }: ParkedObject): Promise<ImageRef> {
    const bytes = await readAll(await this.storage.getStream(objectKey, { owner }), MAX_EDIT_IMAGE_BYTES, part.filename);
    return { image_url: `data:${part.mediaType};base64,${bytes.toString('base64')}` };
  }

  private async inlineOne(ownerUserId: string, ref: ImageRef): Promise<ImageRef> {
    if (typeof ref?.file_id !== 'string') return ref;
    const location = await this.rpc.send(Subjects.filesFileLocate, { ownerUserId, api: 'openai', fileId: ref.file_id });
    if (!location.file.mediaType.startsWith('image/')) {
      throw new DomainError('invalid_value', `File ${ref.file_id} is not an image (${location.file.mediaType})`, 'images');
    }
    const bytes = await readAll(
      await this.storage.getStream(location.objectKey, { owner: ownerUserId }),
      MAX_EDIT_IMAGE_BYTES,
      ref.file_id,
    );
    const { file_id: _fileId, ...rest } = ref;
    return { ...rest, image_url: `data:${location.file.mediaType};base64,${bytes.toString('base64')}` };
  }

  /** A multipart edit's images and mask come from its parked parts; a JSON edit's from its body. */
  async inline(req: ExecuteRequest): Promise<ExecuteRequest> {
    if (req.endpoint !== '/v1/images/edits') return req;
    const owner = req.principal.userId;
    const body = { ...req.body };
    const [parkedImages, [parkedMask]] = [parkedObjects(req, 'image'), parkedObjects(req, 'mask')];
    if (parkedImages.length > 0) body.images = await Promise.all(parkedImages.map((parked) => this.inlineParked(parked)));
    else if (Array.isArray(body.images))
      body.images = await Promise.all((body.images as ImageRef[]).map((ref) => this.inlineOne(owner, ref)));
    if (parkedMask) body.mask = await this.inlineParked(parkedMask);
    else if (body.mask && typeof body.mask === 'object') body.mask = await this.inlineOne(owner, body.mask);
    return { ...req, body };
  }
}
