import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, GenerationBody, Principal, Subjects, TaskKind } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';
import { noteRequested } from '../http/access-log';
import { admitBody } from '../http/edge';

const kinds: Record<string, TaskKind> = { videos: 'video', music: 'music', '3d': '3d' };

function kindOf(family: string): TaskKind {
  const kind = kinds[family];
  if (!kind) throw new DomainError('not_found', `Unknown request URL: /v1/${family}/generations`, null, 404);
  return kind;
}

/**
 * Asynchronous generations: `POST /v1/{videos,music,3d}/generations` answers at once with a queued
 * task; `GET …/{id}` reports it, with result files served by us once it succeeded.
 */
@Controller('v1')
export class GenerationTasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':family/generations')
  @HttpCode(200)
  @Access('inference')
  create(@Caller() caller: Principal, @Param('family') family: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    const kind = kindOf(family);
    const admitted = admitBody(GenerationBody, body);
    noteRequested(request, admitted.model, false);
    return this.rpc.send(Subjects.batchesTaskCreate, { principal: caller, kind, body: admitted });
  }

  @Get(':family/generations/:id')
  @Access('inference')
  get(@Caller() caller: Principal, @Param('family') family: string, @Param('id') taskId: string) {
    return this.rpc.send(Subjects.batchesTaskGet, { principal: caller, kind: kindOf(family), taskId });
  }
}
