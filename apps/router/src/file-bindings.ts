import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BindFileRequest, DomainError, FileBindingView, RoutingPolicy, UnbindFileRequest } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { adapterFor, UpstreamError } from '@switchyard/providers';
import { ChannelCallRef, ChannelHealth, FILES_API_CIRCUIT } from './channel-health';
import { channelTypesFor, orderCandidates, RoutableChannel, servesModel, upstreamTargetOf, visibleTo } from './channel-selector';
import { ChannelTable } from './channel-table';
import { RouterConfig } from './router.config';

/** A request that references files held by one channel: it may go there only, with the provider's ids. */
export interface FilePin {
  channelId: string;
  /** our file id → the provider's (null: the channel reads our copy, nothing to rewrite) */
  upstreamIds: ReadonlyMap<string, string | null>;
}

/** Every `file_id` string anywhere in a request body, whatever its API calls the surrounding block. */
export function referencedFileIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedFileIds(item, found);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'file_id' && typeof inner === 'string') found.add(inner);
      else referencedFileIds(inner, found);
    }
  }
  return found;
}

/** The body with our file ids replaced by the provider's. */
export function withUpstreamFileIds(value: unknown, ids: ReadonlyMap<string, string | null>): any {
  if (Array.isArray(value)) return value.map((item) => withUpstreamFileIds(item, ids));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => {
    if (key === 'file_id' && typeof inner === 'string') return [key, ids.get(inner) ?? inner];
    return [key, withUpstreamFileIds(inner, ids)];
  }));
}

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
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** Channels that can hold a file for `endpoint` (and `model`, when given): they speak that endpoint natively. */
  private holdersFor(req: BindFileRequest, policy: RoutingPolicy): RoutableChannel[] {
    const types = channelTypesFor(policy);
    const holders = this.table.all().filter((c) => {
      const adapter = adapterFor(c.provider);
      return c.status === 'enabled' && types.includes(c.type) && visibleTo(c, req.principal.userId) && c.endpoints.includes(req.endpoint) &&
        adapter !== undefined && adapter.endpoints.includes(req.endpoint) && (req.model === undefined || servesModel(c, req.model));
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
    const holders = this.holdersFor(req, policy);
    if (holders.length === 0) {
      if (!req.required) return { fileId: req.fileId, channelId: null, upstreamFileId: null };
      const what = req.model ? `\`${req.model}\` on ${req.endpoint}` : req.endpoint;
      throw new DomainError('channels_unavailable', `No channel can hold files for ${what}: an operator must add one (for Anthropic Files, a channel with provider "anthropic").`);
    }
    let lastFailure: UpstreamError | null = null;
    for (const channel of holders.slice(0, this.config.SWITCHYARD_MAX_ATTEMPTS)) {
      if (!this.health.admit(channel.id, FILES_API_CIRCUIT)) continue;
      const call: ChannelCallRef = { channelId: channel.id, channelType: channel.type, model: FILES_API_CIRCUIT, callerUserId: req.principal.userId };
      const adapter = adapterFor(channel.provider)!;
      if (!adapter.uploadFile) return this.record(req, channel.id, null);
      try {
        const content = await this.storage.getStream(req.objectKey);
        const target = upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS);
        const upstreamFileId = await adapter.uploadFile(target, { filename: req.filename, mediaType: req.mediaType, bytes: req.bytes, content }, this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS);
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
    throw new DomainError('upstream_error', `No channel accepted the file${reason}`, 'file', lastFailure?.status && lastFailure.status < 500 && lastFailure.status !== 429 ? lastFailure.status : 502);
  }

  /**
   * The caller deleted a file: the provider's copy is deleted and the binding goes. A provider that
   * cannot be reached keeps its copy (logged); the binding goes anyway, so the file is unusable.
   */
  async unbind(req: UnbindFileRequest): Promise<{ unbound: boolean }> {
    // TypeORM answers a Postgres DELETE with [returned rows, affected count]
    const [rows] = (await this.ds.query(
      `DELETE FROM router.file_bindings WHERE file_id = $1 AND owner_user_id = $2 RETURNING file_id, channel_id, upstream_file_id`, [req.fileId, req.principal.userId],
    )) as [BindingRow[], number];
    const row = rows[0];
    if (!row) return { unbound: false };
    const channel = this.table.all().find((c) => c.id === row.channel_id);
    const adapter = channel && adapterFor(channel.provider);
    if (channel && row.upstream_file_id && adapter?.deleteFile) {
      const target = upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS);
      await adapter.deleteFile(target, row.upstream_file_id, this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS).catch((e) =>
        this.logger.warn(`file ${row.file_id}: the copy ${row.upstream_file_id} on channel ${channel.id} was not deleted`, e));
    }
    return { unbound: true };
  }

  /**
   * The pin for a request's file references, if any are bound. Bindings are per owner: another
   * user's file id is simply not ours to translate. Files bound to two different channels cannot
   * be used together.
   */
  async pinFor(userId: string, body: Record<string, unknown>): Promise<FilePin | null> {
    const ids = [...referencedFileIds(body)];
    if (ids.length === 0) return null;
    const rows: BindingRow[] = await this.ds.query(
      `SELECT file_id, channel_id, upstream_file_id FROM router.file_bindings WHERE owner_user_id = $1 AND file_id = ANY($2)`, [userId, ids],
    );
    if (rows.length === 0) return null;
    const channels = new Set(rows.map((r) => r.channel_id));
    if (channels.size > 1) {
      throw new DomainError('invalid_value', `Files ${rows.map((r) => r.file_id).join(', ')} are held by different upstream channels and cannot be used in one request`, 'messages');
    }
    return { channelId: rows[0].channel_id, upstreamIds: new Map(rows.map((r) => [r.file_id, r.upstream_file_id])) };
  }
}
