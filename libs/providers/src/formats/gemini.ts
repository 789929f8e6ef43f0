import { randomUUID } from 'crypto';
import {
  chatChunk,
  chatUsageChunk,
  chatToolsOf,
  functionsOfChatTools,
  nowSeconds,
  parseArguments,
  parseDataUrl,
  textOfContent,
  toDataUrl,
} from './chat-parts';
import { ChatTranslation, Json, StreamFromChat, StreamToChat, UnsupportedFeatureError } from './wire-format';

const reasonToFinish: Record<string, string> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  IMAGE_SAFETY: 'content_filter',
};
const finishToReason: Record<string, string> = { stop: 'STOP', length: 'MAX_TOKENS', content_filter: 'SAFETY', tool_calls: 'STOP' };

const completionId = () => `chatcmpl-${randomUUID().replace(/-/g, '')}`;

const imageTypes: Record<string, string> = {
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const mimeOfUrl = (url: string) => imageTypes[/\.([a-z]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? ''] ?? 'image/jpeg';

// ---- Gemini request → chat request

function chatPartOf(part: Json): Json | null {
  if (part.thought) return null;
  if (typeof part.text === 'string') return { type: 'text', text: part.text };
  if (part.inlineData) {
    if (!String(part.inlineData.mimeType).startsWith('image/'))
      throw new UnsupportedFeatureError(`inline ${part.inlineData.mimeType} data can only be sent to a Gemini channel`, 'contents');
    return { type: 'image_url', image_url: { url: toDataUrl(part.inlineData.mimeType, part.inlineData.data) } };
  }
  if (part.fileData) return { type: 'image_url', image_url: { url: part.fileData.fileUri } };
  throw new UnsupportedFeatureError(`part ${Object.keys(part)[0]} can only be sent to a Gemini channel`, 'contents');
}

function chatMessagesOf(contents: Json[]): Json[] {
  const messages: Json[] = [];
  const unanswered: { id: string; name: string }[] = [];
  let generated = 0;
  for (const content of contents) {
    const parts: Json[] = content.parts ?? [];
    const calls = parts
      .filter((p) => p.functionCall)
      .map((p) => {
        const id = p.functionCall.id ?? `call_${generated++}`;
        unanswered.push({ id, name: p.functionCall.name });
        return { id, type: 'function', function: { name: p.functionCall.name, arguments: JSON.stringify(p.functionCall.args ?? {}) } };
      });
    for (const p of parts.filter((q) => q.functionResponse)) {
      const at = unanswered.findIndex((u) => (p.functionResponse.id ? u.id === p.functionResponse.id : u.name === p.functionResponse.name));
      const id = p.functionResponse.id ?? (at >= 0 ? unanswered[at].id : `call_${generated++}`);
      if (at >= 0) unanswered.splice(at, 1);
      messages.push({ role: 'tool', tool_call_id: id, content: JSON.stringify(p.functionResponse.response ?? {}) });
    }
    const chatParts = parts
      .filter((p) => !p.functionCall && !p.functionResponse)
      .map(chatPartOf)
      .filter((p): p is Json => p !== null);
    if (content.role === 'model') {
      const text = textOfContent(chatParts);
      if (text || calls.length) messages.push({ role: 'assistant', content: text || null, ...(calls.length > 0 && { tool_calls: calls }) });
    } else if (chatParts.length > 0) {
      messages.push({ role: 'user', content: chatParts.length === 1 && chatParts[0].type === 'text' ? chatParts[0].text : chatParts });
    }
  }
  return messages;
}

function responseFormatOf(config: Json): Json | undefined {
  const schema = config.responseJsonSchema ?? config.responseSchema;
  if (schema) return { type: 'json_schema', json_schema: { name: 'response', schema } };
  if (config.responseMimeType === 'application/json') return { type: 'json_object' };
  return undefined;
}

function chatToolChoiceOf(config: Json | undefined): unknown {
  const mode = config?.functionCallingConfig?.mode;
  const allowed: string[] = config?.functionCallingConfig?.allowedFunctionNames ?? [];
  if (mode === 'ANY') return allowed.length === 1 ? { type: 'function', function: { name: allowed[0] } } : 'required';
  if (mode === 'NONE') return 'none';
  if (mode === 'AUTO') return 'auto';
  return undefined;
}

function systemTextOf(instruction: unknown): string {
  if (typeof instruction === 'string') return instruction;
  return textOfContent((instruction as Json | undefined)?.parts);
}

function requestToChat(body: Json): Json {
  const config: Json = body.generationConfig ?? {};
  const tools: Json[] = body.tools ?? [];
  const builtIn = tools.find((t) => !t.functionDeclarations);
  if (builtIn) throw new UnsupportedFeatureError(`tool ${Object.keys(builtIn)[0]} can only be used on a Gemini channel`, 'tools');
  const declarations: Json[] = tools.flatMap((t) => t.functionDeclarations);
  const system = systemTextOf(body.systemInstruction);
  const format = responseFormatOf(config);
  const toolChoice = chatToolChoiceOf(body.toolConfig);
  return {
    model: body.model,
    messages: [...(system ? [{ role: 'system', content: system }] : []), ...chatMessagesOf(body.contents ?? [])],
    ...(config.temperature !== undefined && { temperature: config.temperature }),
    ...(config.topP !== undefined && { top_p: config.topP }),
    ...(config.maxOutputTokens !== undefined && { max_tokens: config.maxOutputTokens }),
    ...(config.stopSequences !== undefined && { stop: config.stopSequences }),
    ...(config.candidateCount !== undefined && { n: config.candidateCount }),
    ...(config.seed !== undefined && { seed: config.seed }),
    ...(config.presencePenalty !== undefined && { presence_penalty: config.presencePenalty }),
    ...(config.frequencyPenalty !== undefined && { frequency_penalty: config.frequencyPenalty }),
    ...(format && { response_format: format }),
    ...(declarations.length > 0 && {
      tools: chatToolsOf(
        declarations.map((d) => ({ name: d.name, description: d.description, parameters: d.parameters ?? d.parametersJsonSchema })),
      ),
    }),
    ...(toolChoice !== undefined && { tool_choice: toolChoice }),
    ...(body.stream === true && { stream: true, stream_options: { include_usage: true } }),
  };
}

// ---- chat request → Gemini request

function geminiPartOf(part: Json): Json {
  if (part.type === 'text') return { text: part.text };
  if (part.type === 'image_url') {
    const url: string = part.image_url?.url ?? '';
    const data = parseDataUrl(url);
    return data ? { inlineData: { mimeType: data.mediaType, data: data.data } } : { fileData: { mimeType: mimeOfUrl(url), fileUri: url } };
  }
  throw new UnsupportedFeatureError(`content part "${part.type}" cannot be sent to a Gemini channel`, 'messages');
}

function geminiContentsOf(messages: Json[]): Json[] {
  const names = new Map<string, string>();
  const contents: Json[] = [];
  for (const message of messages) {
    let role: string;
    let parts: Json[];
    if (message.role === 'tool') {
      const name = names.get(message.tool_call_id) ?? 'function';
      const parsed = parseArguments(textOfContent(message.content));
      const response = parsed._raw !== undefined || Object.keys(parsed).length === 0 ? { result: textOfContent(message.content) } : parsed;
      role = 'user';
      parts = [{ functionResponse: { name, response, id: message.tool_call_id } }];
    } else {
      role = message.role === 'assistant' ? 'model' : 'user';
      parts =
        typeof message.content === 'string'
          ? message.content
            ? [{ text: message.content }]
            : []
          : (message.content ?? []).map(geminiPartOf);
      for (const call of message.tool_calls ?? []) {
        names.set(call.id, call.function?.name);
        parts.push({ functionCall: { name: call.function?.name, args: parseArguments(call.function?.arguments), id: call.id } });
      }
    }
    const last = contents.at(-1);
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  }
  return contents;
}

function toolConfigOf(choice: unknown): Json | undefined {
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice && typeof choice === 'object')
    return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [(choice as Json).function?.name] } };
  return undefined;
}

