import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  BindFileRequest,
  DomainError,
  ErrorCodes,
  FileBindingView,
  RoutingPolicy,
  Subjects,
  UnbindFileRequest,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { adapterFor, UpstreamError } from '@switchyard/providers';
import { ChannelCallRef, ChannelHealth, FILES_API_CIRCUIT } from '../channels/channel-health';
import { channelTypesFor, orderCandidates, RoutableChannel, servesModel, upstreamTargetOf, visibleTo } from '../routing/channel-selector';
import { ChannelTable } from '../channels/channel-table';
import { RouterConfig } from '../router.config';
import { Reference } from './upstream-references';

/**
 * A request that references objects one channel holds (files bound to it, the response it stored):
 * it may go there only, with the provider's file ids.
 */
export interface UpstreamPin {
  channelId: string;
  /** our file id → the provider's (null: the channel reads our copy, nothing to rewrite) */
  upstreamIds: ReadonlyMap<string, string | null>;
}

/** The body with our file ids (`file_id`, `file_ids`) replaced by the provider's. */
export function withUpstreamFileIds(value: unknown, ids: ReadonlyMap<string, string | null>): any {
  if (Array.isArray(value)) return value.map((item) => withUpstreamFileIds(item, ids));
  if (!value || typeof value !== 'object') return value;
  const swap = (id: unknown) => (typeof id === 'string' ? (ids.get(id) ?? id) : id);
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === 'file_id') return [key, swap(inner)];
      if (key === 'file_ids' && Array.isArray(inner)) return [key, inner.map(swap)];
      return [key, withUpstreamFileIds(inner, ids)];
    }),
  );
}

/** Each unbound file costs a `files.file.locate` round trip: a body cannot make a request cost thousands. */
const MAX_FILES_PER_REQUEST = 100;

/** A file the caller named that is not theirs, or not anymore: 404 whoever owns it. */
const noSuchFile = (ref: Reference) => new DomainError(ErrorCodes.fileNotFound, `No such File object: ${ref.id}`, ref.param);

interface BindingRow {
  file_id: string;
  channel_id: string;
  upstream_file_id: string | null;
}

/**
 * Files a provider must hold itself (Anthropic Files mode): the router streams our stored copy to
 * a channel of that provider and remembers which channel holds it, so that requests referencing
 * the file are sent there and nowhere else.
 */
@Injectable()
export class FileBindings {
  constructor(
    private readonly ds: DataSource,
    private readonly table: ChannelTable,
    private readonly health: ChannelHealth,
    private readonly storage: ObjectStorage,
    private readonly config: RouterConfig,
    private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** Channels that can hold a file for `endpoint` (and `model`, when given): they speak that endpoint natively. */
  private async holdersFor(req: BindFileRequest, policy: RoutingPolicy): Promise<RoutableChannel[]> {
    const types = channelTypesFor(policy);
    const holders = (await this.table.current()).filter((c) => {
      const adapter = adapterFor(c.provider);
      return (
        c.status === 'enabled' &&
        types.includes(c.type) &&
        visibleTo(c, req.principal.userId) &&
        c.endpoints.includes(req.endpoint) &&
        adapter !== undefined &&
        adapter.endpoints.includes(req.endpoint) &&
        (req.model === undefined || servesModel(c, req.model))
      );
    });
    return orderCandidates(holders, policy);
  }

  private async record(req: BindFileRequest, channelId: string, upstreamFileId: string | null): Promise<FileBindingView> {
    await this.ds.query(
      `INSERT INTO router.file_bindings (file_id, owner_user_id, channel_id, upstream_file_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (file_id) DO UPDATE SET channel_id = EXCLUDED.channel_id, upstream_file_id = EXCLUDED.upstream_file_id`,
      [req.fileId, req.principal.userId, channelId, upstreamFileId],
    );
    return { fileId: req.fileId, channelId, upstreamFileId };
  }

  /**
   * Binds the file to the first channel (in the caller's routing order) that can hold it. A
   * provider with a Files API gets its own copy, streamed from our storage; one without reads our
   * copy when the file is used, so the binding only pins the route.
   */
  async bind(req: BindFileRequest, policy: RoutingPolicy): Promise<FileBindingView> {
    const holders = await this.holdersFor(req, policy);
    if (holders.length === 0) {
      if (!req.required) return { fileId: req.fileId, channelId: null, upstreamFileId: null };
      const what = req.model ? `\`${req.model}\` on ${req.endpoint}` : req.endpoint;
      throw new DomainError(
        'channels_unavailable',
        `No channel can hold files for ${what}: an operator must add one (for Anthropic Files, a channel with provider "anthropic").`,
      );
    }
    let lastFailure: UpstreamError | null = null;
    for (const channel of holders.slice(0, this.config.SWITCHYARD_MAX_ATTEMPTS)) {
      if (!this.health.admit(channel.id, FILES_API_CIRCUIT)) continue;
      const call: ChannelCallRef = {
        channelId: channel.id,
        channelType: channel.type,
        model: FILES_API_CIRCUIT,
        callerUserId: req.principal.userId,
      };
      const adapter = adapterFor(channel.provider)!;
      if (!adapter.uploadFile) return this.record(req, channel.id, null);
      try {
        const content = await this.storage.getStream(req.objectKey, { owner: req.principal.userId });
        const target = upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS);
        const upstreamFileId = await adapter.uploadFile(
          target,
          { filename: req.filename, mediaType: req.mediaType, bytes: req.bytes, content },
          this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS,
        );
        this.health.report(call, null);
        return await this.record(req, channel.id, upstreamFileId);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        this.health.report(call, error);
        this.logger.warn(`file ${req.fileId}: channel ${channel.id} refused it (${error.failure} ${error.status ?? ''}): ${error.message}`);
        lastFailure = error;
        if (!error.retryable) break;
      }
    }
    const reason = lastFailure ? `: ${lastFailure.message}` : '';
    throw new DomainError(
      'upstream_error',
      `No channel accepted the file${reason}`,
      'file',
      lastFailure?.status && lastFailure.status < 500 && lastFailure.status !== 429 ? lastFailure.status : 502,
    );
  }

