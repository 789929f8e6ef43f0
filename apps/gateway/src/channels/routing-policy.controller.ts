import { Body, Controller, Get, Put } from '@nestjs/common';
import { createValidated, Principal, SetRoutingPolicyBody, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';

/** The caller's choice between their own PRIVATE channels and the PLATFORM pool. */
@Controller('v1/routing-policy')
@Access('inference')
export class RoutingPolicyController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  get(@Caller() caller: Principal) {
    return this.rpc.send(Subjects.routerPolicyGet, { principal: caller });
  }

  @Put()
  set(@Caller() caller: Principal, @Body() body: unknown) {
    return this.rpc.send(Subjects.routerPolicySet, { principal: caller, body: createValidated(SetRoutingPolicyBody, body) });
  }
}
