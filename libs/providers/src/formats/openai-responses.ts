import { randomUUID } from 'crypto';
import { chatChunk, chatToolsOf, chatUsageChunk, FunctionSpec, functionsOfChatTools, nowSeconds, textOfContent } from './chat-parts';
import { ChatTranslation, Json, StreamFromChat, StreamToChat, UnsupportedFeatureError } from './wire-format';

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;
const randomHex = () => randomUUID().replace(/-/g, '');

/** The fields of `source` named in `keys` that it has, unchanged. */
function presentFields(source: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((key) => isPresent(source[key])).map((key) => [key, source[key]]));
}

/** What makes an answer's ids unique: a chat id without its `chatcmpl-` prefix (or a response id without `resp_`). */
function idBaseOf(id: unknown): string {
  if (typeof id !== 'string' || id === '') return randomHex();
  return id.replace(/^(chatcmpl-|resp_)/, '') || randomHex();
}

/** Output item ids: unique within one response because each carries its position in `output`. */
const messageItemId = (base: string, outputIndex: number) => `msg_${base}_${outputIndex}`;
const functionCallItemId = (base: string, outputIndex: number) => `fc_${base}_${outputIndex}`;

// ---- Responses request → chat request

/** These need state kept by the Responses API itself, which a chat channel does not have. */
function refuseStatefulRequest(body: Json): void {
  for (const param of ['previous_response_id', 'conversation', 'prompt']) {
    if (isPresent(body[param]))
      throw new UnsupportedFeatureError(`${param} needs a channel that speaks the Responses API (this one keeps no state)`, param);
  }
}

function imagePartOf(part: Json): Json {
  if (part.file_id) return { type: 'file', file: { file_id: part.file_id } };
  if (!part.image_url) throw new UnsupportedFeatureError('input_image needs an image_url or a file_id', 'input');
  return { type: 'image_url', image_url: { url: part.image_url, ...(isPresent(part.detail) && { detail: part.detail }) } };
}

function filePartOf(part: Json): Json {
  if (part.file_id) return { type: 'file', file: { file_id: part.file_id } };
  if (part.file_data)
    return { type: 'file', file: { file_data: part.file_data, ...(isPresent(part.filename) && { filename: part.filename }) } };
  throw new UnsupportedFeatureError('input_file by URL can only be sent to a channel that speaks the Responses API', 'input');
}

/** One content part of an input message → a chat content part. */
function chatPartOf(part: Json): Json {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'input_image':
      return imagePartOf(part);
    case 'input_file':
      return filePartOf(part);
    case 'input_audio':
      return { type: 'input_audio', input_audio: part.input_audio };
    default:
      throw new UnsupportedFeatureError(
        `input content "${part.type}" can only be sent to a channel that speaks the Responses API`,
        'input',
      );
  }
}

/** A single text stays a plain string, as most chat callers (and servers) expect it. */
function userContentOf(content: unknown): string | Json[] {
  if (typeof content === 'string') return content;
  const parts = (Array.isArray(content) ? content : []).map(chatPartOf);
  return parts.length === 1 && parts[0].type === 'text' ? parts[0].text : parts;
}

/** System and assistant messages carry text only; a refusal is still what the assistant said. */
function plainTextOf(content: unknown): string {
  if (!Array.isArray(content)) return textOfContent(content);
  return textOfContent(content.map((p: Json) => (p?.type === 'refusal' ? { text: p.refusal } : p)));
}

function chatMessageOf(item: Json): Json {
  switch (item.role) {
    case 'user':
      return { role: 'user', content: userContentOf(item.content) };
    case 'system':
    case 'developer':
      return { role: 'system', content: plainTextOf(item.content) };
    case 'assistant':
      return { role: 'assistant', content: plainTextOf(item.content) };
    default:
      throw new UnsupportedFeatureError(`message role "${item.role}" cannot be translated`, 'input');
  }
}

