import { randomUUID } from 'crypto';
import {
  chatChunk,
  chatToolsOf,
  chatUsageChunk,
  FunctionSpec,
  functionsOfChatTools,
  nowSeconds,
  parseArguments,
  parseDataUrl,
  textOfContent,
  toDataUrl,
} from './chat-parts';
import { ChatTranslation, Json, StreamFromChat, StreamToChat, UnsupportedFeatureError } from './wire-format';

/** Anthropic requires `max_tokens`; a chat request may leave it out. */
const DEFAULT_MAX_TOKENS = 4096;

const finishOfStop = new Map([
  ['end_turn', 'stop'],
  ['stop_sequence', 'stop'],
  ['pause_turn', 'stop'],
  ['max_tokens', 'length'],
  ['tool_use', 'tool_calls'],
  ['refusal', 'content_filter'],
]);
const stopOfFinish = new Map([
  ['stop', 'end_turn'],
  ['length', 'max_tokens'],
  ['tool_calls', 'tool_use'],
  ['function_call', 'tool_use'],
  ['content_filter', 'refusal'],
]);

const finishReasonOf = (stopReason: unknown): string => finishOfStop.get(stopReason as string) ?? 'stop';
const stopReasonOf = (finishReason: unknown): string => stopOfFinish.get(finishReason as string) ?? 'end_turn';

const randomHex = () => randomUUID().replace(/-/g, '');

/** Anthropic message ids start with `msg_`: a chat id keeps its text behind the prefix. */
function messageIdOf(id: unknown): string {
  if (typeof id === 'string' && id.startsWith('msg_')) return id;
  return `msg_${typeof id === 'string' && id ? id : randomHex()}`;
}

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;

function toolCallOf(toolUse: Json): Json {
  return { id: toolUse.id, type: 'function', function: { name: toolUse.name, arguments: JSON.stringify(toolUse.input ?? {}) } };
}

function toolUseOf(toolCall: Json): Json {
  return { type: 'tool_use', id: toolCall.id, name: toolCall.function?.name, input: parseArguments(toolCall.function?.arguments) };
}

// ---- Anthropic request → chat request

function systemMessagesOf(system: unknown): Json[] {
  const text = textOfContent(system);
  return text ? [{ role: 'system', content: text }] : [];
}

function imagePartOf(source: Json | undefined): Json {
  switch (source?.type) {
    case 'base64':
      return { type: 'image_url', image_url: { url: toDataUrl(source.media_type, source.data) } };
    case 'url':
      return { type: 'image_url', image_url: { url: source.url } };
    case 'file':
      return { type: 'file', file: { file_id: source.file_id } };
    default:
      throw new UnsupportedFeatureError(`image source "${source?.type}" cannot be translated`, 'messages');
  }
}

function documentPartOf(source: Json | undefined): Json {
  if (source?.type === 'file') return { type: 'file', file: { file_id: source.file_id } };
  throw new UnsupportedFeatureError(`document source "${source?.type}" can only be sent to an Anthropic channel`, 'messages');
}

/** One user content block → a chat content part; null for blocks a chat model has no use for. */
function chatPartOf(block: Json): Json | null {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'image':
      return imagePartOf(block.source);
    case 'document':
      return documentPartOf(block.source);
    case 'thinking':
    case 'redacted_thinking':
      return null;
    default:
      throw new UnsupportedFeatureError(`content block "${block.type}" can only be sent to an Anthropic channel`, 'messages');
  }
}

/** A single text stays a plain string, as most chat callers write it. */
function chatContentOf(parts: Json[]): string | Json[] {
  return parts.length === 1 && parts[0].type === 'text' ? parts[0].text : parts;
}

function assistantMessageOf(blocks: Json[]): Json {
  const text = textOfContent(blocks.filter((b) => b.type === 'text'));
  const toolCalls = blocks.filter((b) => b.type === 'tool_use').map(toolCallOf);
  if (toolCalls.length === 0) return { role: 'assistant', content: text };
  return { role: 'assistant', content: text || null, tool_calls: toolCalls };
}