  /**
   * The caller deleted a file: the provider's copy is deleted and the binding goes. A provider that
   * cannot be reached keeps its copy (logged); the binding goes anyway, so the file is unusable.
   */
  async unbind(req: UnbindFileRequest): Promise<{ unbound: boolean }> {
    // TypeORM answers a Postgres DELETE with [returned rows, affected count]
    const [rows] = await this.ds.query<[BindingRow[], number]>(
      `DELETE FROM router.file_bindings WHERE file_id = $1 AND owner_user_id = $2 RETURNING file_id, channel_id, upstream_file_id`,
      [req.fileId, req.principal.userId],
    );
    const row = rows[0];
    if (!row) return { unbound: false };
    const channel = (await this.table.current()).find((c) => c.id === row.channel_id);
    const adapter = channel && adapterFor(channel.provider);
    if (channel && row.upstream_file_id && adapter?.deleteFile) {
      const target = upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS);
      await adapter
        .deleteFile(target, row.upstream_file_id, this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS)
        .catch((e) =>
          this.logger.warn(`file ${row.file_id}: the copy ${row.upstream_file_id} on channel ${channel.id} was not deleted`, e),
        );
    }
    return { unbound: true };
  }

  /**
   * The pin for a request's file references, if any are bound. Every referenced id must be the
   * caller's: bound to them (the provider holds a copy), or an OpenAI-mode file of theirs that no
   * provider holds. Any other id answers 404 before anything is sent: forwarded as it is, it would
   * name a file in the channel's upstream account, which may be another tenant's. Files bound to
   * two different channels cannot be used together.
   */
  async pinFor(userId: string, refs: readonly Reference[]): Promise<UpstreamPin | null> {
    if (refs.length === 0) return null;
    const ids = [...new Set(refs.map((r) => r.id))];
    if (ids.length > MAX_FILES_PER_REQUEST)
      throw new DomainError('invalid_value', `A request may reference at most ${MAX_FILES_PER_REQUEST} files`, refs[0].param);
    const rows: BindingRow[] = await this.ds.query(
      `SELECT file_id, channel_id, upstream_file_id FROM router.file_bindings WHERE owner_user_id = $1 AND file_id = ANY($2)`,
      [userId, ids],
    );
    const bound = new Set(rows.map((r) => r.file_id));
    const unbound = ids.filter((id) => !bound.has(id)).map((id) => refs.find((r) => r.id === id)!);
    await Promise.all(unbound.map((ref) => this.checkOwnedUnbound(userId, ref)));
    if (rows.length === 0) return null;
    const channels = new Set(rows.map((r) => r.channel_id));
    if (channels.size > 1) {
      throw new DomainError(
        'invalid_value',
        `Files ${rows.map((r) => r.file_id).join(', ')} are held by different upstream channels and cannot be used in one request`,
        'messages',
      );
    }
    return { channelId: rows[0].channel_id, upstreamIds: new Map(rows.map((r) => [r.file_id, r.upstream_file_id])) };
  }

  /** Anthropic-mode files are always bound, so an unbound file of the caller's can only be an OpenAI-mode one. */
  private async checkOwnedUnbound(userId: string, ref: Reference): Promise<void> {
    try {
      await this.rpc.send(Subjects.filesFileLocate, { ownerUserId: userId, api: 'openai', fileId: ref.id });
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) throw noSuchFile(ref);
      throw error;
    }
  }
}
