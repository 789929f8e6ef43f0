import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ChatCompletionBody, CompletionsBody, createValidated, DomainError, EmbeddingsBody, Principal, ResponsesBody } from '@switchyard/contracts';
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

  @Post('completions')
  @HttpCode(200)
  @Access('inference')
  async completions(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    createValidated(CompletionsBody, body);
    await this.inference.handle('/v1/completions', caller, body as CompletionsBody, req, reply);
  }

  /** Passed through to channels that speak the Responses API; streaming its typed events comes later. */
  @Post('responses')
  @HttpCode(200)
  @Access('inference')
  async responses(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const validated = createValidated(ResponsesBody, body);
    if (validated.stream === true) throw new DomainError('invalid_value', 'Streaming is not supported on /v1/responses yet; send stream: false', 'stream');
    await this.inference.handle('/v1/responses', caller, body as ResponsesBody, req, reply);
  }
}
