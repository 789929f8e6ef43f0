import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  BATCH_FILE_DEFAULT_EXPIRY_SECONDS,
  DomainError,
  ErrorCodes,
  FileLocation,
  FileRef,
  FileRemoved,
  ListFilesRequest,
  LocateFileRequest,
  RegisterFileRequest,
  StoredFile,
  StoredFilePage,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { FileEntity } from './entities/file.entity';

export function storedFile(f: FileEntity): StoredFile {
  return {
    id: f.id,
    api: f.api,
    purpose: f.purpose as StoredFile['purpose'],
    filename: f.filename,
    bytes: Number(f.bytes),
    mediaType: f.mediaType,
    createdAt: unixSeconds(f.createdAt),
    expiresAt: f.expiresAt ? unixSeconds(f.expiresAt) : null,
  };
}

export function noSuchFile(fileId: string): DomainError {
  return new DomainError(ErrorCodes.fileNotFound, `No such File object: ${fileId}`, 'id');
}

/**
 * File records. Every query takes the owner and the API the file belongs to, so another tenant's
 * file (or a file of the other API) simply does not exist.
 */
@Injectable()
export class FilesService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Records a stored object as a file. Registering the same file again (a batch finalization
   * retried after a crash) returns the first record; an id already used for something else is refused.
   */
  async register(req: RegisterFileRequest): Promise<StoredFile> {
    const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const seconds = req.expiresAfterSeconds ?? (req.purpose === 'batch' ? BATCH_FILE_DEFAULT_EXPIRY_SECONDS : null);
    const repo = this.ds.getRepository(FileEntity);
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        id: req.fileId,
        ownerUserId: req.ownerUserId,
        api: req.api,
        purpose: req.purpose,
        filename: req.filename,
        bytes: BigInt(req.bytes),
        mediaType: req.mediaType,
        objectKey: req.objectKey,
        status: 'processed',
        channelId: null,
        upstreamFileId: null,
        createdAt,
        expiresAt: seconds === null ? null : new Date(createdAt.getTime() + seconds * 1000),
        deletedAt: null,
        purgedAt: null,
      })
      .orIgnore()
      .execute();
    const file = await repo.findOneByOrFail({ id: req.fileId });
    if (file.ownerUserId !== req.ownerUserId || file.objectKey !== req.objectKey || file.api !== req.api) {
      throw new DomainError('conflict', `File id ${req.fileId} is already in use`, 'id');
    }
    return storedFile(file);
  }

  /** A live file of this owner and API: not deleted, not expired. */
  private async live(ref: FileRef): Promise<FileEntity> {
    const file = await this.ds
      .getRepository(FileEntity)
      .createQueryBuilder('f')
      .where('f.id = :fileId AND f.owner_user_id = :owner AND f.api = :api AND f.deleted_at IS NULL', {
        fileId: ref.fileId,
        owner: ref.ownerUserId,
        api: ref.api,
      })
      .andWhere('(f.expires_at IS NULL OR f.expires_at > now())')
      .getOne();
    if (!file) throw noSuchFile(ref.fileId);
    return file;
  }

  async get(ref: FileRef): Promise<StoredFile> {
    return storedFile(await this.live(ref));
  }

  async locate(req: LocateFileRequest): Promise<FileLocation> {
    const file = req.includeDeleted ? await this.retained(req) : await this.live(req);
    return { file: storedFile(file), objectKey: file.objectKey };
  }

  /** A file of this owner and API whose bytes are still stored, even if it was deleted or expired. */
  private async retained(ref: FileRef): Promise<FileEntity> {
    const file = await this.ds
      .getRepository(FileEntity)
      .findOneBy({ id: ref.fileId, ownerUserId: ref.ownerUserId, api: ref.api, purgedAt: IsNull() });
    if (!file) throw noSuchFile(ref.fileId);
    return file;
  }

  /**
   * A page in `order`; `after` continues past a file id, `before` pages back towards the start.
   * Files created in the same second keep their insertion order.
   */
  async list(req: ListFilesRequest): Promise<StoredFilePage> {
    if (req.after && req.before) throw new DomainError('invalid_value', 'Use either after or before, not both', 'before');
    const repo = this.ds.getRepository(FileEntity);
    const query = repo
      .createQueryBuilder('f')
      .where('f.owner_user_id = :owner AND f.api = :api AND f.deleted_at IS NULL', { owner: req.ownerUserId, api: req.api })
      .andWhere('(f.expires_at IS NULL OR f.expires_at > now())');
    if (req.purpose) query.andWhere('f.purpose = :purpose', { purpose: req.purpose });
    const cursorId = req.after ?? req.before;
    // walking backwards (before) reads in the opposite order and flips the page at the end
    const backwards = req.before !== undefined;
    const descending = (req.order === 'desc') !== backwards;
    if (cursorId) {
      // the cursor keeps its place even if that file was deleted since; it must be the caller's own
      const cursor = await repo.findOneBy({ id: cursorId, ownerUserId: req.ownerUserId, api: req.api });
      if (!cursor) throw new DomainError('invalid_value', `No such File object: ${cursorId}`, req.after ? 'after' : 'before');
      query.andWhere(`(f.created_at, f.seq) ${descending ? '<' : '>'} (:createdAt, :seq)`, {
        createdAt: cursor.createdAt,
        seq: cursor.seq.toString(),
      });
    }
    const direction = descending ? 'DESC' : 'ASC';
    const rows = await query
      .orderBy('f.created_at', direction)
      .addOrderBy('f.seq', direction)
      .limit(req.limit + 1)
      .getMany();
    const page = rows.slice(0, req.limit).map(storedFile);
    return { data: backwards ? page.reverse() : page, hasMore: rows.length > req.limit };
  }

  async remove(ref: FileRef): Promise<FileRemoved> {
    const file = await this.live(ref);
    const result = await this.ds
      .getRepository(FileEntity)
      .update({ id: file.id, ownerUserId: ref.ownerUserId, deletedAt: IsNull() }, { deletedAt: new Date(), status: 'deleted' });
    if (result.affected === 0) throw noSuchFile(ref.fileId);
    // the bytes stay for the retention period (a batch may be reading them); the sweeper removes them
    return { id: file.id, api: file.api };
  }
}
