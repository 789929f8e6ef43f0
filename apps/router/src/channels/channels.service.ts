import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  ChannelHealthView,
  ChannelRef,
  ChannelScope,
  ChannelTestView,
  ChannelView,
  CreateChannelBody,
  DeletedView,
  DomainError,
  InferenceEndpoints,
  newId,
  UpdateChannelBody,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { adapterFor, bridgeFor, providerNames, resolvePublicAddresses, UpstreamError } from '@switchyard/providers';
import { ChannelHealth } from './channel-health';
import { upstreamModel, upstreamTargetOf } from '../routing/channel-selector';
import { ChannelTable } from './channel-table';
import { ChannelEntity } from '../entities/channel.entity';
import { RouterConfig } from '../router.config';
import { attemptErrorCode } from '../routing/routing-info';
import { maskKey, SecretBox } from './secret-box';

const PROBE_TIMEOUT_MS = 15_000;

function checkProvider(provider: string): void {
  if (!providerNames.includes(provider)) {
    throw new DomainError('invalid_value', `Unknown provider "${provider}"; supported: ${providerNames.join(', ')}`, 'provider');
  }
}

function checkMapping(mapping: Record<string, unknown> | undefined): void {
  if (mapping === undefined) return;
  for (const [from, to] of Object.entries(mapping)) {
    if (typeof to !== 'string' || to.length === 0) {
      throw new DomainError('invalid_value', `model_mapping["${from}"] must be a non-empty string`, 'model_mapping');
    }
  }
}

const trimUrl = (url: string) => url.replace(/\/+$/, '');

