import type { Json } from './wire-format';

/** A tool described by name, description and JSON schema: the shape every format's tools reduce to. */
export interface FunctionSpec {
  name: string;
  description?: string;
  parameters?: Json;
}

/** `data:image/png;base64,AAAA` → its media type and base64 payload; null for any other URL. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return match ? { mediaType: match[1], data: match[2] } : null;
}

export function toDataUrl(mediaType: string, data: string): string {
  return `data:${mediaType};base64,${data}`;
}

/** Chat `tools` → function specs (non-function tools are not translatable and are left to the caller to refuse). */
export function functionsOfChatTools(tools: unknown): FunctionSpec[] {
  if (!Array.isArray(tools)) return [];
  return tools
    .filter((t: Json) => t?.type === 'function' && t.function?.name)
    .map((t: Json) => ({
      name: t.function.name,
      ...(t.function.description !== undefined && { description: t.function.description }),
      ...(t.function.parameters !== undefined && { parameters: t.function.parameters }),
    }));
}

export function chatToolsOf(functions: FunctionSpec[]): Json[] {
  return functions.map((f) => ({
    type: 'function',
    function: {
      name: f.name,
      ...(f.description !== undefined && { description: f.description }),
      ...(f.parameters !== undefined && { parameters: f.parameters }),
    },
  }));
}

/** Tool-call arguments arrive as a JSON string; a model that wrote broken JSON gets its text kept under `_raw`. */
export function parseArguments(text: unknown): Json {
  if (typeof text !== 'string' || text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : { _raw: text };
  } catch {
    return { _raw: text };
  }
}

/** The text of a chat message's content, whether a string or a list of parts. */
export function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p: Json) => (typeof p?.text === 'string' ? p.text : '')).join('');
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** One `chat.completion.chunk` of choice `index`. */
export function chatChunk(id: string, model: string, delta: Json, finish: string | null = null, index = 0): Json {
  return {
    id,
    object: 'chat.completion.chunk',
    created: nowSeconds(),
    model,
    choices: [{ index, delta, finish_reason: finish, logprobs: null }],
  };
}

/** The usage chunk that ends a chat stream: no choices, only usage. */
export function chatUsageChunk(id: string, model: string, usage: Json): Json {
  return { id, object: 'chat.completion.chunk', created: nowSeconds(), model, choices: [], usage };
}
