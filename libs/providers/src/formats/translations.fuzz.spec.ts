import type { InferenceEndpoint } from '@switchyard/contracts';
import fc from 'fast-check';
import { UpstreamError } from '../provider-adapter';
import { anthropicMessages } from './anthropic-messages';
import { bridgeFor } from './bridge';
import { parseArguments, textOfContent } from './chat-parts';
import { geminiGenerateContent } from './gemini';
import { openAiResponses } from './openai-responses';
import { ChatTranslation, Json, UnsupportedFeatureError } from './wire-format';

const formats: Record<string, { endpoint: InferenceEndpoint; translation: ChatTranslation }> = {
  anthropic: { endpoint: '/v1/messages', translation: anthropicMessages },
  responses: { endpoint: '/v1/responses', translation: openAiResponses },
  gemini: { endpoint: '/v1beta/models:generateContent', translation: geminiGenerateContent },
};
const CHAT: InferenceEndpoint = '/v1/chat/completions';
const endpoints = [CHAT, ...Object.values(formats).map((f) => f.endpoint)];
/** Every translated way through the hub: a caller's format served by a channel that speaks only another. */
const routes = endpoints.flatMap((caller) => endpoints.filter((upstream) => upstream !== caller).map((upstream) => ({ caller, upstream })));

// ---- arbitrary JSON, in the formats' own vocabulary so it reaches deep into the translators

const words = [
  'user',
  'assistant',
  'system',
  'developer',
  'tool',
  'model',
  'text',
  'image',
  'image_url',
  'file',
  'document',
  'tool_use',
  'tool_result',
  'function',
  'function_call',
  'function_call_output',
  'message',
  'input_text',
  'input_image',
  'output_text',
  'refusal',
  'base64',
  'url',
  'auto',
  'any',
  'none',
  'required',
  'json_schema',
  'json_object',
  'STOP',
  'MAX_TOKENS',
  'stop',
  'length',
  'tool_calls',
  'end_turn',
  'text_delta',
  'input_json_delta',
  'message_start',
  'content_block_start',
  'content_block_delta',
  'message_delta',
  'response.created',
  'response.output_text.delta',
  'response.output_item.added',
  'response.output_item.done',
  'response.function_call_arguments.delta',
  'response.completed',
  'incomplete',
  'data:image/png;base64,AAAA',
];
const keys = [
  '__proto__',
  'constructor',
  'toString',
  'model',
  'messages',
  'role',
  'content',
  'type',
  'text',
  'tool_calls',
  'tool_call_id',
  'id',
  'index',
  'function',
  'name',
  'arguments',
  'parameters',
  'tools',
  'tool_choice',
  'system',
  'source',
  'data',
  'media_type',
  'file_id',
  'file_data',
  'image_url',
  'url',
  'input',
  'output',
  'call_id',
  'instructions',
  'contents',
  'parts',
  'functionCall',
  'functionResponse',
  'inlineData',
  'fileData',
  'mimeType',
  'fileUri',
  'args',
  'response',
  'generationConfig',
  'systemInstruction',
  'toolConfig',
  'functionDeclarations',
  'functionCallingConfig',
  'mode',
  'allowedFunctionNames',
  'max_tokens',
  'stop',
  'stop_sequences',
  'response_format',
  'json_schema',
  'schema',
  'text',
  'format',
  'choices',
  'delta',
  'finish_reason',
  'usage',
  'prompt_tokens',
  'completion_tokens',
  'prompt_tokens_details',
  'cached_tokens',
  'candidates',
  'usageMetadata',
  'content_block',
  'partial_json',
  'stop_reason',
  'item',
  'item_id',
  'output_index',
  'status',
  'incomplete_details',
  'reason',
  'stream',
  'thought',
  'input_schema',
  'metadata',
  'previous_response_id',
];
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 6 }), fc.constantFrom(...words));
const key = fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 4 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 });
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;
const object = fc.array(fc.tuple(key, json), { maxLength: 8 }).map((entries) => Object.fromEntries<unknown>(entries));

/** A valid example with one or two of its fields, at any depth, replaced by arbitrary JSON. */
function mutated(example: Json): fc.Arbitrary<Json> {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(example, []);
  const change = fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), json);
  return fc.array(change, { minLength: 1, maxLength: 2 }).map((changes) => {
    const copy = structuredClone(example);
    for (const [path, value] of changes) {
      let at: any = copy;
      for (const step of path.slice(0, -1)) at = at?.[step];
      if (at && typeof at === 'object') at[path.at(-1)!] = value;
    }
    return copy;
  });
}

