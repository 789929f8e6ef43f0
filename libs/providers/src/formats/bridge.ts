import type { InferenceEndpoint } from '@switchyard/contracts';
import { anthropicMessages } from './anthropic-messages';
import { geminiGenerateContent } from './gemini';
import { openAiResponses } from './openai-responses';
import { UpstreamError } from '../provider-adapter';
import { ChatTranslation, Json, UnsupportedFeatureError } from './wire-format';

const CHAT: InferenceEndpoint = '/v1/chat/completions';

/** The formats that translate through the chat hub; chat itself is the hub (null). */
const translations: Partial<Record<InferenceEndpoint, ChatTranslation | null>> = {
  [CHAT]: null,
  '/v1/messages': anthropicMessages,
  '/v1/responses': openAiResponses,
  '/v1beta/models:generateContent': geminiGenerateContent,
};

const isTranslatable = (endpoint: InferenceEndpoint) => Object.prototype.hasOwnProperty.call(translations, endpoint);

/** One stream's events in the upstream's format → the caller's format. */
export interface StreamBridge {
  push(event: Json): Json[];
  end(): Json[];
}

/** How a request in the caller's format reaches a channel, and how its answer comes back. */
export interface Bridge {
  upstreamEndpoint: InferenceEndpoint;
  translated: boolean;
  request(body: Json): Json;
  response(body: Json, callerRequest: Json): Json;
  stream(): StreamBridge;
}

/** Chat and legacy completions report stream usage only when asked: a gateway always asks. */
function withStreamUsage(endpoint: InferenceEndpoint, body: Json): Json {
  if (body.stream !== true || (endpoint !== CHAT && endpoint !== '/v1/completions')) return body;
  return { ...body, stream_options: { ...(body.stream_options ?? {}), include_usage: true } };
}

function nativeBridge(endpoint: InferenceEndpoint): Bridge {
  return {
    upstreamEndpoint: endpoint,
    translated: false,
    request: (body) => withStreamUsage(endpoint, body),
    response: (body) => body,
    stream: () => ({ push: (event) => [event], end: () => [] }),
  };
}

const isShapeError = (error: unknown) => error instanceof TypeError || error instanceof RangeError;

/**
 * The translators read each format's documented shapes; a field of another shape (a message that
 * is null, tools that are no list) makes them throw a TypeError. Whose data it was decides what
 * that is: the caller's request is untranslatable (a 400), an upstream's answer a protocol failure
 * of the channel that sent it.
 */
function translatingRequest<T>(translate: () => T): T {
  try {
    return translate();
  } catch (error) {
    if (!isShapeError(error)) throw error;
    throw new UnsupportedFeatureError(
      'The request has a field of a type its API does not allow, so it cannot be translated for the channel that would serve it',
    );
  }
}

function translatingAnswer<T>(translate: () => T): T {
  try {
    return translate();
  } catch (error) {
    if (!isShapeError(error)) throw error;
    throw new UpstreamError('protocol', 'The upstream answered with a field of a type its API does not allow');
  }
}

function translatedBridge(caller: ChatTranslation | null, upstream: ChatTranslation | null, upstreamEndpoint: InferenceEndpoint): Bridge {
  return {
    upstreamEndpoint,
    translated: true,
    request: (body) =>
      translatingRequest(() => {
        const chat = caller ? caller.requestToChat(body) : body;
        return withStreamUsage(upstreamEndpoint, upstream ? upstream.requestFromChat(chat) : chat);
      }),
    response: (body, callerRequest) =>
      translatingAnswer(() => {
        const chat = upstream ? upstream.responseToChat(body) : body;
        return caller ? caller.responseFromChat(chat, callerRequest) : chat;
      }),
    stream: () => {
      const toChat = upstream?.streamToChat();
      const fromChat = caller?.streamFromChat();
      return {
        push: (event) =>
          translatingAnswer(() => {
            const chunks = toChat ? toChat.push(event) : [event];
            return fromChat ? chunks.flatMap((c) => fromChat.push(c)) : chunks;
          }),
        end: () => translatingAnswer(() => (fromChat ? fromChat.end() : [])),
      };
    },
  };
}

/**
 * The way to serve `callerEndpoint` through an adapter serving `adapterEndpoints`: natively when it
 * speaks the same API, else through the chat hub (preferring a chat upstream); null when neither.
 */
export function bridgeFor(callerEndpoint: InferenceEndpoint, adapterEndpoints: readonly InferenceEndpoint[]): Bridge | null {
  if (adapterEndpoints.includes(callerEndpoint)) return nativeBridge(callerEndpoint);
  if (!isTranslatable(callerEndpoint)) return null;
  const upstreamEndpoint = adapterEndpoints.includes(CHAT) ? CHAT : adapterEndpoints.find(isTranslatable);
  if (!upstreamEndpoint) return null;
  return translatedBridge(translations[callerEndpoint] ?? null, translations[upstreamEndpoint] ?? null, upstreamEndpoint);
}