function chatToolCallOf(item: Json): Json {
  return { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments ?? '' } };
}

/** Chat carries one turn's calls on a single assistant message, after any text said before them. */
function appendToolCall(messages: Json[], call: Json): void {
  const last = messages.at(-1);
  if (last?.role === 'assistant') {
    last.tool_calls = [...(last.tool_calls ?? []), call];
    if (last.content === '') last.content = null;
  } else {
    messages.push({ role: 'assistant', content: null, tool_calls: [call] });
  }
}

/** A function's output is a string or a list of parts; a chat tool message holds text only. */
function toolOutputTextOf(output: unknown): string {
  if (!Array.isArray(output)) return typeof output === 'string' ? output : JSON.stringify(output ?? '');
  const other = output.find((p: Json) => p?.type !== 'input_text');
  if (other)
    throw new UnsupportedFeatureError(`function_call_output content "${other?.type}" cannot be sent as a chat tool message`, 'input');
  return textOfContent(output);
}

function appendInputItem(messages: Json[], item: Json): void {
  switch (item.type ?? 'message') {
    case 'message':
      messages.push(chatMessageOf(item));
      return;
    case 'function_call':
      appendToolCall(messages, chatToolCallOf(item));
      return;
    case 'function_call_output':
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: toolOutputTextOf(item.output) });
      return;
    case 'reasoning':
      // a model's earlier reasoning is only readable by the Responses API that produced it
      return;
    default:
      throw new UnsupportedFeatureError(`input item "${item.type}" can only be sent to a channel that speaks the Responses API`, 'input');
  }
}

function chatMessagesOf(input: unknown): Json[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages: Json[] = [];
  for (const item of Array.isArray(input) ? input : []) appendInputItem(messages, item);
  return messages;
}

function instructionMessagesOf(instructions: unknown): Json[] {
  return typeof instructions === 'string' && instructions !== '' ? [{ role: 'system', content: instructions }] : [];
}

function functionSpecOf(tool: Json): FunctionSpec {
  return {
    name: tool.name,
    ...(isPresent(tool.description) && { description: tool.description }),
    ...(isPresent(tool.parameters) && { parameters: tool.parameters }),
  };
}

function withStrict(chatTool: Json, strict: unknown): Json {
  return isPresent(strict) ? { ...chatTool, function: { ...chatTool.function, strict } } : chatTool;
}

/** Hosted tools (web_search, file_search, computer, mcp…) run inside the Responses API: a chat channel has none. */
function chatToolsOfResponses(tools: unknown): Json[] {
  if (!Array.isArray(tools)) return [];
  const hosted = tools.find((t: Json) => t?.type !== 'function');
  if (hosted)
    throw new UnsupportedFeatureError(`tool type "${hosted?.type}" can only be used on a channel that speaks the Responses API`, 'tools');
  return chatToolsOf(tools.map(functionSpecOf)).map((chatTool, i) => withStrict(chatTool, tools[i].strict));
}

function chatToolChoiceOf(choice: unknown): unknown {
  if (typeof choice === 'string') return choice;
  const named = choice as Json;
  if (named?.type === 'function' && named.name) return { type: 'function', function: { name: named.name } };
  throw new UnsupportedFeatureError(
    `tool_choice "${named?.type}" can only be used on a channel that speaks the Responses API`,
    'tool_choice',
  );
}

function chatResponseFormatOf(format: Json | undefined): Json | undefined {
  if (format?.type === 'json_object') return { type: 'json_object' };
  if (format?.type !== 'json_schema') return undefined;
  return { type: 'json_schema', json_schema: presentFields(format, ['name', 'description', 'schema', 'strict']) };
}

/** Request fields spelt the same way in both APIs. */
const SHARED_REQUEST_FIELDS = [
  'temperature',
  'top_p',
  'user',
  'parallel_tool_calls',
  'service_tier',
  'prompt_cache_key',
  'safety_identifier',
] as const;

