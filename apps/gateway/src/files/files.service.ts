import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  ANTHROPIC_FILE_PURPOSE,
  DEFAULT_IMAGE_MODEL,
  describeJsonlProblem,
  DomainError,
  ErrorCodes,
  FILE_EXPIRY_MAX_SECONDS,
  FILE_EXPIRY_MIN_SECONDS,
  FileApi,
  FilePurpose,
  FilePurposes,
  InferenceEndpoint,
  newId,
  Principal,
  StoredFile,
  Subjects,
} from '@switchyard/contracts';
import { OutcomeUnknown, RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { metrics } from '@switchyard/runtime';
import { GatewayConfig } from '../gateway.config';
import { parseByteRange } from './byte-range';
import { mediaTypeOf } from './media-type';
import { receiveUpload, ReceivedUpload } from './multipart-upload';

function expiresAfterSeconds(fields: Record<string, string>): number | null {
  const anchor = fields['expires_after[anchor]'];
  const seconds = fields['expires_after[seconds]'];
  if (anchor === undefined && seconds === undefined) return null;
  if (anchor !== 'created_at')
    throw new DomainError('invalid_value', "expires_after[anchor] must be 'created_at'", 'expires_after[anchor]');
  const value = Number(seconds);
  if (!Number.isInteger(value) || value < FILE_EXPIRY_MIN_SECONDS || value > FILE_EXPIRY_MAX_SECONDS) {
    throw new DomainError(
      'invalid_value',
      `expires_after[seconds] must be an integer from ${FILE_EXPIRY_MIN_SECONDS} to ${FILE_EXPIRY_MAX_SECONDS}`,
      'expires_after[seconds]',
    );
  }
  return value;
}

const isImageReference = (purpose: FilePurpose, mediaType: string) =>
  (purpose === 'vision' || purpose === 'user_data') && mediaType.startsWith('image/');

/** The first reason an upload cannot become a file, in the order a caller would fix them. */
function refusalOf(upload: ReceivedUpload, maxBytes: number, api: FileApi): DomainError | null {
  const purpose = upload.fields.purpose;
  if (!upload.file) return new DomainError('missing_required_parameter', "Missing required parameter: 'file'", 'file');
  if (api === 'anthropic') {
    return upload.failure === 'too_large'
      ? new DomainError(ErrorCodes.fileTooLarge, `The file exceeds the upload limit of ${maxBytes} bytes`, 'file')
      : null;
  }
  if (purpose === undefined || purpose === '')
    return new DomainError('missing_required_parameter', "Missing required parameter: 'purpose'", 'purpose');
  if (!(FilePurposes as readonly string[]).includes(purpose)) {
    return new DomainError(
      ErrorCodes.invalidFilePurpose,
      `Purpose "${purpose}" is not allowed; use one of: ${FilePurposes.join(', ')}`,
      'purpose',
    );
  }
  if (upload.failure === 'too_large')
    return new DomainError(ErrorCodes.fileTooLarge, `The file exceeds the upload limit of ${maxBytes} bytes`, 'file');
  if (purpose === 'batch' && upload.jsonlProblem)
    return new DomainError(ErrorCodes.invalidJsonlFile, describeJsonlProblem(upload.jsonlProblem), 'file');
  return null;
}

/** The Files API at the edge: bytes stream between the caller and object storage; records live in `files`. */
@Injectable()
export class GatewayFilesService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly config: GatewayConfig,
  ) {}

  /** The router may try each holding channel to its full timeout. */
  private get bindTimeoutMs(): number {
    return this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS * this.config.SWITCHYARD_MAX_ATTEMPTS + 5_000;
  }

  async upload(principal: Principal, api: FileApi, request: FastifyRequest): Promise<StoredFile> {
    if (!request.headers['content-type']?.startsWith('multipart/form-data')) {
      throw new DomainError('invalid_value', 'Upload files as multipart/form-data with the fields "file" and "purpose"', null, 415);
    }
    const fileId = newId(api === 'anthropic' ? 'file_' : 'file-');
    const objectKey = `files/${principal.userId}/${fileId}`;
    const maxBytes = this.config.SWITCHYARD_MAX_UPLOAD_BYTES;
    // Anthropic-mode uploads are never batch input: no JSONL validation
    const upload = await receiveUpload(request.raw, this.storage, objectKey, maxBytes, api === 'openai');
    const stored = upload.file !== null && upload.failure === null;
    try {
      const refusal = refusalOf(upload, maxBytes, api);
      if (refusal) throw refusal;
      const purpose = api === 'anthropic' ? ANTHROPIC_FILE_PURPOSE : (upload.fields.purpose as FilePurpose);
      const mediaType = mediaTypeOf(upload.file!.filename, upload.file!.declaredType, purpose);
      const { filename, bytes } = upload.file!;
      metrics().filesBytes.inc({ direction: 'in' }, bytes);
      const bind = (endpoint: InferenceEndpoint, required: boolean, model?: string) =>
        this.rpc.send(
          Subjects.routerFileBind,
          { principal, fileId, objectKey, filename, mediaType, bytes, endpoint, required, model },
          this.bindTimeoutMs,
        );
      // Anthropic mode: the file is handed to an Anthropic channel first, so that it exists only once it is bound
      if (api === 'anthropic') await bind('/v1/messages', true);
      // an image reference file is bound to a channel of its image-edit model, when one serves it
      else if (isImageReference(purpose, mediaType)) await bind('/v1/images/edits', false, upload.fields.model || DEFAULT_IMAGE_MODEL);
      return await this.rpc.send(Subjects.filesFileCreate, {
        fileId,
        ownerUserId: principal.userId,
        api,
        purpose,
        filename,
        bytes,
        mediaType,
        objectKey,
        expiresAfterSeconds: api === 'openai' ? expiresAfterSeconds(upload.fields) : null,
      });
    } catch (error) {
      // nothing half-written: bytes without a record do not stay. A register call left without an
      // answer may still commit its record, so its bytes stay: the sweeper removes them as an orphan if it does not.
      if (stored && !(error instanceof OutcomeUnknown)) await this.storage.remove(objectKey).catch(() => undefined);
      throw error;
    }
  }

  /** OpenAI: `limit` (≤ 100), `order`, `after`. Anthropic: `limit` (≤ 1000), `after_id` or `page`, `before_id`, newest first. */
  list(principal: Principal, api: FileApi, query: Record<string, string | undefined>) {
    const max = api === 'anthropic' ? 1000 : 100;
    const limit = query.limit === undefined ? 20 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > max)
      throw new DomainError('invalid_value', `limit must be an integer from 1 to ${max}`, 'limit');
    const order = api === 'anthropic' ? 'desc' : (query.order ?? 'desc');
    if (order !== 'asc' && order !== 'desc') throw new DomainError('invalid_value', "order must be 'asc' or 'desc'", 'order');
    const after = (api === 'anthropic' ? query.after_id || query.page : query.after) || undefined;
    const before = (api === 'anthropic' && query.before_id) || undefined;
    return this.rpc.send(Subjects.filesFileList, {
      ownerUserId: principal.userId,
      api,
      purpose: query.purpose || undefined,
      limit,
      after,
      before,
      order,
    });
  }

  get(principal: Principal, api: FileApi, fileId: string) {
    return this.rpc.send(Subjects.filesFileGet, { ownerUserId: principal.userId, api, fileId });
  }

  /** Deletes the record, then any copy a provider holds (Anthropic Files mode). */
  async remove(principal: Principal, api: FileApi, fileId: string) {
    const removed = await this.rpc.send(Subjects.filesFileDelete, { ownerUserId: principal.userId, api, fileId });
    await this.rpc.send(Subjects.routerFileUnbind, { principal, fileId }, this.bindTimeoutMs);
    return removed;
  }

  /** Streams the bytes from storage to the caller, whole or one range. */
  async content(principal: Principal, api: FileApi, fileId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const location = await this.rpc.send(Subjects.filesFileLocate, { ownerUserId: principal.userId, api, fileId });
    if (api === 'anthropic') throw new DomainError('invalid_value', `File ${fileId} is not downloadable`, 'file_id');
    const size = location.file.bytes;
    const range = parseByteRange(request.headers.range, size);
    reply
      .header('content-type', location.file.mediaType)
      .header('accept-ranges', 'bytes')
      .header('content-disposition', `attachment; filename="${location.file.filename.replace(/["\\\r\n]/g, '_')}"`);
    if (range.kind === 'unsatisfiable') {
      reply.status(416).header('content-range', `bytes */${size}`).send();
      return;
    }
    if (size === 0) {
      reply.header('content-length', 0).send('');
      return;
    }
    if (range.kind === 'partial') {
      const stream = await this.storage.getStream(location.objectKey, {
        owner: principal.userId,
        range: { start: range.start, end: range.end },
      });
      reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(stream);
      metrics().filesBytes.inc({ direction: 'out' }, range.end - range.start + 1);
      return;
    }
    reply.header('content-length', size).send(await this.storage.getStream(location.objectKey, { owner: principal.userId }));
    metrics().filesBytes.inc({ direction: 'out' }, size);
  }
}
