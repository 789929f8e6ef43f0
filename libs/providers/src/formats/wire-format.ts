/**
 * Every caller-facing API format translates to and from OpenAI Chat Completions, the hub: a
 * request in format A served by a channel that speaks only format B goes A → chat → B, and its
 * answer B → chat → A. A format served natively by the channel is passed through untouched.
 *
 * Bodies are plain JSON objects in each API's own wire shape.
 */
export type Json = Record<string, any>;

/** Turns one stream of chat chunks into this format's stream events (stateful: one per stream). */
export interface StreamFromChat {
  /** the events to send for one chat chunk (possibly none) */
  push(chunk: Json): Json[];
  /** the closing events once the chat stream ended normally */
  end(): Json[];
}

/** Turns one stream of this format's events into chat chunks (stateful: one per stream). */
export interface StreamToChat {
  push(event: Json): Json[];
}

export interface ChatTranslation {
  /** A request in this format → a chat request (keeps `model` and `stream`). */
  requestToChat(body: Json): Json;
  /** A chat request → this format's request (for a channel that speaks only this format). */
  requestFromChat(chat: Json): Json;
  /** An answer in this format → a chat completion. */
  responseToChat(body: Json): Json;
  /** A chat completion → this format's answer; `request` is the caller's request in this format, for fields an answer echoes. */
  responseFromChat(chat: Json, request?: Json): Json;
  streamToChat(): StreamToChat;
  streamFromChat(): StreamFromChat;
}

/** The request uses something this format cannot express for the channel that would serve it: a 400 naming the field. */
export class UnsupportedFeatureError extends Error {
  constructor(
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'UnsupportedFeatureError';
  }
}