function toolMessageOf(toolResult: Json): Json {
  return { role: 'tool', tool_call_id: toolResult.tool_use_id, content: textOfContent(toolResult.content) };
}

/** Chat wants each tool result as its own message, answering the calls before the user says more. */
function userMessagesOf(blocks: Json[]): Json[] {
  const toolMessages = blocks.filter((b) => b.type === 'tool_result').map(toolMessageOf);
  const parts = blocks
    .filter((b) => b.type !== 'tool_result')
    .map(chatPartOf)
    .filter((p): p is Json => p !== null);
  return parts.length > 0 ? [...toolMessages, { role: 'user', content: chatContentOf(parts) }] : toolMessages;
}

function chatMessagesOf(message: Json): Json[] {
  if (typeof message.content === 'string') return [{ role: message.role, content: message.content }];
  const blocks: Json[] = Array.isArray(message.content) ? message.content : [];
  return message.role === 'assistant' ? [assistantMessageOf(blocks)] : userMessagesOf(blocks);
}

/** Client tools have no `type` (or 'custom'); typed ones are Anthropic-run server tools. */
function functionSpecOf(tool: Json): FunctionSpec {
  if (isPresent(tool.type) && tool.type !== 'custom') {
    throw new UnsupportedFeatureError(`tool type "${tool.type}" can only be sent to an Anthropic channel`, 'tools');
  }
  return { name: tool.name, description: tool.description, parameters: tool.input_schema };
}

function chatToolChoiceOf(choice: Json | undefined): unknown {
  switch (choice?.type) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
    default:
      return undefined;
  }
}

function requestToChat(body: Json): Json {
  const messages: Json[] = Array.isArray(body.messages) ? body.messages : [];
  const tools: Json[] = Array.isArray(body.tools) ? body.tools : [];
  const toolChoice = chatToolChoiceOf(body.tool_choice);
  return {
    model: body.model,
    messages: [...systemMessagesOf(body.system), ...messages.flatMap(chatMessagesOf)],
    ...(isPresent(body.max_tokens) && { max_tokens: body.max_tokens }),
    ...(isPresent(body.stop_sequences) && { stop: body.stop_sequences }),
    ...(isPresent(body.temperature) && { temperature: body.temperature }),
    ...(isPresent(body.top_p) && { top_p: body.top_p }),
    ...(isPresent(body.metadata?.user_id) && { user: body.metadata.user_id }),
    ...(tools.length > 0 && { tools: chatToolsOf(tools.map(functionSpecOf)) }),
    ...(toolChoice !== undefined && { tool_choice: toolChoice }),
    ...(body.tool_choice?.disable_parallel_tool_use === true && { parallel_tool_calls: false }),
    ...(body.stream === true && { stream: true, stream_options: { include_usage: true } }),
  };
}

// ---- chat request → Anthropic request

function systemOf(messages: Json[]): string {
  return messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => textOfContent(m.content))
    .filter((text) => text !== '')
    .join('\n\n');
}

function imageBlockOf(url: string): Json {
  const inline = parseDataUrl(url);
  const source = inline ? { type: 'base64', media_type: inline.mediaType, data: inline.data } : { type: 'url', url };
  return { type: 'image', source };
}

/** A chat file part: an uploaded file by id, or an inline PDF as a data URL. */
function documentBlockOf(file: Json | undefined): Json {
  if (file?.file_id) return { type: 'document', source: { type: 'file', file_id: file.file_id } };
  const inline = typeof file?.file_data === 'string' ? parseDataUrl(file.file_data) : null;
  if (inline?.mediaType === 'application/pdf')
    return { type: 'document', source: { type: 'base64', media_type: inline.mediaType, data: inline.data } };
  throw new UnsupportedFeatureError('only uploaded files and inline PDFs can be sent to an Anthropic channel', 'messages');
}

