import {
  AcceptInviteBody,
  AddCreditBody,
  ChangePasswordBody,
  ChatCompletionBody,
  CompletionsBody,
  CountTokensBody,
  CreateBatchBody,
  CreateChannelBody,
  CreateKeyBody,
  CreateUserBody,
  EmbeddingsBody,
  GenerateContentBody,
  GenerationBody,
  ImageEditBody,
  ImageGenerationBody,
  ImageReference,
  InviteBody,
  MessagesBody,
  RerankBody,
  ResponsesBody,
  SetPriceBody,
  SetRateLimitBody,
  SetRoutingPolicyBody,
  SignInBody,
  SpeechBody,
  UpdateChannelBody,
  UpdateUserBody,
} from '@switchyard/contracts';
import type { PayloadClass } from './catalog';

interface PayloadDescription {
  description: string;
  /** fields the class does not name go to the upstream unchanged (its `[passthrough: string]: unknown`) */
  passthrough?: true;
}

const passedOn = (description: string): PayloadDescription => ({
  description: `${description}. Only the fields shown are checked; every other field goes to the upstream unchanged.`,
  passthrough: true,
});

/**
 * What the document says of each payload class a route validates its body with (the schema itself
 * comes from the class's decorators). A class the catalog uses that is missing here fails the build.
 */
export const PAYLOAD_DESCRIPTIONS = new Map<PayloadClass, PayloadDescription>([
  [ChatCompletionBody, passedOn('A chat completion request (OpenAI format)')],
  [CompletionsBody, passedOn('A text completion request (legacy OpenAI format)')],
  [EmbeddingsBody, passedOn('An embeddings request (OpenAI format)')],
  [ResponsesBody, passedOn('A Responses API request')],
  [MessagesBody, passedOn("A Messages API request (Anthropic's format)")],
  [CountTokensBody, passedOn('A Messages request to count (no `max_tokens`)')],
  [GenerateContentBody, passedOn("A generateContent request (Google's format); the model is in the path")],
  [ImageGenerationBody, passedOn('An image generation request')],
  [ImageEditBody, passedOn('An image edit in its JSON form')],
  [ImageReference, { description: 'An input image: one of your file ids (an image file uploaded here) or a URL (a data URL too)' }],
  [RerankBody, passedOn('A rerank request (Cohere/Jina shape)')],
  [SpeechBody, passedOn('A text-to-speech request')],
  [GenerationBody, passedOn('A generation task request')],
  [CreateBatchBody, { description: 'A batch of the requests in an uploaded file (purpose `batch`)' }],
  [CreateChannelBody, { description: 'A new channel' }],
  [UpdateChannelBody, { description: 'Changes to a channel: only the fields sent change' }],
  [SetRoutingPolicyBody, { description: 'A routing policy' }],
  [CreateUserBody, { description: 'A new user, with their role and starting credit (USD)' }],
  [CreateKeyBody, { description: 'A new API key' }],
  [SignInBody, { description: '`api_key`, or `email` and `password`' }],
  [AddCreditBody, { description: 'Credit to add (positive) or remove (negative), USD' }],
  [SetPriceBody, { description: "A model's prices, USD" }],
  [SetRateLimitBody, { description: 'Requests per minute; `null` is unlimited' }],
  [InviteBody, { description: 'The email to invite the user with (it becomes their email)' }],
  [AcceptInviteBody, { description: 'The password to set' }],
  [ChangePasswordBody, { description: 'The current password, and the new one' }],
  [UpdateUserBody, { description: 'The fields to change; the others stay as they are' }],
]);