const requestExamples: Partial<Record<InferenceEndpoint, Json>> = {
  [CHAT]: {
    model: 'm',
    max_tokens: 10,
    temperature: 0.5,
    stop: ['END'],
    tool_choice: 'auto',
    messages: [
      { role: 'system', content: 'be brief' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'hi' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        ],
      },
      {
        role: 'assistant',
        content: 'calling',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'done' },
    ],
    tools: [{ type: 'function', function: { name: 'f', description: 'd', parameters: { type: 'object' } } }],
  },
  '/v1/messages': {
    model: 'm',
    max_tokens: 10,
    system: 'be brief',
    tool_choice: { type: 'auto' },
    metadata: { user_id: 'u' },
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'hi' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'calling' },
          { type: 'tool_use', id: 'c1', name: 'f', input: { a: 1 } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c1', content: 'done' }] },
    ],
    tools: [{ name: 'f', description: 'd', input_schema: { type: 'object' } }],
  },
  '/v1/responses': {
    model: 'm',
    instructions: 'be brief',
    max_output_tokens: 10,
    tool_choice: 'auto',
    text: { format: { type: 'json_schema', name: 'x', schema: {} } },
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'hi' },
          { type: 'input_image', image_url: 'https://x/y.png' },
        ],
      },
      { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
      { type: 'function_call_output', call_id: 'c1', output: 'done' },
    ],
    tools: [{ type: 'function', name: 'f', description: 'd', parameters: { type: 'object' } }],
  },
  '/v1beta/models:generateContent': {
    model: 'm',
    systemInstruction: { parts: [{ text: 'be brief' }] },
    generationConfig: { maxOutputTokens: 10, stopSequences: ['END'] },
    contents: [
      { role: 'user', parts: [{ text: 'hi' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] },
      { role: 'model', parts: [{ functionCall: { name: 'f', args: { a: 1 }, id: 'c1' } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'f', response: { result: 'done' }, id: 'c1' } }] },
    ],
    tools: [{ functionDeclarations: [{ name: 'f', description: 'd', parameters: { type: 'object' } }] }],
    toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
  },
};

/** Runs one translation step; the only errors it may raise are the ones the router turns into answers. */
function expectOnly(allowed: new (...args: any[]) => Error, step: () => unknown): void {
  try {
    step();
  } catch (error) {
    expect(error).toBeInstanceOf(allowed);
  }
}

describe('bridges on hostile input', () => {
  describe.each(routes)('$caller served by a $upstream channel', ({ caller, upstream }) => {
    const bridge = () => bridgeFor(caller, [upstream])!;

    it('translates any request object or refuses it as untranslatable (a 400), never anything else', () => {
      fc.assert(
        fc.property(fc.oneof(object, mutated(requestExamples[caller]!)), (body) =>
          expectOnly(UnsupportedFeatureError, () => bridge().request(body)),
        ),
      );
    });

    it("reads any answer or refuses it as the upstream's protocol failure (a 502), never anything else", () => {
      fc.assert(
        fc.property(object, fc.oneof(object, fc.constant(requestExamples[caller]!)), (answer, callerRequest) =>
          expectOnly(UpstreamError, () => bridge().response(answer, callerRequest)),
        ),
      );
    });

    it("reads any stream of events or ends it as the upstream's protocol failure, never anything else", () => {
      fc.assert(
        fc.property(fc.array(object, { maxLength: 6 }), (events) => {
          const stream = bridge().stream();
          expectOnly(UpstreamError, () => {
            for (const event of events) stream.push(event);
            stream.end();
          });
        }),
      );
    });
  });
});

// ---- round trips of well-formed chat: the meaning survives chat → format → chat

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const callId = fc.stringMatching(/^call_[a-z0-9]{1,6}$/);
const toolName = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
const argsObject = fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean()), {
  minKeys: 1,
  maxKeys: 3,
});
const imageUrl = fc.oneof(
  fc.constant('data:image/png;base64,iVBORw0KGgo='),
  fc.stringMatching(/^https:\/\/img\.example\/[a-z]{1,6}\.png$/),
);
const userPart = fc.oneof(
  { arbitrary: text.map((t) => ({ type: 'text', text: t })), weight: 3 },
  { arbitrary: imageUrl.map((url) => ({ type: 'image_url', image_url: { url } })), weight: 1 },
);
const userMessage = fc.oneof(
  text.map((t) => ({ role: 'user', content: t })),
  fc.array(userPart, { minLength: 1, maxLength: 3 }).map((parts) => ({ role: 'user', content: parts })),
);
const toolResultText = fc.oneof(
  text,
  argsObject.map((o) => JSON.stringify(o)),
);