function requestFromChat(chat: Json): Json {
  const all: Json[] = chat.messages ?? [];
  const system = all
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => textOfContent(m.content))
    .join('\n\n');
  const format = chat.response_format;
  const maxTokens = chat.max_completion_tokens ?? chat.max_tokens;
  const stop = chat.stop === undefined || chat.stop === null ? undefined : Array.isArray(chat.stop) ? chat.stop : [chat.stop];
  const generationConfig: Json = {
    ...(chat.temperature !== undefined && { temperature: chat.temperature }),
    ...(chat.top_p !== undefined && { topP: chat.top_p }),
    ...(maxTokens !== undefined && { maxOutputTokens: maxTokens }),
    ...(stop !== undefined && { stopSequences: stop }),
    ...(chat.n !== undefined && { candidateCount: chat.n }),
    ...(chat.seed !== undefined && { seed: chat.seed }),
    ...(format?.type === 'json_object' && { responseMimeType: 'application/json' }),
    ...(format?.type === 'json_schema' && { responseMimeType: 'application/json', responseJsonSchema: format.json_schema?.schema }),
  };
  const functions = functionsOfChatTools(chat.tools);
  const toolConfig = toolConfigOf(chat.tool_choice);
  return {
    model: chat.model,
    ...(system && { systemInstruction: { parts: [{ text: system }] } }),
    contents: geminiContentsOf(all.filter((m) => m.role !== 'system' && m.role !== 'developer')),
    ...(Object.keys(generationConfig).length > 0 && { generationConfig }),
    ...(functions.length > 0 && { tools: [{ functionDeclarations: functions }] }),
    ...(toolConfig && { toolConfig }),
  };
}

