import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CountTokensBody, DomainError, GenerateContentBody, MessagesBody, Principal } from '@switchyard/contracts';
import { Access, Caller } from '../auth/access';
import { admitBody } from '../http/edge';
import { InferenceService } from './inference.service';

const GEMINI_METHODS = { generateContent: false, streamGenerateContent: true } as const;

/** `gemini-2.0-flash:streamGenerateContent` → the model and whether it streams. */
function geminiTarget(modelAction: string): { model: string; stream: boolean } {
  const at = modelAction.lastIndexOf(':');
  const model = at > 0 ? modelAction.slice(0, at) : '';
  const method = modelAction.slice(at + 1);
  if (!model || !Object.prototype.hasOwnProperty.call(GEMINI_METHODS, method)) {
    throw new DomainError('not_found', `Unknown method: ${modelAction}; use {model}:generateContent or {model}:streamGenerateContent`, null, 404);
  }
  return { model, stream: GEMINI_METHODS[method as keyof typeof GEMINI_METHODS] };
}

/** The providers' own APIs at our edge: Anthropic Messages and Gemini generateContent, served by any channel that can. */
@Controller()
export class NativeFormatsController {
  constructor(private readonly inference: InferenceService) {}

  @Post('v1/messages')
  @HttpCode(200)
  @Access('inference')
  async messages(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    admitBody(MessagesBody, body);
    await this.inference.handle('/v1/messages', caller, body as MessagesBody, req, reply);
  }

  @Post('v1/messages/count_tokens')
  @HttpCode(200)
  @Access('inference')
  countTokens(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest) {
    admitBody(CountTokensBody, body);
    return this.inference.countTokens(caller, body as CountTokensBody, req);
  }

  @Post('v1beta/models/:modelAction')
  @HttpCode(200)
  @Access('inference')
  async generateContent(@Caller() caller: Principal, @Param('modelAction') modelAction: string, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { model, stream } = geminiTarget(modelAction);
    admitBody(GenerateContentBody, body);
    const request = { ...(body as GenerateContentBody), model, ...(stream && { stream: true }) };
    await this.inference.handle('/v1beta/models:generateContent', caller, request, req, reply, stream);
  }
}
