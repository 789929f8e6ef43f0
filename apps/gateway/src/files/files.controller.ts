import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { FastifyRequest, FastifyReply } from 'fastify';
import { FileApi, Principal } from '@switchyard/contracts';
import { Access, Caller } from '../auth/access';
import { speaksAnthropic } from '../http/api-dialect';
import { anthropicFile, anthropicFileList, openAiFile, openAiFileList } from './file-views';
import { GatewayFilesService } from './files.service';

const apiOf = (request: FastifyRequest): FileApi => (speaksAnthropic(request) ? 'anthropic' : 'openai');

/** `/v1/files`: OpenAI's Files API, or Anthropic's with `anthropic-beta: files-api-2025-04-14`. */
@Controller('v1/files')
@Access('inference')
export class FilesController {
  constructor(private readonly files: GatewayFilesService) {}

  @Post()
  @HttpCode(200)
  async upload(@Caller() caller: Principal, @Req() request: FastifyRequest) {
    const api = apiOf(request);
    const file = await this.files.upload(caller, api, request);
    return api === 'anthropic' ? anthropicFile(file) : openAiFile(file);
  }

  @Get()
  async list(@Caller() caller: Principal, @Req() request: FastifyRequest, @Query() query: Record<string, string | undefined>) {
    const api = apiOf(request);
    const page = await this.files.list(caller, api, query);
    return api === 'anthropic' ? anthropicFileList(page) : openAiFileList(page);
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Req() request: FastifyRequest, @Param('id') fileId: string) {
    const api = apiOf(request);
    const file = await this.files.get(caller, api, fileId);
    return api === 'anthropic' ? anthropicFile(file) : openAiFile(file);
  }

  @Get(':id/content')
  content(@Caller() caller: Principal, @Param('id') fileId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.files.content(caller, apiOf(request), fileId, request, reply);
  }

  @Delete(':id')
  async remove(@Caller() caller: Principal, @Req() request: FastifyRequest, @Param('id') fileId: string) {
    const removed = await this.files.remove(caller, apiOf(request), fileId);
    return removed.api === 'anthropic' ? { id: removed.id, type: 'file_deleted' } : { id: removed.id, object: 'file', deleted: true };
  }
}