function requestToChat(body: Json): Json {
  refuseStatefulRequest(body);
  const tools = chatToolsOfResponses(body.tools);
  const responseFormat = chatResponseFormatOf(body.text?.format);
  return {
    model: body.model,
    messages: [...instructionMessagesOf(body.instructions), ...chatMessagesOf(body.input)],
    ...presentFields(body, [...SHARED_REQUEST_FIELDS, 'seed']),
    ...(isPresent(body.max_output_tokens) && { max_completion_tokens: body.max_output_tokens }),
    ...(tools.length > 0 && { tools }),
    ...(isPresent(body.tool_choice) && { tool_choice: chatToolChoiceOf(body.tool_choice) }),
    ...(responseFormat && { response_format: responseFormat }),
    ...(isPresent(body.text?.verbosity) && { verbosity: body.text.verbosity }),
    ...(isPresent(body.reasoning?.effort) && { reasoning_effort: body.reasoning.effort }),
    ...(body.stream === true && { stream: true, stream_options: { include_usage: true } }),
  };
}

// ---- chat request → Responses request

/** What a chat request asks for that the Responses API has no way to say. */
function refuseInexpressible(chat: Json): void {
  const stop = chat.stop;
  if (typeof stop === 'string' ? stop !== '' : Array.isArray(stop) && stop.length > 0) {
    throw new UnsupportedFeatureError('stop sequences cannot be sent to a channel that speaks only the Responses API', 'stop');
  }
  if (isPresent(chat.n) && chat.n !== 1)
    throw new UnsupportedFeatureError('n > 1 cannot be sent to a channel that speaks only the Responses API', 'n');
  if (isPresent(chat.audio) || (Array.isArray(chat.modalities) && chat.modalities.includes('audio'))) {
    throw new UnsupportedFeatureError('audio output cannot be asked of a channel that speaks only the Responses API', 'audio');
  }
}

const isInstruction = (message: Json): boolean => message.role === 'system' || message.role === 'developer';

function instructionsOf(messages: Json[]): string {
  return messages
    .filter(isInstruction)
    .map((m) => textOfContent(m.content))
    .filter((text) => text !== '')
    .join('\n\n');
}

function inputFilePartOf(file: Json | undefined): Json {
  if (file?.file_id) return { type: 'input_file', file_id: file.file_id };
  if (file?.file_data)
    return { type: 'input_file', file_data: file.file_data, ...(isPresent(file.filename) && { filename: file.filename }) };
  throw new UnsupportedFeatureError('a file part needs a file_id or file_data', 'messages');
}

function inputPartOf(part: Json): Json {
  switch (part.type) {
    case 'text':
      return { type: 'input_text', text: part.text };
    case 'image_url':
      return { type: 'input_image', image_url: part.image_url?.url, detail: part.image_url?.detail ?? 'auto' };
    case 'file':
      return inputFilePartOf(part.file);
    case 'input_audio':
      return { type: 'input_audio', input_audio: part.input_audio };
    default:
      throw new UnsupportedFeatureError(
        `content part "${part.type}" cannot be sent to a channel that speaks only the Responses API`,
        'messages',
      );
  }
}

function functionCallItemOf(call: Json): Json {
  return { type: 'function_call', call_id: call.id, name: call.function?.name, arguments: call.function?.arguments ?? '' };
}

/** An assistant turn is its text (if any) followed by one item per tool call. */
function assistantItemsOf(message: Json): Json[] {
  const text = textOfContent(message.content);
  const calls: Json[] = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return [...(text ? [{ role: 'assistant', content: text }] : []), ...calls.map(functionCallItemOf)];
}

