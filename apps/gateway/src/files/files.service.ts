import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  describeJsonlProblem, DomainError, FILE_EXPIRY_MAX_SECONDS, FILE_EXPIRY_MIN_SECONDS, FilePurpose, FilePurposes, FileView,
  newId, Principal, Subjects,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { GatewayConfig } from '../gateway.config';
import { parseByteRange } from './byte-range';
import { mediaTypeOf } from './media-type';
import { receiveUpload, ReceivedUpload } from './multipart-upload';

function expiresAfterSeconds(fields: Record<string, string>): number | null {
  const anchor = fields['expires_after[anchor]'];
  const seconds = fields['expires_after[seconds]'];
  if (anchor === undefined && seconds === undefined) return null;
  if (anchor !== 'created_at') throw new DomainError('invalid_value', "expires_after[anchor] must be 'created_at'", 'expires_after[anchor]');
  const value = Number(seconds);
  if (!Number.isInteger(value) || value < FILE_EXPIRY_MIN_SECONDS || value > FILE_EXPIRY_MAX_SECONDS) {
    throw new DomainError('invalid_value', `expires_after[seconds] must be an integer from ${FILE_EXPIRY_MIN_SECONDS} to ${FILE_EXPIRY_MAX_SECONDS}`, 'expires_after[seconds]');
  }
  return value;
}

/** The first reason an upload cannot become a file, in the order a caller would fix them. */
function refusalOf(upload: ReceivedUpload, maxBytes: number): DomainError | null {
  const purpose = upload.fields.purpose;
  if (!upload.file) return new DomainError('missing_required_parameter', "Missing required parameter: 'file'", 'file');
  if (purpose === undefined || purpose === '') return new DomainError('missing_required_parameter', "Missing required parameter: 'purpose'", 'purpose');
  if (!(FilePurposes as readonly string[]).includes(purpose)) {
    return new DomainError('VALIDATION_4007', `Purpose "${purpose}" is not allowed; use one of: ${FilePurposes.join(', ')}`, 'purpose');
  }
  if (upload.failure === 'too_large') return new DomainError('VALIDATION_4016', `The file exceeds the upload limit of ${maxBytes} bytes`, 'file');
  if (purpose === 'batch' && upload.jsonlProblem) return new DomainError('INFERENCE_3303', describeJsonlProblem(upload.jsonlProblem), 'file');
  return null;
}

/** The Files API at the edge: bytes stream between the caller and object storage; records live in `files`. */
@Injectable()
export class GatewayFilesService {
  constructor(private readonly rpc: RpcClient, private readonly storage: ObjectStorage, private readonly config: GatewayConfig) {}

  async upload(principal: Principal, request: FastifyRequest): Promise<FileView> {
    if (!request.headers['content-type']?.startsWith('multipart/form-data')) {
      throw new DomainError('invalid_value', 'Upload files as multipart/form-data with the fields "file" and "purpose"', null, 415);
    }
    const fileId = newId('file-');
    const objectKey = `files/${principal.userId}/${fileId}`;
    const maxBytes = this.config.SWITCHYARD_MAX_UPLOAD_BYTES;
    const upload = await receiveUpload(request.raw, this.storage, objectKey, maxBytes);
    const stored = upload.file !== null && upload.failure === null;
    try {
      const refusal = refusalOf(upload, maxBytes);
      if (refusal) throw refusal;
      const purpose = upload.fields.purpose as FilePurpose;
      return await this.rpc.send(Subjects.filesFileCreate, {
        fileId, ownerUserId: principal.userId, purpose, filename: upload.file!.filename, bytes: upload.file!.bytes,
        mediaType: mediaTypeOf(upload.file!.filename, upload.file!.declaredType, purpose), objectKey,
        expiresAfterSeconds: expiresAfterSeconds(upload.fields),
      });
    } catch (error) {
      // nothing half-written: bytes without a record do not stay
      if (stored) await this.storage.remove(objectKey).catch(() => undefined);
      throw error;
    }
  }

  list(principal: Principal, query: Record<string, string | undefined>) {
    const limit = query.limit === undefined ? 20 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DomainError('invalid_value', 'limit must be an integer from 1 to 100', 'limit');
    const order = query.order ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw new DomainError('invalid_value', "order must be 'asc' or 'desc'", 'order');
    return this.rpc.send(Subjects.filesFileList, { ownerUserId: principal.userId, purpose: query.purpose || undefined, limit, after: query.after || undefined, order });
  }

  get(principal: Principal, fileId: string) {
    return this.rpc.send(Subjects.filesFileGet, { ownerUserId: principal.userId, fileId });
  }

  remove(principal: Principal, fileId: string) {
    return this.rpc.send(Subjects.filesFileDelete, { ownerUserId: principal.userId, fileId });
  }

  /** Streams the bytes from storage to the caller, whole or one range. */
  async content(principal: Principal, fileId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const location = await this.rpc.send(Subjects.filesFileLocate, { ownerUserId: principal.userId, fileId });
    const size = location.file.bytes;
    const range = parseByteRange(request.headers.range, size);
    reply
      .header('content-type', location.mediaType)
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
      const stream = await this.storage.getStream(location.objectKey, { start: range.start, end: range.end });
      reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1).send(stream);
      return;
    }
    reply.header('content-length', size).send(await this.storage.getStream(location.objectKey));
  }
}
