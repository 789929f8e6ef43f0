import { ANTHROPIC_FILES_BETA } from '@switchyard/contracts';
import type { TagObject } from './openapi-types';

/** One tag per family of routes, in the order the reference shows them. */
export const TAGS = [
  { name: 'Chat', description: 'OpenAI chat completions and legacy text completions, as JSON or server-sent events' },
  { name: 'Embeddings', description: 'OpenAI embeddings' },
  { name: 'Responses', description: "OpenAI's Responses API, and the answers a channel stored" },
  { name: 'Anthropic', description: "Anthropic's Messages API and its token count, in Anthropic's shapes, events and error envelope" },
  { name: 'Gemini', description: "Google's generateContent, in Google's shapes and error envelope; the key may also come as `?key=`" },
  { name: 'Images', description: 'Image generation and edits, priced per image' },
  { name: 'Audio', description: 'Text to speech (streamed audio) and transcription (multipart upload)' },
  { name: 'Rerank', description: 'Documents ordered by relevance to a query (Cohere/Jina shape)' },
  { name: 'Generations', description: 'Asynchronous video, music and 3D generations: created at once, polled until they finish' },
  { name: 'Files', description: `OpenAI's Files API, or Anthropic's with \`anthropic-beta: ${ANTHROPIC_FILES_BETA}\`` },
  { name: 'Batches', description: "OpenAI's Batch API" },
  { name: 'Models', description: 'The models the caller can reach, with their routes and prices' },
  { name: 'Usage', description: "The caller's own usage records and daily totals" },
  {
    name: 'Console sign-in',
    description:
      'Sessions of the web console: sign in with an API key, email and password or single sign-on (OpenID Connect), one-time links to set a password, the HttpOnly cookie, sign out, sessions',
  },
  { name: 'Account', description: "The caller's own account and API keys" },
  { name: 'Channels', description: "The caller's own PRIVATE channels (their own upstream keys, BYOK)" },
  { name: 'Routing policy', description: "The caller's choice between their PRIVATE channels and the PLATFORM pool" },
  { name: 'Admin: users', description: 'Users, their API keys, credits, ledger and rate limit (admin keys only)' },
  { name: 'Admin: channels', description: "The operator's PLATFORM channels (admin keys only)" },
  { name: 'Admin: prices', description: 'Model prices (admin keys only)' },
  { name: 'Admin: rate limits', description: 'Requests per minute per role (admin keys only)' },
  { name: 'Admin: usage', description: "Every user's usage (admin keys only)" },
  { name: 'Admin: audit log', description: 'Every admin action: who, when, from where, and what changed (admin keys only)' },
  { name: 'Health', description: 'Whether every service answers, and whether this gateway takes new requests' },
  { name: 'Console', description: 'The web console: its page (signed in by a session cookie) and the files it loads' },
  { name: 'Reference', description: 'This document, as JSON or YAML, and the interactive reference page that renders it' },
] as const satisfies readonly TagObject[];

export type TagName = (typeof TAGS)[number]['name'];