function inputItemsOf(message: Json): Json[] {
  switch (message.role) {
    case 'user':
      return [{ role: 'user', content: typeof message.content === 'string' ? message.content : (message.content ?? []).map(inputPartOf) }];
    case 'assistant':
      return assistantItemsOf(message);
    case 'tool':
      return [{ type: 'function_call_output', call_id: message.tool_call_id, output: textOfContent(message.content) }];
    default:
      throw new UnsupportedFeatureError(
        `message role "${message.role}" cannot be sent to a channel that speaks only the Responses API`,
        'messages',
      );
  }
}

/** Responses function tools are strict unless told otherwise; chat tools are not, so `strict` is always spelt out. */
function responsesToolsOf(tools: unknown): Json[] {
  if (!Array.isArray(tools)) return [];
  const other = tools.find((t: Json) => t?.type !== 'function');
  if (other)
    throw new UnsupportedFeatureError(`tool type "${other?.type}" cannot be sent to a channel that speaks only the Responses API`, 'tools');
  const strictOf = new Map(tools.map((t: Json) => [t.function?.name, t.function?.strict === true]));
  return functionsOfChatTools(tools).map((f) => ({
    type: 'function',
    name: f.name,
    ...(isPresent(f.description) && { description: f.description }),
    parameters: f.parameters ?? null,
    strict: strictOf.get(f.name) ?? false,
  }));
}

function responsesToolChoiceOf(choice: unknown): unknown {
  if (typeof choice === 'string') return choice;
  const named = choice as Json;
  if (named?.type === 'function' && named.function?.name) return { type: 'function', name: named.function.name };
  throw new UnsupportedFeatureError(
    `tool_choice "${named?.type}" cannot be sent to a channel that speaks only the Responses API`,
    'tool_choice',
  );
}

function textFormatOf(responseFormat: Json | undefined): Json | undefined {
  if (responseFormat?.type === 'json_object') return { type: 'json_object' };
  if (responseFormat?.type !== 'json_schema') return undefined;
  return { type: 'json_schema', ...presentFields(responseFormat.json_schema ?? {}, ['name', 'description', 'schema', 'strict']) };
}

function textConfigOf(chat: Json): Json | undefined {
  const format = textFormatOf(chat.response_format);
  if (!format && !isPresent(chat.verbosity)) return undefined;
  return { ...(format && { format }), ...(isPresent(chat.verbosity) && { verbosity: chat.verbosity }) };
}

function requestFromChat(chat: Json): Json {
  refuseInexpressible(chat);
  const messages: Json[] = Array.isArray(chat.messages) ? chat.messages : [];
  const instructions = instructionsOf(messages);
  const tools = responsesToolsOf(chat.tools);
  const text = textConfigOf(chat);
  const maxTokens = chat.max_completion_tokens ?? chat.max_tokens;
  return {
    model: chat.model,
    ...(instructions && { instructions }),
    input: messages.filter((m) => !isInstruction(m)).flatMap(inputItemsOf),
    ...presentFields(chat, [...SHARED_REQUEST_FIELDS, 'metadata']),
    ...(isPresent(maxTokens) && { max_output_tokens: maxTokens }),
    ...(tools.length > 0 && { tools }),
    ...(isPresent(chat.tool_choice) && { tool_choice: responsesToolChoiceOf(chat.tool_choice) }),
    ...(text && { text }),
    ...(isPresent(chat.reasoning_effort) && { reasoning: { effort: chat.reasoning_effort } }),
    // the Responses API stores answers unless told not to; a chat caller asked for nothing to be kept
    store: chat.store === true,
    ...(chat.stream === true && { stream: true }),
  };
}

// ---- usage and finish reasons

function chatUsageOf(usage: Json): Json {
  const prompt = usage.input_tokens ?? 0;
  const completion = usage.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
    prompt_tokens_details: { cached_tokens: usage.input_tokens_details?.cached_tokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.output_tokens_details?.reasoning_tokens ?? 0 },
    ...(isPresent(usage.cost) && { cost: usage.cost }),
  };
}

