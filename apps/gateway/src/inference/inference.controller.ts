import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ChatCompletionBody, createValidated, EmbeddingsBody, Principal } from '@switchyard/contracts';
import { Access, Caller } from '../auth/access';
import { InferenceService } from './inference.service';

/** Validation rejects bad input but keeps the caller's body as sent: unknown fields pass through. */
@Controller('v1')
export class InferenceController {
  constructor(private readonly inference: InferenceService) {}

  @Post('chat/completions')
  @HttpCode(200)
  @Access('inference')
  async chat(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    createValidated(ChatCompletionBody, body);
    await this.inference.handle('/v1/chat/completions', caller, body as ChatCompletionBody, req, reply);
  }

  @Post('embeddings')
  @HttpCode(200)
  @Access('inference')
  async embeddings(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    createValidated(EmbeddingsBody, body);
    await this.inference.handle('/v1/embeddings', caller, body as EmbeddingsBody, req, reply);
  }
}