// ---- answers

function chatUsageOf(meta: Json | undefined): Json | undefined {
  if (!meta) return undefined;
  const thoughts = meta.thoughtsTokenCount ?? 0;
  const prompt = meta.promptTokenCount ?? 0;
  const completion = (meta.candidatesTokenCount ?? 0) + thoughts;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: meta.totalTokenCount ?? prompt + completion,
    prompt_tokens_details: { cached_tokens: meta.cachedContentTokenCount ?? 0 },
    completion_tokens_details: { reasoning_tokens: thoughts },
  };
}

function usageMetadataOf(usage: Json | undefined): Json | undefined {
  if (!usage) return undefined;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    promptTokenCount: usage.prompt_tokens ?? 0,
    candidatesTokenCount: (usage.completion_tokens ?? 0) - reasoning,
    totalTokenCount: usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0),
    ...(cached > 0 && { cachedContentTokenCount: cached }),
    ...(reasoning > 0 && { thoughtsTokenCount: reasoning }),
    ...(usage.cost !== undefined && { cost: usage.cost }),
  };
}

function toolCallsOf(parts: Json[], offset = 0): Json[] {
  return parts
    .filter((p) => p.functionCall)
    .map((p, i) => ({
      id: p.functionCall.id ?? `call_${offset + i}`,
      type: 'function',
      function: { name: p.functionCall.name, arguments: JSON.stringify(p.functionCall.args ?? {}) },
    }));
}

const visibleText = (parts: Json[]) =>
  parts
    .filter((p) => typeof p.text === 'string' && !p.thought)
    .map((p) => p.text)
    .join('');

function finishOf(candidate: Json, hasCalls: boolean): string {
  const finish = reasonToFinish[candidate.finishReason] ?? 'stop';
  return hasCalls && finish === 'stop' ? 'tool_calls' : finish;
}

function responseToChat(body: Json): Json {
  const candidates: Json[] = body.candidates ?? [];
  const usage = chatUsageOf(body.usageMetadata);
  return {
    id: body.responseId ?? completionId(),
    object: 'chat.completion',
    created: nowSeconds(),
    model: body.modelVersion ?? '',
    choices: candidates.map((c, position) => {
      const parts: Json[] = c.content?.parts ?? [];
      const calls = toolCallsOf(parts);
      return {
        index: c.index ?? position,
        message: { role: 'assistant', content: visibleText(parts) || null, ...(calls.length > 0 && { tool_calls: calls }) },
        finish_reason: finishOf(c, calls.length > 0),
        logprobs: null,
      };
    }),
    ...(usage && { usage }),
  };
}