function responsesUsageOf(usage: Json): Json {
  const input = usage.prompt_tokens ?? 0;
  const output = usage.completion_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: usage.total_tokens ?? input + output,
    ...(isPresent(usage.cost) && { cost: usage.cost }),
  };
}

const incompleteReasonOfFinish = new Map([
  ['length', 'max_output_tokens'],
  ['content_filter', 'content_filter'],
]);
const finishOfIncompleteReason = new Map([
  ['max_output_tokens', 'length'],
  ['content_filter', 'content_filter'],
]);

const incompleteDetailsOf = (finishReason: unknown): Json | null => {
  const reason = incompleteReasonOfFinish.get(finishReason as string);
  return reason ? { reason } : null;
};

/** A cut-off answer says so even when it was cut inside a function call: its arguments are not whole. */
function finishReasonOf(response: Json, hasFunctionCalls: boolean): string {
  const cutOff = response.status === 'incomplete' ? finishOfIncompleteReason.get(response.incomplete_details?.reason) : undefined;
  return cutOff ?? (hasFunctionCalls ? 'tool_calls' : 'stop');
}

// ---- answers

function chatRefusalOf(messages: Json[]): string {
  return messages
    .flatMap((m) => m.content ?? [])
    .filter((p: Json) => p.type === 'refusal')
    .map((p: Json) => p.refusal)
    .join('');
}

function responseToChat(body: Json): Json {
  const output: Json[] = Array.isArray(body.output) ? body.output : [];
  const messages = output.filter((item) => item.type === 'message');
  const text = messages
    .flatMap((m) => m.content ?? [])
    .filter((p: Json) => p.type === 'output_text')
    .map((p: Json) => p.text)
    .join('');
  const refusal = chatRefusalOf(messages);
  const toolCalls = output.filter((item) => item.type === 'function_call').map(chatToolCallOf);
  const message = {
    role: 'assistant',
    content: text || null,
    ...(refusal && { refusal }),
    ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
  };
  return {
    id: body.id,
    object: 'chat.completion',
    created: body.created_at ?? nowSeconds(),
    model: body.model,
    choices: [{ index: 0, message, finish_reason: finishReasonOf(body, toolCalls.length > 0), logprobs: null }],
    ...(isPresent(body.usage) && { usage: chatUsageOf(body.usage) }),
  };
}

const outputTextPart = (text: string): Json => ({ type: 'output_text', text, annotations: [], logprobs: [] });

function messageItem(id: string, status: string, content: Json[]): Json {
  return { type: 'message', id, status, role: 'assistant', content };
}

function functionCallItem(id: string, call: Json, status: string): Json {
  return {
    type: 'function_call',
    id,
    call_id: call.id,
    name: call.function?.name ?? '',
    arguments: call.function?.arguments ?? '',
    status,
  };
}

/** The output of a chat message: its text, then its calls; when cut off, the last of them is the incomplete one. */
function outputItemsOf(base: string, message: Json, incomplete: boolean): Json[] {
  const text = textOfContent(message.content);
  const refusal = typeof message.refusal === 'string' ? message.refusal : '';
  const content = [...(text ? [outputTextPart(text)] : []), ...(refusal ? [{ type: 'refusal', refusal }] : [])];
  const calls: Json[] = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  const count = (content.length > 0 ? 1 : 0) + calls.length;
  const statusAt = (index: number) => (incomplete && index === count - 1 ? 'incomplete' : 'completed');
  const output: Json[] = content.length > 0 ? [messageItem(messageItemId(base, 0), statusAt(0), content)] : [];
  for (const call of calls) output.push(functionCallItem(functionCallItemId(base, output.length), call, statusAt(output.length)));
  return output;
}

interface ResponseState {
  base: string;
  createdAt: number;
  model: string;
  status: string;
  output: Json[];
  incompleteDetails: Json | null;
  usage: Json | null;
}

