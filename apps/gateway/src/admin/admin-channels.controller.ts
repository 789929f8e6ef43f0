import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { CreateChannelBody, createValidated, Principal, Subjects, UpdateChannelBody } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';

/** PLATFORM channels. The upstream key goes in and never comes back out. */
@Controller('admin/channels')
@Access('admin')
export class AdminChannelsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  create(@Caller() caller: Principal, @Body() body: unknown) {
    return this.rpc.send(Subjects.routerChannelCreate, { principal: caller, body: createValidated(CreateChannelBody, body) });
  }

  @Get()
  async list(@Caller() caller: Principal) {
    return { object: 'list', data: await this.rpc.send(Subjects.routerChannelList, { principal: caller }) };
  }

  @Get(':id')
  get(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelGet, { principal: caller, channelId });
  }

  @Patch(':id')
  update(@Caller() caller: Principal, @Param('id') channelId: string, @Body() body: unknown) {
    return this.rpc.send(Subjects.routerChannelUpdate, { principal: caller, channelId, body: createValidated(UpdateChannelBody, body) });
  }

  @Delete(':id')
  remove(@Caller() caller: Principal, @Param('id') channelId: string) {
    return this.rpc.send(Subjects.routerChannelDelete, { principal: caller, channelId });
  }
}
