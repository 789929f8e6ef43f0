import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '@switchyard/contracts';
import { Access, Caller } from '../auth/access';
import { GatewayFilesService } from './files.service';

@Controller('v1/files')
@Access('inference')
export class FilesController {
  constructor(private readonly files: GatewayFilesService) {}

  @Post()
  @HttpCode(200)
  upload(@Caller() caller: Principal, @Req() request: FastifyRequest) {
    return this.files.upload(caller, request);
  }

  @Get()
  list(@Caller() caller: Principal, @Query() query: Record<string, string | undefined>) {
    return this.files.list(caller, query);
  }

  @Get(':id')
  get(@Caller() caller: Principal, @Param('id') fileId: string) {
    return this.files.get(caller, fileId);
  }

  @Get(':id/content')
  content(@Caller() caller: Principal, @Param('id') fileId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.files.content(caller, fileId, request, reply);
  }

  @Delete(':id')
  remove(@Caller() caller: Principal, @Param('id') fileId: string) {
    return this.files.remove(caller, fileId);
  }
}