/** An exchange: the user speaks, the assistant answers in text, calls tools (each answered) or both. */
const exchange = fc
  .tuple(
    userMessage,
    fc.option(text, { nil: undefined }),
    fc.uniqueArray(fc.tuple(callId, toolName, argsObject, toolResultText), { maxLength: 3, selector: ([id]) => id }),
  )
  .map(([user, said, calls]) => {
    if (said === undefined && calls.length === 0) return [user];
    const assistant: Json = { role: 'assistant', content: said ?? null };
    if (calls.length > 0)
      assistant.tool_calls = calls.map(([id, name, args]) => ({
        id,
        type: 'function',
        function: { name, arguments: JSON.stringify(args) },
      }));
    return [user, assistant, ...calls.map(([id, , , result]) => ({ role: 'tool', tool_call_id: id, content: result }))];
  });

const toolSpec = fc.record({
  name: toolName,
  description: text,
  parameters: fc.constant({ type: 'object', properties: { q: { type: 'string' } } }),
});
const toolChoice = fc.option(
  fc.oneof(
    fc.constantFrom('auto', 'required', 'none'),
    toolName.map((name) => ({ type: 'function', function: { name } })),
  ),
  { nil: undefined },
);

/** Call ids must be unique across the conversation, as they are in a real one. */
const chatRequest = (withStop: boolean) =>
  fc
    .record({
      system: fc.option(text, { nil: undefined }),
      exchanges: fc.array(exchange, { minLength: 1, maxLength: 3 }),
      limit: fc.integer({ min: 1, max: 1_000_000 }),
      temperature: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
      stop: withStop ? fc.option(fc.array(text, { minLength: 1, maxLength: 2 }), { nil: undefined }) : fc.constant(undefined),
      tools: fc.uniqueArray(toolSpec, { maxLength: 2, selector: (t) => t.name }),
      toolChoice,
    })
    .filter(({ exchanges }) => {
      const ids = exchanges.flat().flatMap((m: Json) => (m.tool_calls ?? []).map((c: Json) => c.id));
      return new Set(ids).size === ids.length;
    })
    .map(({ system, exchanges, limit, temperature, stop, tools, toolChoice }) => ({
      model: 'm',
      messages: [...(system ? [{ role: 'system', content: system }] : []), ...exchanges.flat()],
      max_tokens: limit,
      ...(temperature !== undefined && { temperature }),
      ...(stop && { stop }),
      ...(tools.length > 0 && { tools: tools.map((f) => ({ type: 'function', function: f })) }),
      ...(toolChoice !== undefined && { tool_choice: toolChoice }),
    }));

/** A tool result's meaning: the object it carries (Gemini sends results as objects), else its text. */
const resultMeaning = (content: unknown) => {
  const parsed = parseArguments(textOfContent(content));
  return parsed._raw !== undefined || Object.keys(parsed).length === 0 ? { result: textOfContent(content) } : parsed;
};

const partsOf = (content: unknown): Json[] =>
  typeof content === 'string'
    ? [{ text: content }]
    : (Array.isArray(content) ? content : []).map((p: Json) => (p.type === 'text' ? { text: p.text } : { image: p.image_url?.url }));

/** Consecutive user messages are one turn to the formats that alternate turns (Anthropic, Gemini). */
function mergedUserTurns(turns: Json[]): Json[] {
  const merged: Json[] = [];
  for (const turn of turns) {
    const last = merged.at(-1);
    if (turn.user && last?.user) last.user = [...last.user, ...turn.user];
    else merged.push(turn);
  }
  return merged;
}

/** What a chat request says, in a form every format can say it. */
function requestMeaning(chat: Json): Json {
  const messages: Json[] = chat.messages;
  return {
    model: chat.model,
    system: messages
      .filter((m) => m.role === 'system')
      .map((m) => textOfContent(m.content))
      .join('\n\n'),
    turns: mergedUserTurns(
      messages
        .filter((m) => m.role !== 'system')
        .map((m) => {
          if (m.role === 'user') return { user: partsOf(m.content) };
          if (m.role === 'tool') return { tool: m.tool_call_id, result: resultMeaning(m.content) };
          return {
            assistant: textOfContent(m.content),
            calls: (m.tool_calls ?? []).map((c: Json) => ({ id: c.id, name: c.function.name, args: parseArguments(c.function.arguments) })),
          };
        }),
    ),
    limit: chat.max_completion_tokens ?? chat.max_tokens,
    temperature: chat.temperature,
    stop: chat.stop,
    tools: (chat.tools ?? []).map((t: Json) => ({
      name: t.function.name,
      description: t.function.description,
      parameters: t.function.parameters,
    })),
    toolChoice: chat.tool_choice,
  };
}

