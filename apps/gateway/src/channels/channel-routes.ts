import { Body, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ChannelType, CreateChannelBody, createValidated, Principal, Subjects, UpdateChannelBody } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Caller } from '../auth/access';
import type { AuditedChange } from '../admin/audit-trail';

/** The channel routes, the same for admins' PLATFORM channels and each user's own PRIVATE ones. */
export abstract class ChannelRoutes {
  protected abstract readonly type: ChannelType;

  constructor(protected readonly rpc: RpcClient) {}

  /** Whether writes are audited (admins' PLATFORM channels): then `changed` follows each, with the state before it. */
  protected readonly audited: boolean = false;

  protected changed(_request: FastifyRequest, _change: AuditedChange): Promise<unknown> {
    return Promise.resolve();
  }

  private stateBefore(caller: Principal, channelId: string) {
    return this.audited
      ? this.rpc.send(Subjects.routerChannelGet, { principal: caller, type: this.type, channelId })
      : Promise.resolve(null);
  }

  @Post()
  async create(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest) {
    const channel = await this.rpc.send(Subjects.routerChannelCreate, {
      principal: caller,
      type: this.type,
      body: createValidated(CreateChannelBody, body),
    });
    await this.changed(req, { action: 'channel.create', target: { type: 'channel', id: channel.id }, before: null, after: channel });
    return channel;
  }

  @Get()
  async list(@Caller() caller: Principal) {
    return { object: 'list', data: await this.rpc.send(Subjects.routerChannelList, { principal: caller, type: this.type }) };
  }

  @Get(':id')
  get(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelGet, { principal: caller, type: this.type, channelId });
  }

  @Patch(':id')
  async update(@Caller() caller: Principal, @Param('id') channelId: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    const update = createValidated(UpdateChannelBody, body);
    const before = await this.stateBefore(caller, channelId);
    const after = await this.rpc.send(Subjects.routerChannelUpdate, { principal: caller, type: this.type, channelId, body: update });
    await this.changed(req, { action: 'channel.update', target: { type: 'channel', id: channelId }, before, after });
    return after;
  }

  @Delete(':id')
  async remove(@Caller() caller: Principal, @Param('id') channelId: string, @Req() req: FastifyRequest) {
    const before = await this.stateBefore(caller, channelId);
    const deleted = await this.rpc.send(Subjects.routerChannelDelete, { principal: caller, type: this.type, channelId });
    await this.changed(req, { action: 'channel.delete', target: { type: 'channel', id: channelId }, before, after: null });
    return deleted;
  }

  /** Sends one small real request through the channel and reports latency and result. */
  @Post(':id/test')
  @HttpCode(200)
  test(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelTest, { principal: caller, type: this.type, channelId });
  }
}