function responseFromChat(chat: Json): Json {
  const usageMetadata = usageMetadataOf(chat.usage);
  return {
    candidates: (chat.choices ?? []).map((choice: Json) => {
      const text = textOfContent(choice.message?.content);
      const calls = (choice.message?.tool_calls ?? []).map((c: Json) => ({
        functionCall: { name: c.function?.name, args: parseArguments(c.function?.arguments), id: c.id },
      }));
      return {
        content: { role: 'model', parts: [...(text ? [{ text }] : []), ...calls] },
        finishReason: finishToReason[choice.finish_reason] ?? 'STOP',
        index: choice.index ?? 0,
      };
    }),
    ...(usageMetadata && { usageMetadata }),
    modelVersion: chat.model,
    responseId: chat.id,
  };
}

// ---- streams

function streamToChat(): StreamToChat {
  let started = false;
  let calls = 0;
  let usage: Json | undefined;
  return {
    push(event) {
      const id = event.responseId ?? '';
      const model = event.modelVersion ?? '';
      const chunk = (index: number, delta: Json, finish: string | null = null): Json => chatChunk(id, model, delta, finish, index);
      usage = event.usageMetadata ?? usage;
      const chunks: Json[] = [];
      for (const candidate of event.candidates ?? []) {
        const index = candidate.index ?? 0;
        const parts: Json[] = candidate.content?.parts ?? [];
        const text = visibleText(parts);
        const toolCalls = toolCallsOf(parts, calls).map((c, i) => ({ index: calls + i, ...c }));
        calls += toolCalls.length;
        if (text || toolCalls.length || !started) {
          chunks.push(
            chunk(index, { ...(!started && { role: 'assistant' }), content: text, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) }),
          );
          started = true;
        }
        if (candidate.finishReason) {
          chunks.push(chunk(index, {}, finishOf(candidate, calls > 0)));
          const chatUsage = chatUsageOf(usage);
          if (chatUsage) chunks.push(chatUsageChunk(id, model, chatUsage));
        }
      }
      return chunks;
    },
  };
}

function streamFromChat(): StreamFromChat {
  let id = '';
  let model = '';
  let finish: string | null = null;
  let usage: Json | undefined;
  const calls = new Map<number, { id?: string; name?: string; args: string }>();
  return {
    push(chunk) {
      id ||= chunk.id ?? '';
      model ||= chunk.model ?? '';
      if (chunk.usage && (!Array.isArray(chunk.choices) || chunk.choices.length === 0)) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      const delta = choice?.delta ?? {};
      for (const call of delta.tool_calls ?? []) {
        const entry = calls.get(call.index ?? 0) ?? calls.set(call.index ?? 0, { args: '' }).get(call.index ?? 0)!;
        entry.id ??= call.id;
        entry.name ??= call.function?.name;
        entry.args += call.function?.arguments ?? '';
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (typeof delta.content !== 'string' || delta.content === '') return [];
      return [
        { candidates: [{ content: { role: 'model', parts: [{ text: delta.content }] }, index: 0 }], modelVersion: model, responseId: id },
      ];
    },
    end() {
      const functionCalls = [...calls.values()].map((c) => ({
        functionCall: { name: c.name, args: parseArguments(c.args), ...(c.id && { id: c.id }) },
      }));
      const usageMetadata = usageMetadataOf(usage);
      return [
        {
          candidates: [
            {
              content: { role: 'model', parts: functionCalls.length > 0 ? functionCalls : [{ text: '' }] },
              finishReason: finishToReason[finish ?? 'stop'] ?? 'STOP',
              index: 0,
            },
          ],
          ...(usageMetadata && { usageMetadata }),
          modelVersion: model,
          responseId: id,
        },
      ];
    },
  };
}

/** Gemini generateContent ⇄ OpenAI Chat Completions. */
export const geminiGenerateContent: ChatTranslation = {
  requestToChat,
  requestFromChat,
  responseToChat,
  responseFromChat,
  streamToChat,
  streamFromChat,
};