/** The request fields a response echoes, with the values the real API reports when they were not set. */
function echoedFields(request: Json = {}): Json {
  return {
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    metadata: request.metadata ?? {},
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: request.reasoning?.summary ?? null },
    temperature: request.temperature ?? 1,
    text: request.text ?? { format: { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? 1,
    ...(isPresent(request.user) && { user: request.user }),
  };
}

/** A full `response` object; `output_text` is left out because the SDK derives it from `output`. */
function responseObject(state: ResponseState, request?: Json): Json {
  return {
    id: `resp_${state.base}`,
    object: 'response',
    created_at: state.createdAt,
    status: state.status,
    error: null,
    incomplete_details: state.incompleteDetails,
    model: state.model,
    // a copy: the stream keeps adding to its own list after this object is sent
    output: [...state.output],
    usage: state.usage,
    ...echoedFields(request),
  };
}

function firstChoiceOf(choices: unknown): Json | undefined {
  return Array.isArray(choices) ? (choices.find((c: Json) => (c?.index ?? 0) === 0) ?? choices[0]) : undefined;
}

function responseFromChat(chat: Json, request?: Json): Json {
  const base = idBaseOf(chat.id);
  const choice = firstChoiceOf(chat.choices) ?? {};
  const incompleteDetails = incompleteDetailsOf(choice.finish_reason);
  const state: ResponseState = {
    base,
    createdAt: chat.created ?? nowSeconds(),
    model: chat.model ?? request?.model ?? '',
    status: incompleteDetails ? 'incomplete' : 'completed',
    output: outputItemsOf(base, choice.message ?? {}, incompleteDetails !== null),
    incompleteDetails,
    usage: isPresent(chat.usage) ? responsesUsageOf(chat.usage) : null,
  };
  return responseObject(state, request);
}

// ---- Responses events → chat chunks

function streamToChat(): StreamToChat {
  let id = '';
  let model = '';
  let sawFunctionCall = false;
  /** output item id → chat tool-call index */
  const toolIndexOfItem = new Map<string, number>();
  const itemsWithArgumentDeltas = new Set<string>();
  const chunk = (delta: Json, finish: string | null = null) => chatChunk(id, model, delta, finish);
  const itemKeyOf = (itemId: unknown, outputIndex: unknown) => (typeof itemId === 'string' && itemId ? itemId : `output ${outputIndex}`);

  const onCreated = (response: Json | undefined): Json[] => {
    id = response?.id ?? id;
    model = response?.model ?? model;
    return [chunk({ role: 'assistant', content: '' })];
  };

  const startToolCall = (key: string, item: Json): Json[] => {
    const index = toolIndexOfItem.size;
    toolIndexOfItem.set(key, index);
    sawFunctionCall = true;
    return [chunk({ tool_calls: [{ index, id: item.call_id, type: 'function', function: { name: item.name, arguments: '' } }] })];
  };

  const onItemAdded = (event: Json): Json[] => {
    if (event.item?.type !== 'function_call') return [];
    return startToolCall(itemKeyOf(event.item.id, event.output_index), event.item);
  };

  const onArgumentsDelta = (event: Json): Json[] => {
    const key = itemKeyOf(event.item_id, event.output_index);
    const index = toolIndexOfItem.get(key);
    if (index === undefined || !event.delta) return [];
    itemsWithArgumentDeltas.add(key);
    return [chunk({ tool_calls: [{ index, function: { arguments: event.delta } }] })];
  };

  // some servers send a call's arguments only whole, in the item's done event
  const onItemDone = (event: Json): Json[] => {
    const item = event.item;
    if (item?.type !== 'function_call') return [];
    const key = itemKeyOf(item.id, event.output_index);
    const started = toolIndexOfItem.has(key) ? [] : startToolCall(key, item);
    if (itemsWithArgumentDeltas.has(key) || !item.arguments) return started;
    return [...started, chunk({ tool_calls: [{ index: toolIndexOfItem.get(key), function: { arguments: item.arguments } }] })];
  };

  const onFinished = (response: Json | undefined): Json[] => {
    const final = response ?? {};
    const calls = sawFunctionCall || (final.output ?? []).some((item: Json) => item.type === 'function_call');
    const finish = chunk({}, finishReasonOf(final, calls));
    return isPresent(final.usage) ? [finish, chatUsageChunk(id, model, chatUsageOf(final.usage))] : [finish];
  };

  return {
    push(event) {
      switch (event.type) {
        case 'response.created':
          return onCreated(event.response);
        case 'response.output_text.delta':
          return event.delta ? [chunk({ content: event.delta })] : [];
        case 'response.refusal.delta':
          return event.delta ? [chunk({ refusal: event.delta })] : [];
        case 'response.output_item.added':
          return onItemAdded(event);
        case 'response.function_call_arguments.delta':
          return onArgumentsDelta(event);
        case 'response.output_item.done':
          return onItemDone(event);
        case 'response.completed':
        case 'response.incomplete':
          return onFinished(event.response);
        default:
          return [];
      }
    },
  };
}

// ---- chat chunks → Responses events

interface OpenItem {
  outputIndex: number;
  itemId: string;
  /** the text so far, or the arguments so far */
  text: string;
  callId?: string;
  name?: string;
  /** the chat tool-call index this item streams */
  toolIndex?: number;
}

function streamFromChat(): StreamFromChat {
  let sequence = 0;
  let state: ResponseState | null = null;
  let finishReason: string | null = null;
  let usage: Json | null = null;
  let openText: OpenItem | null = null;
  // parallel calls stay open until the end, so arguments interleaved by the upstream still land in their own item
  let openCalls: OpenItem[] = [];
  const event = (type: string, fields: Json): Json => ({ type, sequence_number: sequence++, ...fields });

  const started = (): ResponseState => state!;

  const start = (chunk: Json): Json[] => {
    if (state) return [];
    state = {
      base: idBaseOf(chunk.id),
      createdAt: chunk.created ?? nowSeconds(),
      model: chunk.model ?? '',
      status: 'in_progress',
      output: [],
      incompleteDetails: null,
      usage: null,
    };
    const response = responseObject(state);
    return [event('response.created', { response }), event('response.in_progress', { response })];
  };

  const openTextItem = (): Json[] => {
    const outputIndex = started().output.length;
    const item = messageItem(messageItemId(started().base, outputIndex), 'in_progress', []);
    started().output.push(item);
    openText = { outputIndex, itemId: item.id, text: '' };
    return [
      event('response.output_item.added', { output_index: outputIndex, item: messageItem(item.id, 'in_progress', []) }),
      event('response.content_part.added', { item_id: item.id, output_index: outputIndex, content_index: 0, part: outputTextPart('') }),
    ];
  };

  const closeText = (status: string): Json[] => {
    if (!openText) return [];
    const { outputIndex, itemId, text } = openText;
    openText = null;
    const done = messageItem(itemId, status, [outputTextPart(text)]);
    started().output[outputIndex] = done;
    return [
      event('response.output_text.done', { item_id: itemId, output_index: outputIndex, content_index: 0, text, logprobs: [] }),
      event('response.content_part.done', { item_id: itemId, output_index: outputIndex, content_index: 0, part: outputTextPart(text) }),
      event('response.output_item.done', { output_index: outputIndex, item: messageItem(itemId, status, [outputTextPart(text)]) }),
    ];
  };

  const callItemOf = (call: OpenItem, status: string): Json => ({
    type: 'function_call',
    id: call.itemId,
    call_id: call.callId,
    name: call.name,
    arguments: status === 'in_progress' ? '' : call.text,
    status,
  });

  const closeCall = (call: OpenItem, status: string): Json[] => {
    started().output[call.outputIndex] = callItemOf(call, status);
    return [
      event('response.function_call_arguments.done', {
        item_id: call.itemId,
        output_index: call.outputIndex,
        name: call.name,
        arguments: call.text,
      }),
      event('response.output_item.done', { output_index: call.outputIndex, item: callItemOf(call, status) }),
    ];
  };

  const closeCalls = (statusOf: (call: OpenItem) => string): Json[] => {
    const calls = openCalls;
    openCalls = [];
    return calls.flatMap((call) => closeCall(call, statusOf(call)));
  };

  const textEvents = (delta: string): Json[] => {
    const events = openText ? [] : [...closeCalls(() => 'completed'), ...openTextItem()];
    const text = openText!;
    text.text += delta;
    return [
      ...events,
      event('response.output_text.delta', { item_id: text.itemId, output_index: text.outputIndex, content_index: 0, delta, logprobs: [] }),
    ];
  };

  /** The open item a tool-call delta continues: by chat index, else by id, else the latest call. */
  const callOfDelta = (delta: Json): OpenItem | undefined => {
    if (isPresent(delta.index)) return openCalls.find((c) => c.toolIndex === delta.index);
    if (delta.id) return openCalls.find((c) => c.callId === delta.id);
    return openCalls.at(-1);
  };

  const openCall = (delta: Json): Json[] => {
    const events = closeText('completed');
    const outputIndex = started().output.length;
    const call: OpenItem = {
      outputIndex,
      itemId: functionCallItemId(started().base, outputIndex),
      text: '',
      callId: delta.id ?? `call_${randomHex()}`,
      name: delta.function?.name ?? '',
      toolIndex: delta.index,
    };
    openCalls.push(call);
    started().output.push(callItemOf(call, 'in_progress'));
    return [...events, event('response.output_item.added', { output_index: outputIndex, item: callItemOf(call, 'in_progress') })];
  };

  const toolCallEvents = (delta: Json): Json[] => {
    const known = callOfDelta(delta);
    const events = known ? [] : openCall(delta);
    const call = known ?? openCalls.at(-1)!;
    const args = delta.function?.arguments;
    if (typeof args !== 'string' || args === '') return events;
    call.text += args;
    return [
      ...events,
      event('response.function_call_arguments.delta', { item_id: call.itemId, output_index: call.outputIndex, delta: args }),
    ];
  };

  /** When the answer was cut off, the item that was being written last is the incomplete one. */
  const closeAll = (incomplete: boolean): Json[] => {
    const lastIndex = started().output.length - 1;
    const statusOf = (item: OpenItem) => (incomplete && item.outputIndex === lastIndex ? 'incomplete' : 'completed');
    const textEvents = openText ? closeText(statusOf(openText)) : [];
    return [...textEvents, ...closeCalls(statusOf)];
  };

  return {
    push(chunk) {
      const events = start(chunk);
      // usually a last chunk with no choices, but some upstreams put it on the finishing chunk
      if (isPresent(chunk.usage)) usage = responsesUsageOf(chunk.usage);
      const choice = firstChoiceOf(chunk.choices);
      const delta = choice?.delta ?? {};
      if (typeof delta.content === 'string' && delta.content !== '') events.push(...textEvents(delta.content));
      for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) events.push(...toolCallEvents(call));
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      return events;
    },
    end() {
      const events = start({});
      const incompleteDetails = incompleteDetailsOf(finishReason);
      events.push(...closeAll(incompleteDetails !== null));
      const final = { ...started(), status: incompleteDetails ? 'incomplete' : 'completed', incompleteDetails, usage };
      const response = responseObject(final);
      return [...events, event(incompleteDetails ? 'response.incomplete' : 'response.completed', { response })];
    },
  };
}

/** The OpenAI Responses API ⇄ OpenAI Chat Completions, for channels that do not speak Responses. */
export const openAiResponses: ChatTranslation = {
  requestToChat,
  requestFromChat,
  responseToChat,
  responseFromChat,
  streamToChat,
  streamFromChat,
};