/** One user content part → a block; null for an empty text, which Anthropic refuses. */
function blockOfPart(part: Json): Json | null {
  switch (part.type) {
    case 'text':
      return part.text ? { type: 'text', text: part.text } : null;
    case 'image_url':
      return imageBlockOf(part.image_url?.url ?? '');
    case 'file':
      return documentBlockOf(part.file);
    default:
      throw new UnsupportedFeatureError(`content part "${part.type}" cannot be sent to an Anthropic channel`, 'messages');
  }
}

function userBlocksOf(content: unknown): Json[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  return content.map(blockOfPart).filter((b): b is Json => b !== null);
}

function assistantBlocksOf(message: Json): Json[] {
  const text = textOfContent(message.content);
  const toolUses: Json[] = (message.tool_calls ?? []).map(toolUseOf);
  return [...(text ? [{ type: 'text', text }] : []), ...toolUses];
}

function toolResultBlockOf(message: Json): Json {
  return { type: 'tool_result', tool_use_id: message.tool_call_id, content: textOfContent(message.content) };
}

function blocksOf(message: Json): Json[] {
  if (message.role === 'tool') return [toolResultBlockOf(message)];
  if (message.role === 'assistant') return assistantBlocksOf(message);
  return userBlocksOf(message.content);
}

/**
 * Anthropic wants user and assistant turns to alternate, each with some content: consecutive chat
 * messages of one role (tool results count as user) become one turn, and empty ones are left out.
 */
function alternatingTurnsOf(messages: Json[]): Json[] {
  const turns: Json[] = [];
  for (const message of messages) {
    const blocks = blocksOf(message);
    if (blocks.length === 0) continue;
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  }
  return turns.map((t) => (t.content.length === 1 && t.content[0].type === 'text' ? { role: t.role, content: t.content[0].text } : t));
}

function anthropicToolsOf(tools: unknown): Json[] {
  if (!Array.isArray(tools)) return [];
  const other = tools.find((t: Json) => t?.type !== 'function');
  if (other) throw new UnsupportedFeatureError(`tool type "${other?.type}" cannot be sent to an Anthropic channel`, 'tools');
  return functionsOfChatTools(tools).map((f) => ({
    name: f.name,
    ...(f.description !== undefined && { description: f.description }),
    input_schema: f.parameters ?? { type: 'object', properties: {} },
  }));
}

function baseToolChoiceOf(choice: unknown): Json | undefined {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'required') return { type: 'any' };
  if (choice === 'none') return { type: 'none' };
  if (!isPresent(choice)) return undefined;
  const named = choice as Json;
  if (named.type === 'function' && named.function?.name) return { type: 'tool', name: named.function.name };
  throw new UnsupportedFeatureError(`tool_choice "${named.type}" cannot be sent to an Anthropic channel`, 'tool_choice');
}

/** Anthropic puts the parallel-calls switch on tool_choice, so turning it off needs one ('none' takes no switch). */
function anthropicToolChoiceOf(choice: unknown, parallelToolCalls: unknown): Json | undefined {
  const base = baseToolChoiceOf(choice);
  if (parallelToolCalls !== false || base?.type === 'none') return base;
  return { ...(base ?? { type: 'auto' }), disable_parallel_tool_use: true };
}

function stopSequencesOf(stop: unknown): string[] | undefined {
  if (!isPresent(stop)) return undefined;
  return Array.isArray(stop) ? stop : [stop as string];
}

function requestFromChat(chat: Json): Json {
  const messages: Json[] = Array.isArray(chat.messages) ? chat.messages : [];
  const system = systemOf(messages);
  const tools = anthropicToolsOf(chat.tools);
  const toolChoice = anthropicToolChoiceOf(chat.tool_choice, chat.parallel_tool_calls);
  const stopSequences = stopSequencesOf(chat.stop);
  return {
    model: chat.model,
    ...(system && { system }),
    messages: alternatingTurnsOf(messages.filter((m) => m.role !== 'system' && m.role !== 'developer')),
    max_tokens: chat.max_completion_tokens ?? chat.max_tokens ?? DEFAULT_MAX_TOKENS,
    ...(stopSequences && { stop_sequences: stopSequences }),
    ...(isPresent(chat.temperature) && { temperature: chat.temperature }),
    ...(isPresent(chat.top_p) && { top_p: chat.top_p }),
    ...(isPresent(chat.user) && { metadata: { user_id: chat.user } }),
    ...(tools.length > 0 && { tools }),
    ...(toolChoice && { tool_choice: toolChoice }),
    ...(chat.stream === true && { stream: true }),
  };
}

