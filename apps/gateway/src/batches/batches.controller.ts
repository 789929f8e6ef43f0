import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CreateBatchBody, DomainError, Principal, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';
import { admitBody } from '../http/edge';

/** OpenAI's Batch API; the work runs in the batches service. */
@Controller('v1/batches')
@Access('inference')
export class BatchesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  create(@Caller() caller: Principal, @Body() body: unknown) {
    return this.rpc.send(Subjects.batchesBatchCreate, { principal: caller, body: admitBody(CreateBatchBody, body) });
  }

  @Get()
  list(@Caller() caller: Principal, @Query('limit') limit?: string, @Query('after') after?: string) {
    const n = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new DomainError('invalid_value', 'limit must be an integer from 1 to 100', 'limit');
    return this.rpc.send(Subjects.batchesBatchList, { ownerUserId: caller.userId, limit: n, after: after || undefined });
  }

  @Get(':id')
  get(@Caller() caller: Principal, @Param('id') batchId: string) {
    return this.rpc.send(Subjects.batchesBatchGet, { ownerUserId: caller.userId, batchId });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Caller() caller: Principal, @Param('id') batchId: string) {
    return this.rpc.send(Subjects.batchesBatchCancel, { ownerUserId: caller.userId, batchId });
  }
}
