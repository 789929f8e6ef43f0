import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ObjectStorage } from '@switchyard/object-storage';
import {
  DEFAULT_IMAGE_MODEL,
  DomainError,
  ImageEditBody,
  ImageGenerationBody,
  MAX_EDIT_IMAGE_BYTES,
  Principal,
  RerankBody,
} from '@switchyard/contracts';
import { Access, Caller } from '../auth/access';
import { admitBody } from '../http/edge';
import { InferenceService } from './inference.service';
import { ParkedParts, parkParts, PartNames, removeParked } from './parked-parts';

/** The file parts of a multipart edit: images (`image`, or `image[]` for several) and one mask. */
const EDIT_PARTS: PartNames = {
  image: { field: 'image', many: true },
  'image[]': { field: 'image', many: true },
  mask: { field: 'mask', many: false },
};

/** A multipart edit's fields as the JSON form's; its images and mask travel as parked parts beside it. */
function imageEditOf(parts: ParkedParts): Record<string, unknown> & { model: string } {
  if (parts.tooLarge) throw new DomainError('request_too_large', `Each image must be at most ${MAX_EDIT_IMAGE_BYTES} bytes`, 'image', 413);
  if (!parts.fields.prompt) throw new DomainError('missing_required_parameter', "Missing required parameter: 'prompt'", 'prompt');
  if (!parts.parts.some((p) => p.field === 'image'))
    throw new DomainError('missing_required_parameter', "Missing required parameter: 'image'", 'image');
  const numeric = new Set(['n', 'output_compression', 'partial_images']);
  const fields = Object.fromEntries(Object.entries(parts.fields).map(([k, v]) => [k, numeric.has(k) ? Number(v) : v]));
  return { ...fields, model: parts.fields.model || DEFAULT_IMAGE_MODEL };
}

/**
 * Validation rejects bad input but keeps the caller's body as sent: unknown fields pass through.
 * Chat, completions, embeddings and Responses are served on Fastify directly (inference-routes.ts).
 */
@Controller('v1')
export class InferenceController {
  constructor(
    private readonly inference: InferenceService,
    private readonly storage: ObjectStorage,
  ) {}

  /** A stored Responses answer, read or deleted at the channel that made it. */
  @Get('responses/:id')
  @Access('inference')
  getResponse(@Caller() caller: Principal, @Param('id') responseId: string) {
    return this.inference.storedResponse(caller, responseId, 'get');
  }

  @Get('responses/:id/input_items')
  @Access('inference')
  responseInputItems(@Caller() caller: Principal, @Param('id') responseId: string) {
    return this.inference.storedResponse(caller, responseId, 'input_items');
  }

  @Delete('responses/:id')
  @Access('inference')
  deleteResponse(@Caller() caller: Principal, @Param('id') responseId: string) {
    return this.inference.storedResponse(caller, responseId, 'delete');
  }

  @Post('images/generations')
  @HttpCode(200)
  @Access('inference')
  async imageGenerations(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const validated = admitBody(ImageGenerationBody, body);
    await this.inference.handle(
      '/v1/images/generations',
      caller,
      { ...(body as ImageGenerationBody), model: validated.model ?? DEFAULT_IMAGE_MODEL },
      req,
      reply,
      false,
    );
  }

  /**
   * JSON: `images[]` by our file id (an uploaded reference file) or by URL, an optional `mask`.
   * Multipart (what the SDKs send): `image` / `image[]` files and `mask`, parked in object storage
   * for the request; they travel to the router beside the body (`ExecuteRequest.parked`).
   */
  @Post('images/edits')
  @HttpCode(200)
  @Access('inference')
  async imageEdits(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!req.headers['content-type']?.startsWith('multipart/form-data')) {
      const validated = admitBody(ImageEditBody, body);
      await this.inference.handle(
        '/v1/images/edits',
        caller,
        { ...(body as ImageEditBody), model: validated.model ?? DEFAULT_IMAGE_MODEL },
        req,
        reply,
        false,
      );
      return;
    }
    const place = { storage: this.storage, userId: caller.userId, requestId: String(req.id) };
    const parked = await parkParts(req.raw, place, EDIT_PARTS, MAX_EDIT_IMAGE_BYTES);
    try {
      await this.inference.handle('/v1/images/edits', caller, imageEditOf(parked), req, reply, false, parked.parts);
    } finally {
      await removeParked(place, parked);
    }
  }

  /** Cohere/Jina shape: `model, query, documents, top_n` → `results[{index, relevance_score, document?}]`. */
  @Post('rerank')
  @HttpCode(200)
  @Access('inference')
  async rerank(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    admitBody(RerankBody, body);
    await this.inference.handle('/v1/rerank', caller, body as RerankBody, req, reply, false);
  }
}