// ---- answers

interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

/** Anthropic counts cache reads and writes apart from `input_tokens`; chat counts them inside the prompt. */
function chatUsageOf(usage: AnthropicUsage): Json {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const prompt = (usage.input_tokens ?? 0) + cacheRead + (usage.cache_creation_input_tokens ?? 0);
  const completion = usage.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cacheRead },
  };
}

/** Chat does not tell cache writes apart, so they stay inside `input_tokens`. */
function anthropicUsageOf(usage: Json | undefined): Json {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached),
    output_tokens: usage?.completion_tokens ?? 0,
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: 0,
    ...(isPresent(usage?.cost) && { cost: usage!.cost }),
  };
}

function responseToChat(body: Json): Json {
  const blocks: Json[] = Array.isArray(body.content) ? body.content : [];
  const text = textOfContent(blocks.filter((b) => b.type === 'text'));
  const toolCalls = blocks.filter((b) => b.type === 'tool_use').map(toolCallOf);
  const message = { role: 'assistant', content: text || null, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) };
  return {
    id: body.id,
    object: 'chat.completion',
    created: nowSeconds(),
    model: body.model,
    choices: [{ index: 0, message, finish_reason: finishReasonOf(body.stop_reason), logprobs: null }],
    usage: chatUsageOf(body.usage ?? {}),
  };
}

function responseFromChat(chat: Json, request?: Json): Json {
  const choice = chat.choices?.[0] ?? {};
  const message = choice.message ?? {};
  // a refusal comes in its own field with no content: it is still what the model said
  const text = textOfContent(message.content) || (typeof message.refusal === 'string' ? message.refusal : '');
  const content = [...(text ? [{ type: 'text', text }] : []), ...(message.tool_calls ?? []).map(toolUseOf)];
  return {
    id: messageIdOf(chat.id),
    type: 'message',
    role: 'assistant',
    model: chat.model ?? request?.model,
    content,
    stop_reason: stopReasonOf(choice.finish_reason),
    stop_sequence: null,
    usage: anthropicUsageOf(chat.usage),
  };
}

// ---- streams

/** message_delta carries cumulative output and, when it has them, newer input counts than message_start. */
function mergedUsage(atStart: AnthropicUsage, atDelta: Json | undefined): AnthropicUsage {
  const merged: Json = { ...atStart };
  for (const [key, value] of Object.entries(atDelta ?? {})) if (isPresent(value)) merged[key] = value;
  return merged;
}

function streamToChat(): StreamToChat {
  let id = '';
  let model = '';
  let startUsage: AnthropicUsage = {};
  /** Anthropic content-block index → chat tool-call index, for tool_use blocks only */
  const toolIndexOfBlock = new Map<number, number>();
  const chunk = (delta: Json, finish: string | null = null) => chatChunk(id, model, delta, finish);

  const onMessageStart = (event: Json): Json[] => {
    id = event.message?.id ?? id;
    model = event.message?.model ?? model;
    startUsage = event.message?.usage ?? {};
    return [chunk({ role: 'assistant', content: '' })];
  };

  const onBlockStart = (event: Json): Json[] => {
    const block = event.content_block ?? {};
    if (block.type === 'text') return block.text ? [chunk({ content: block.text })] : [];
    if (block.type !== 'tool_use') return [];
    const index = toolIndexOfBlock.size;
    toolIndexOfBlock.set(event.index, index);
    return [chunk({ tool_calls: [{ index, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] })];
  };

  const onBlockDelta = (event: Json): Json[] => {
    const delta = event.delta ?? {};
    if (delta.type === 'text_delta') return [chunk({ content: delta.text })];
    const index = toolIndexOfBlock.get(event.index);
    // server tools stream input too, in blocks that were never announced as tool calls
    if (delta.type !== 'input_json_delta' || index === undefined || !delta.partial_json) return [];
    return [chunk({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] })];
  };

  const onMessageDelta = (event: Json): Json[] => [
    chunk({}, finishReasonOf(event.delta?.stop_reason)),
    chatUsageChunk(id, model, chatUsageOf(mergedUsage(startUsage, event.usage))),
  ];

  return {
    push(event) {
      switch (event.type) {
        case 'message_start':
          return onMessageStart(event);
        case 'content_block_start':
          return onBlockStart(event);
        case 'content_block_delta':
          return onBlockDelta(event);
        case 'message_delta':
          return onMessageDelta(event);
        default:
          return [];
      }
    },
  };
}

