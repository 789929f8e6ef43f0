import { Controller, Get, Param } from '@nestjs/common';
import { DomainError, Principal, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';

@Controller('v1/models')
export class ModelsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access('inference')
  async list(@Caller() caller: Principal) {
    return { object: 'list', data: await this.rpc.send(Subjects.routerModelList, { principal: caller }) };
  }

  /** Model ids may contain slashes (`vendor/model`), hence the wildcard. */
  @Get('*')
  @Access('inference')
  async get(@Caller() caller: Principal, @Param('*') model: string) {
    const found = (await this.rpc.send(Subjects.routerModelList, { principal: caller })).find((m) => m.id === model);
    if (!found) throw new DomainError('model_not_found', `The model \`${model}\` does not exist or you do not have access to it.`, 'model');
    return found;
  }
}
