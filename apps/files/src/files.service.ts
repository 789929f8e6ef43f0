import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  BATCH_FILE_DEFAULT_EXPIRY_SECONDS, DomainError, FileDeletedView, FileListReply, FileLocation, FileView, ListFilesRequest,
  RegisterFileRequest,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { ObjectStorage } from '@switchyard/object-storage';
import { FileEntity } from './entities/file.entity';

export function fileView(f: FileEntity): FileView {
  return {
    id: f.id, object: 'file', bytes: Number(f.bytes), created_at: unixSeconds(f.createdAt),
    expires_at: f.expiresAt ? unixSeconds(f.expiresAt) : null, filename: f.filename, purpose: f.purpose as FileView['purpose'],
    status: 'processed', status_details: null,
  };
}

export function noSuchFile(fileId: string): DomainError {
  return new DomainError('INFERENCE_3302', `No such File object: ${fileId}`, 'id');
}

/** File records; every query takes the owner, so another tenant's file simply does not exist. */
@Injectable()
export class FilesService {
  constructor(private readonly ds: DataSource, private readonly storage: ObjectStorage) {}

  async register(req: RegisterFileRequest): Promise<FileView> {
    const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const seconds = req.expiresAfterSeconds ?? (req.purpose === 'batch' ? BATCH_FILE_DEFAULT_EXPIRY_SECONDS : null);
    const repo = this.ds.getRepository(FileEntity);
    await repo.insert({
      id: req.fileId, ownerUserId: req.ownerUserId, purpose: req.purpose, filename: req.filename, bytes: BigInt(req.bytes),
      mediaType: req.mediaType, objectKey: req.objectKey, status: 'processed', channelId: null, upstreamFileId: null,
      createdAt, expiresAt: seconds === null ? null : new Date(createdAt.getTime() + seconds * 1000), deletedAt: null,
    });
    return fileView(await repo.findOneByOrFail({ id: req.fileId }));
  }

  /** A live file of this owner: not deleted, not expired. */
  private async live(ownerUserId: string, fileId: string): Promise<FileEntity> {
    const file = await this.ds
      .getRepository(FileEntity)
      .createQueryBuilder('f')
      .where('f.id = :fileId AND f.owner_user_id = :ownerUserId AND f.deleted_at IS NULL', { fileId, ownerUserId })
      .andWhere('(f.expires_at IS NULL OR f.expires_at > now())')
      .getOne();
    if (!file) throw noSuchFile(fileId);
    return file;
  }

  async get(ownerUserId: string, fileId: string): Promise<FileView> {
    return fileView(await this.live(ownerUserId, fileId));
  }

  async locate(ownerUserId: string, fileId: string): Promise<FileLocation> {
    const file = await this.live(ownerUserId, fileId);
    return { file: fileView(file), objectKey: file.objectKey, mediaType: file.mediaType };
  }

  async list(req: ListFilesRequest): Promise<FileListReply> {
    const repo = this.ds.getRepository(FileEntity);
    const query = repo
      .createQueryBuilder('f')
      .where('f.owner_user_id = :owner AND f.deleted_at IS NULL', { owner: req.ownerUserId })
      .andWhere('(f.expires_at IS NULL OR f.expires_at > now())');
    if (req.purpose) query.andWhere('f.purpose = :purpose', { purpose: req.purpose });
    if (req.after) {
      // the cursor keeps its place even if that file was deleted since; it must be the caller's own
      const cursor = await repo.findOneBy({ id: req.after, ownerUserId: req.ownerUserId });
      if (!cursor) throw new DomainError('invalid_value', `No such File object: ${req.after}`, 'after');
      const op = req.order === 'desc' ? '<' : '>';
      query.andWhere(`(f.created_at, f.seq) ${op} (:createdAt, :seq)`, { createdAt: cursor.createdAt, seq: cursor.seq.toString() });
    }
    const direction = req.order === 'desc' ? 'DESC' : 'ASC';
    const rows = await query.orderBy('f.created_at', direction).addOrderBy('f.seq', direction).limit(req.limit + 1).getMany();
    const data = rows.slice(0, req.limit).map(fileView);
    return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: rows.length > req.limit };
  }

  async remove(ownerUserId: string, fileId: string): Promise<FileDeletedView> {
    const file = await this.live(ownerUserId, fileId);
    const result = await this.ds
      .getRepository(FileEntity)
      .update({ id: file.id, ownerUserId, deletedAt: IsNull() }, { deletedAt: new Date(), status: 'deleted' });
    if (result.affected === 0) throw noSuchFile(fileId);
    // the record is gone first, so a failure here leaves an orphan for the sweeper, never a dangling file
    await this.storage.remove(file.objectKey).catch(() => undefined);
    return { id: fileId, object: 'file', deleted: true };
  }
}
