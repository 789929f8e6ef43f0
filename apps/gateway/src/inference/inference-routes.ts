import { FastifyReply, FastifyRequest } from 'fastify';
import {
  ChatCompletionBody,
  CompletionsBody,
  CountTokensBody,
  DomainError,
  EmbeddingsBody,
  GenerateContentBody,
  InferenceEndpoint,
  MessagesBody,
  Principal,
  ResponsesBody,
} from '@switchyard/contracts';
import type { AccessLevel } from '../auth/access';
import { admitBody } from '../http/edge';
import { InferenceService } from './inference.service';

/** One inference route served on Fastify directly: the caller is admitted at `access` before `serve` runs. */
export interface InferenceRoute {
  url: string;
  /** the level a caller needs, as `@Access` gives it on a Nest route (these routes are never public) */
  access: AccessLevel;
  serve(inference: InferenceService, caller: Principal, request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** A JSON route whose body goes to the router as the caller sent it, once its contract admits it (unknown fields pass through). */
function passedOn(endpoint: InferenceEndpoint, contract: new () => Record<string, unknown> & { model: string }): InferenceRoute {
  return {
    url: endpoint,
    access: 'inference',
    async serve(inference, caller, request, reply) {
      const body = request.body;
      admitBody(contract, body);
      await inference.handle(endpoint, caller, body as Record<string, unknown> & { model: string }, request, reply);
    },
  };
}

const GEMINI_METHODS = { generateContent: false, streamGenerateContent: true } as const;

/** `gemini-2.0-flash:streamGenerateContent` → the model and whether it streams. */
export function geminiTarget(modelAction: string): { model: string; stream: boolean } {
  const at = modelAction.lastIndexOf(':');
  const model = at > 0 ? modelAction.slice(0, at) : '';
  const method = modelAction.slice(at + 1);
  if (!model || !Object.prototype.hasOwnProperty.call(GEMINI_METHODS, method)) {
    throw new DomainError(
      'not_found',
      `Unknown method: ${modelAction}; use {model}:generateContent or {model}:streamGenerateContent`,
      null,
      404,
    );
  }
  return { model, stream: GEMINI_METHODS[method as keyof typeof GEMINI_METHODS] };
}

/**
 * The inference routes on the request path of nearly every call: OpenAI's chat, completions,
 * embeddings and Responses, Anthropic's Messages (and its token count) and Gemini's
 * generateContent. The rest of the API stays on Nest controllers.
 */
export const INFERENCE_ROUTES: readonly InferenceRoute[] = [
  passedOn('/v1/chat/completions', ChatCompletionBody),
  passedOn('/v1/completions', CompletionsBody),
  passedOn('/v1/embeddings', EmbeddingsBody),
  /** passed through to channels that speak the Responses API, translated to chat for those that do not */
  passedOn('/v1/responses', ResponsesBody),
  passedOn('/v1/messages', MessagesBody),
  {
    url: '/v1/messages/count_tokens',
    access: 'inference',
    async serve(inference, caller, request, reply) {
      admitBody(CountTokensBody, request.body);
      reply.send(await inference.countTokens(caller, request.body as CountTokensBody, request));
    },
  },
  {
    url: '/v1beta/models/:modelAction',
    access: 'inference',
    async serve(inference, caller, request, reply) {
      const { model, stream } = geminiTarget((request.params as { modelAction: string }).modelAction);
      admitBody(GenerateContentBody, request.body);
      const body = { ...(request.body as GenerateContentBody), model, ...(stream && { stream: true }) };
      await inference.handle('/v1beta/models:generateContent', caller, body, request, reply, stream);
    },
  },
];