const chatAnswer = fc
  .record({
    text: fc.option(text, { nil: null }),
    calls: fc.uniqueArray(fc.tuple(callId, toolName, argsObject), { maxLength: 3, selector: ([id]) => id }),
    cutOff: fc.boolean(),
    filtered: fc.boolean(),
    prompt: fc.nat(1_000_000),
    cachedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    completion: fc.nat(1_000_000),
  })
  .map(({ text: said, calls, cutOff, filtered, prompt, cachedShare, completion }) => {
    const finish = cutOff ? 'length' : calls.length > 0 ? 'tool_calls' : filtered ? 'content_filter' : 'stop';
    const toolCalls = calls.map(([id, name, args]) => ({ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }));
    return {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: said, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) },
          finish_reason: finish,
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
        prompt_tokens_details: { cached_tokens: Math.floor(prompt * cachedShare) },
      },
    };
  });

function answerMeaning(chat: Json): Json {
  const choice = chat.choices[0];
  const u = chat.usage;
  return {
    text: textOfContent(choice.message.content) || '',
    calls: (choice.message.tool_calls ?? []).map((c: Json) => ({
      id: c.id,
      name: c.function.name,
      args: parseArguments(c.function.arguments),
    })),
    finish: choice.finish_reason,
    usage: {
      prompt: u.prompt_tokens,
      completion: u.completion_tokens,
      total: u.total_tokens,
      cached: u.prompt_tokens_details?.cached_tokens ?? 0,
    },
  };
}

/** A streamed chat answer as chunks: text in pieces, then each call (id and name first, arguments in pieces), the finish, the usage. */
const chatStream = fc.tuple(chatAnswer, fc.array(fc.nat(), { maxLength: 4 })).map(([answer, cuts]) => {
  const chunk = (delta: Json, finish: string | null = null): Json => ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const pieces = (s: string) => {
    const at = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
    return [...at, s.length].map((end, i, all) => s.slice(i === 0 ? 0 : all[i - 1], end)).filter((p) => p !== '');
  };
  const message = answer.choices[0].message as Json;
  const chunks: Json[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of pieces(message.content ?? '')) chunks.push(chunk({ content: piece }));
  (message.tool_calls ?? []).forEach((call: Json, index: number) => {
    chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
    for (const piece of pieces(call.function.arguments)) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(chunk({}, answer.choices[0].finish_reason));
  chunks.push({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: answer.usage });
  return { answer, chunks };
});

/** What a stream of chat chunks says, put back together as one answer. */
function collected(chunks: Json[]): Json {
  let content = '';
  let finish: string | null = null;
  let usage: Json | null = null;
  const calls = new Map<number, Json>();
  for (const c of chunks) {
    if (c.usage) usage = c.usage;
    const choice = c.choices?.[0];
    if (!choice) continue;
    content += choice.delta?.content ?? '';
    for (const call of choice.delta?.tool_calls ?? []) {
      const entry =
        calls.get(call.index) ??
        calls.set(call.index, { id: undefined, type: 'function', function: { name: undefined, arguments: '' } }).get(call.index)!;
      entry.id ??= call.id;
      entry.function.name ??= call.function?.name;
      entry.function.arguments += call.function?.arguments ?? '';
    }
    finish = choice.finish_reason ?? finish;
  }
  const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return { choices: [{ message: { content, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) }, finish_reason: finish }], usage };
}

describe.each(Object.entries(formats))('chat ⇄ %s round trips keep their meaning', (name, { translation }) => {
  it('a request: system, every turn (text, images, tool calls and results), limit, temperature, stop, tools, tool choice', () => {
    // the Responses API has no stop sequences: a chat request with them is refused (tested apart)
    fc.assert(
      fc.property(chatRequest(name !== 'responses'), (chat) => {
        const back = translation.requestToChat(translation.requestFromChat(chat));
        expect(requestMeaning(back)).toEqual(requestMeaning(chat));
      }),
    );
  });

  it('an answer: text, tool calls, finish reason, and usage buckets that add up to the total', () => {
    fc.assert(
      fc.property(chatAnswer, (chat) => {
        const back = translation.responseToChat(translation.responseFromChat(chat, { model: 'm' }));
        expect(answerMeaning(back)).toEqual(answerMeaning(chat));
        expect(back.usage.total_tokens).toBe(back.usage.prompt_tokens + back.usage.completion_tokens);
      }),
    );
  });

  it('a stream: the same text, tool calls, finish reason and usage, however the pieces were cut', () => {
    fc.assert(
      fc.property(chatStream, ({ answer, chunks }) => {
        const out = translation.streamFromChat();
        const events = [...chunks.flatMap((c) => out.push(c)), ...out.end()];
        const back = translation.streamToChat();
        expect(answerMeaning(collected(events.flatMap((e) => back.push(e))))).toEqual(answerMeaning(answer));
      }),
    );
  });
});