/**
 * PLATFORM channels (admins) and PRIVATE channels (each user their own, BYOK) share one table and
 * one shape. Every query is scoped by type and, for PRIVATE, by owner: another user's channel
 * does not exist. Keys are sealed on the way in and never come back out.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly table: ChannelTable,
    private readonly health: ChannelHealth,
    private readonly config: RouterConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  private view(c: ChannelEntity): ChannelView {
    const now = Date.now();
    return {
      id: c.id,
      object: 'channel',
      name: c.name,
      provider: c.provider,
      type: c.type,
      base_url: c.baseUrl,
      api_key_hint: c.apiKeyHint,
      models: c.models,
      model_mapping: c.modelMapping,
      priority: c.priority,
      weight: c.weight,
      endpoints: c.endpoints,
      status: c.status,
      status_reason: c.statusReason,
      owner_user_id: c.ownerUserId,
      max_concurrency: c.maxConcurrency,
      rpm_limit: c.rpmLimit,
      cache_ttl_seconds: c.cacheTtlSeconds,
      health: { circuit: this.health.board.worstState(c.id, now), recent_failures: this.health.board.recentFailures(c.id, now) },
      created_at: unixSeconds(c.createdAt),
      updated_at: unixSeconds(c.updatedAt),
    };
  }

  private authorize(scope: ChannelScope): void {
    if (scope.type === 'PLATFORM' && scope.principal.role !== 'admin') {
      throw new DomainError('permission_denied', 'Only admins manage platform channels');
    }
  }

  /** The channels this scope may see: all PLATFORM ones for an admin, or the caller's own PRIVATE ones. */
  private where(scope: ChannelScope) {
    return scope.type === 'PLATFORM'
      ? { type: 'PLATFORM' as const, deletedAt: IsNull() }
      : { type: 'PRIVATE' as const, ownerUserId: scope.principal.userId, deletedAt: IsNull() };
  }

  private async find(ref: ChannelRef): Promise<ChannelEntity> {
    this.authorize(ref);
    const channel = await this.ds.getRepository(ChannelEntity).findOneBy({ ...this.where(ref), id: ref.channelId });
    if (!channel) throw DomainError.notFound(`Channel ${ref.channelId}`, 'id');
    return channel;
  }

  /**
   * A user-supplied upstream must be https to a public address (the SSRF guard; the router checks
   * again on every connection), unless the operator allows private upstreams.
   */
  private async checkUpstreamUrl(scope: ChannelScope, baseUrl: string): Promise<void> {
    if (scope.type !== 'PRIVATE' || this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS) return;
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:') throw new DomainError('invalid_value', 'base_url must use https', 'base_url');
    try {
      await resolvePublicAddresses(url.hostname);
    } catch (error) {
      throw new DomainError('invalid_value', `base_url must point to a public address: ${(error as Error).message}`, 'base_url');
    }
  }

  async create(scope: ChannelScope, body: CreateChannelBody): Promise<ChannelView> {
    this.authorize(scope);
    checkProvider(body.provider);
    checkMapping(body.model_mapping);
    const baseUrl = body.base_url ?? adapterFor(body.provider)!.defaultBaseUrl;
    if (!baseUrl)
      throw new DomainError(
        'missing_required_parameter',
        `Provider "${body.provider}" has no official URL; base_url is required`,
        'base_url',
      );
    if (body.base_url !== undefined) await this.checkUpstreamUrl(scope, body.base_url);
    const repo = this.ds.getRepository(ChannelEntity);
    const channel = repo.create({
      id: newId('ch_'),
      name: body.name ?? `${body.provider} ${body.models[0]}`,
      provider: body.provider,
      type: scope.type,
      ownerUserId: scope.type === 'PRIVATE' ? scope.principal.userId : null,
      baseUrl: trimUrl(baseUrl),
      apiKeySealed: this.box.seal(body.api_key),
      apiKeyHint: maskKey(body.api_key),
      models: body.models,
      modelMapping: body.model_mapping ?? {},
      priority: body.priority ?? 0,
      weight: body.weight ?? 1,
      endpoints: body.endpoints ?? [...InferenceEndpoints],
      status: body.status ?? 'enabled',
      statusReason: null,
      maxConcurrency: body.max_concurrency ?? null,
      rpmLimit: body.rpm_limit ?? null,
      cacheTtlSeconds: body.cache_ttl_seconds ?? null,
      deletedAt: null,
    });
    await repo.insert(channel);
    await this.table.changed();
    return this.view(await this.find({ ...scope, channelId: channel.id }));
  }

  async list(scope: ChannelScope): Promise<ChannelView[]> {
    this.authorize(scope);
    const rows = await this.ds.getRepository(ChannelEntity).find({ where: this.where(scope), order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((c) => this.view(c));
  }

  async get(ref: ChannelRef): Promise<ChannelView> {
    return this.view(await this.find(ref));
  }

  async update(ref: ChannelRef, body: UpdateChannelBody): Promise<ChannelView> {
    checkMapping(body.model_mapping);
    const channel = await this.find(ref);
    if (body.base_url !== undefined) await this.checkUpstreamUrl(ref, body.base_url);
    const patch: Partial<ChannelEntity> = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.base_url !== undefined && { baseUrl: trimUrl(body.base_url) }),
      ...(body.api_key !== undefined && { apiKeySealed: this.box.seal(body.api_key), apiKeyHint: maskKey(body.api_key) }),
      ...(body.models !== undefined && { models: body.models }),
      ...(body.model_mapping !== undefined && { modelMapping: body.model_mapping }),
      ...(body.priority !== undefined && { priority: body.priority }),
      ...(body.weight !== undefined && { weight: body.weight }),
      ...(body.endpoints !== undefined && { endpoints: body.endpoints }),
      ...(body.status !== undefined && { status: body.status, statusReason: null }),
      ...(body.max_concurrency !== undefined && { maxConcurrency: body.max_concurrency }),
      ...(body.rpm_limit !== undefined && { rpmLimit: body.rpm_limit }),
      ...(body.cache_ttl_seconds !== undefined && { cacheTtlSeconds: body.cache_ttl_seconds }),
    };
    if (Object.keys(patch).length > 0) {
      await this.ds.getRepository(ChannelEntity).update({ id: channel.id }, { ...patch, updatedAt: new Date() });
      // a new key or URL deserves a fresh start
      if (patch.apiKeySealed || patch.baseUrl || patch.status === 'enabled') await this.health.resetEverywhere(channel.id, 'forget');
      await this.table.changed();
    }
    return this.view(await this.find(ref));
  }

  /** Soft delete: usage history keeps pointing at a channel id that once existed. */
  async remove(ref: ChannelRef): Promise<DeletedView> {
    const channel = await this.find(ref);
    await this.ds.getRepository(ChannelEntity).update({ id: channel.id }, { deletedAt: new Date(), status: 'disabled' });
    await this.health.resetEverywhere(channel.id, 'remove');
    await this.table.changed();
    return { id: channel.id, object: 'channel.deleted', deleted: true };
  }

  /** The channel's circuit per model (as every replica holds it), each model's last error, and why it was auto-disabled. */
  async healthOf(ref: ChannelRef): Promise<ChannelHealthView> {
    const channel = await this.find(ref);
    return {
      object: 'channel.health',
      channel_id: channel.id,
      status: channel.status,
      auto_disabled_reason: channel.status === 'auto_disabled' ? channel.statusReason : null,
      models: this.health.board.modelHealth(channel.id, channel.models, Date.now()).map((m) => ({
        model: m.model,
        circuit: m.circuit,
        recent_failures: m.recentFailures,
        last_error: m.lastError?.message ?? null,
        last_error_at: m.lastError ? Math.floor(m.lastError.at / 1000) : null,
      })),
    };
  }

  /**
   * One small real request through the channel (whatever its status or circuit), reported like any
   * other call. A passing test re-enables a channel the router had auto-disabled.
   */
  async test(ref: ChannelRef): Promise<ChannelTestView> {
    const row = await this.find(ref);
    const channel = (await this.table.current()).find((c) => c.id === row.id);
    if (!channel) throw new DomainError('invalid_value', `Channel ${row.id} cannot be used: its key cannot be decrypted`, 'id');
    const adapter = adapterFor(channel.provider)!;
    // a one-token chat in the channel's own API (translated where it speaks another), else an embedding
    const endpoint = (['/v1/chat/completions', '/v1/embeddings'] as const).find(
      (e) => channel.endpoints.includes(e) && bridgeFor(e, adapter.endpoints),
    );
    if (!endpoint) throw new DomainError('invalid_value', `Channel ${row.id} serves no endpoint its provider supports`, 'id');
    const model = channel.models[0] ?? Object.keys(channel.modelMapping)[0];
    const bridge = bridgeFor(endpoint, adapter.endpoints)!;
    const probe =
      endpoint === '/v1/chat/completions' ? { messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 } : { input: 'ping' };
    const body = { ...bridge.request({ model, ...probe }), model: upstreamModel(channel, model) };
    const started = Date.now();
    let failure: UpstreamError | null = null;
    try {
      const target = upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS);
      await adapter.send({
        endpoint: bridge.upstreamEndpoint,
        target,
        body,
        timeoutMs: Math.min(PROBE_TIMEOUT_MS, this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS),
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      failure = error;
    }
    const latencyMs = Date.now() - started;
    this.health.report({ channelId: channel.id, channelType: channel.type, model, callerUserId: ref.principal.userId }, failure);
    let status = row.status;
    if (!failure && row.status === 'auto_disabled') {
      await this.ds
        .getRepository(ChannelEntity)
        .update({ id: row.id, status: 'auto_disabled' }, { status: 'enabled', statusReason: null, updatedAt: new Date() });
      await this.table.changed();
      status = 'enabled';
      this.logger.info(`channel ${row.id} re-enabled after a passing test`);
    }
    return {
      object: 'channel.test',
      channel_id: row.id,
      model,
      endpoint,
      ok: failure === null,
      status: failure ? (failure.failure === 'http' ? failure.status : null) : 200,
      latency_ms: latencyMs,
      error: failure ? { code: attemptErrorCode(failure), message: failure.message } : null,
      channel_status: status,
    };
  }
}
