import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, IsNull } from 'typeorm';
import {
  ChannelView, CreateChannelBody, DeletedView, DomainError, Events, InferenceEndpoints, newId, Principal, UpdateChannelBody,
} from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { broadcast, NATS_CONNECTION } from '@switchyard/nats';
import { providerNames } from '@switchyard/providers';
import { ChannelTable } from './channel-table';
import { ChannelEntity } from './entities/channel.entity';
import { maskKey, SecretBox } from './secret-box';

function channelView(c: ChannelEntity): ChannelView {
  return {
    id: c.id, object: 'channel', name: c.name, provider: c.provider, type: c.type, base_url: c.baseUrl,
    api_key_hint: c.apiKeyHint, models: c.models, model_mapping: c.modelMapping, priority: c.priority, weight: c.weight,
    endpoints: c.endpoints, status: c.status, created_at: unixSeconds(c.createdAt), updated_at: unixSeconds(c.updatedAt),
  };
}

function checkProvider(provider: string | undefined): void {
  if (provider !== undefined && !providerNames.includes(provider)) {
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

/** PLATFORM channels, managed by admins. (PRIVATE channels arrive with BYOK.) */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly table: ChannelTable,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  private requireAdmin(principal: Principal): void {
    if (principal.role !== 'admin') throw new DomainError('permission_denied', 'Only admins manage platform channels');
  }

  private async find(id: string): Promise<ChannelEntity> {
    const channel = await this.ds.getRepository(ChannelEntity).findOneBy({ id, type: 'PLATFORM', deletedAt: IsNull() });
    if (!channel) throw DomainError.notFound(`Channel ${id}`, 'id');
    return channel;
  }

  /** This replica sees the change at once; the others on the broadcast. */
  private async changed(): Promise<void> {
    await this.table.reload();
    broadcast(this.nc, Events.routerChannelChanged, {});
  }

  async create(principal: Principal, body: CreateChannelBody): Promise<ChannelView> {
    this.requireAdmin(principal);
    checkProvider(body.provider);
    checkMapping(body.model_mapping);
    const repo = this.ds.getRepository(ChannelEntity);
    const channel = repo.create({
      id: newId('ch_'), name: body.name, provider: body.provider, type: 'PLATFORM', ownerUserId: null,
      baseUrl: body.base_url.replace(/\/+$/, ''), apiKeySealed: this.box.seal(body.api_key), apiKeyHint: maskKey(body.api_key),
      models: body.models, modelMapping: body.model_mapping ?? {}, priority: body.priority ?? 0, weight: body.weight ?? 1,
      endpoints: body.endpoints ?? [...InferenceEndpoints], status: body.status ?? 'enabled', deletedAt: null,
    });
    await repo.insert(channel);
    await this.changed();
    return channelView(await this.find(channel.id));
  }

  async list(principal: Principal): Promise<ChannelView[]> {
    this.requireAdmin(principal);
    const rows = await this.ds.getRepository(ChannelEntity).find({
      where: { type: 'PLATFORM', deletedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(channelView);
  }

  async get(principal: Principal, id: string): Promise<ChannelView> {
    this.requireAdmin(principal);
    return channelView(await this.find(id));
  }

  async update(principal: Principal, id: string, body: UpdateChannelBody): Promise<ChannelView> {
    this.requireAdmin(principal);
    checkMapping(body.model_mapping);
    const channel = await this.find(id);
    const patch: Partial<ChannelEntity> = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.base_url !== undefined && { baseUrl: body.base_url.replace(/\/+$/, '') }),
      ...(body.api_key !== undefined && { apiKeySealed: this.box.seal(body.api_key), apiKeyHint: maskKey(body.api_key) }),
      ...(body.models !== undefined && { models: body.models }),
      ...(body.model_mapping !== undefined && { modelMapping: body.model_mapping }),
      ...(body.priority !== undefined && { priority: body.priority }),
      ...(body.weight !== undefined && { weight: body.weight }),
      ...(body.endpoints !== undefined && { endpoints: body.endpoints }),
      ...(body.status !== undefined && { status: body.status }),
    };
    if (Object.keys(patch).length > 0) {
      await this.ds.getRepository(ChannelEntity).update({ id: channel.id }, { ...patch, updatedAt: new Date() });
      await this.changed();
    }
    return channelView(await this.find(id));
  }

  /** Soft delete: usage history keeps pointing at a channel id that once existed. */
  async remove(principal: Principal, id: string): Promise<DeletedView> {
    this.requireAdmin(principal);
    const channel = await this.find(id);
    await this.ds.getRepository(ChannelEntity).update({ id: channel.id }, { deletedAt: new Date(), status: 'disabled' });
    await this.changed();
    return { id, object: 'channel.deleted', deleted: true };
  }
}