interface OpenBlock {
  index: number;
  kind: 'text' | 'tool_use';
  toolCallId?: string;
  toolCallIndex?: number;
}

function streamFromChat(): StreamFromChat {
  let started = false;
  let open: OpenBlock | null = null;
  let blockCount = 0;
  let stopReason = 'end_turn';
  let usage: Json | undefined;

  const messageStart = (chunk: Json): Json[] => {
    if (started) return [];
    started = true;
    const message = {
      id: messageIdOf(chunk.id),
      type: 'message',
      role: 'assistant',
      model: chunk.model ?? '',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0 },
    };
    return [{ type: 'message_start', message }];
  };

  const closeBlock = (): Json[] => {
    if (!open) return [];
    const index = open.index;
    open = null;
    return [{ type: 'content_block_stop', index }];
  };

  const openBlock = (block: Omit<OpenBlock, 'index'>, contentBlock: Json): Json[] => {
    const closing = closeBlock();
    open = { ...block, index: blockCount++ };
    return [...closing, { type: 'content_block_start', index: open.index, content_block: contentBlock }];
  };

  const textEvents = (text: string): Json[] => {
    const opening = open?.kind === 'text' ? [] : openBlock({ kind: 'text' }, { type: 'text', text: '' });
    return [...opening, { type: 'content_block_delta', index: open!.index, delta: { type: 'text_delta', text } }];
  };

  // Some upstreams repeat a call's id on every delta: only a different id (or index) starts a new tool_use block.
  const startsToolUse = (call: Json): boolean => {
    if (open?.kind !== 'tool_use') return true;
    if (call.id) return call.id !== open.toolCallId;
    return isPresent(call.index) && call.index !== open.toolCallIndex;
  };

  const toolCallEvents = (call: Json): Json[] => {
    const events: Json[] = [];
    if (startsToolUse(call)) {
      const id = call.id ?? `toolu_${randomHex()}`;
      const contentBlock = { type: 'tool_use', id, name: call.function?.name ?? '', input: {} };
      events.push(...openBlock({ kind: 'tool_use', toolCallId: id, toolCallIndex: call.index }, contentBlock));
    }
    const partialJson = call.function?.arguments;
    if (partialJson)
      events.push({ type: 'content_block_delta', index: open!.index, delta: { type: 'input_json_delta', partial_json: partialJson } });
    return events;
  };

  return {
    push(chunk) {
      const events = messageStart(chunk);
      // usually a last chunk with no choices, but some upstreams put it on the finishing chunk
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      const delta = choice?.delta ?? {};
      if (typeof delta.content === 'string' && delta.content !== '') events.push(...textEvents(delta.content));
      for (const call of delta.tool_calls ?? []) events.push(...toolCallEvents(call));
      if (choice?.finish_reason) stopReason = stopReasonOf(choice.finish_reason);
      return events;
    },
    end() {
      return [
        ...messageStart({}),
        ...closeBlock(),
        { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: anthropicUsageOf(usage) },
        { type: 'message_stop' },
      ];
    },
  };
}

/** Anthropic's Messages API ⇄ OpenAI Chat Completions. */
export const anthropicMessages: ChatTranslation = {
  requestToChat,
  requestFromChat,
  responseToChat,
  responseFromChat,
  streamToChat,
  streamFromChat,
};
