import { Body, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ChannelType, CreateChannelBody, createValidated, Principal, Subjects, UpdateChannelBody } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Caller } from '../auth/access';

/** The channel routes, the same for admins' PLATFORM channels and each user's own PRIVATE ones. */
export abstract class ChannelRoutes {
  protected abstract readonly type: ChannelType;

  constructor(protected readonly rpc: RpcClient) {}

  @Post()
  create(@Caller() caller: Principal, @Body() body: unknown) {
    return this.rpc.send(Subjects.routerChannelCreate, {
      principal: caller,
      type: this.type,
      body: createValidated(CreateChannelBody, body),
    });
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
  update(@Caller() caller: Principal, @Param('id') channelId: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.routerChannelUpdate, {
      principal: caller,
      type: this.type,
      channelId,
      body: createValidated(UpdateChannelBody, body),
    });
  }

  @Delete(':id')
  remove(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelDelete, { principal: caller, type: this.type, channelId });
  }

  /** Sends one small real request through the channel and reports latency and result. */
  @Post(':id/test')
  @HttpCode(200)
  test(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelTest, { principal: caller, type: this.type, channelId });
  }
}
