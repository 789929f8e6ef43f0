import { AnthropicAdapter } from '../anthropic.adapter';
import { GeminiAdapter } from '../gemini.adapter';
import { openAiUsageOf } from '../openai.adapter';
import { anthropicMessages } from './anthropic-messages';
import { bridgeFor } from './bridge';
import { geminiGenerateContent } from './gemini';
import { openAiResponses } from './openai-responses';
import { UpstreamError } from '../provider-adapter';
import { Json, StreamFromChat, UnsupportedFeatureError } from './wire-format';

const tools = [
  {
    type: 'function',
    function: { name: 'lookup', description: 'finds', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
  },
];
const chatRequest: Json = {
  model: 'm',
  messages: [
    { role: 'system', content: 'be brief' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'what is this?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      ],
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '{"found":true}' },
  ],
  tools,
  max_tokens: 100,
  temperature: 0.2,
  stop: ['END'],
};

/** Chat chunks of a streamed answer: text in two pieces, one tool call in two pieces, the finish, the usage. */
function chatStream(finish = 'tool_calls'): Json[] {
  const chunk = (delta: Json, finishReason: string | null = null): Json => ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  return [
    chunk({ role: 'assistant', content: '' }),
    chunk({ content: 'Hel' }),
    chunk({ content: 'lo' }),
    chunk({ tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"q":' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '"y"}' } }] }),
    chunk({}, finish),
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [],
      usage: { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27, prompt_tokens_details: { cached_tokens: 5 } },
    },
  ];
}

function runFromChat(stream: StreamFromChat, chunks: Json[]): Json[] {
  return [...chunks.flatMap((c) => stream.push(c)), ...stream.end()];
}

/** What a stream of chat chunks says, put back together. */
function collect(chunks: Json[]): {
  text: string;
  calls: Record<number, { id?: string; name?: string; args: string }>;
  finish: string | null;
  usage: Json | null;
} {
  const out = {
    text: '',
    calls: {} as Record<number, { id?: string; name?: string; args: string }>,
    finish: null as string | null,
    usage: null as Json | null,
  };
  for (const c of chunks) {
    if (c.usage) out.usage = c.usage;
    const choice = c.choices?.[0];
    if (!choice) continue;
    out.text += choice.delta?.content ?? '';
    for (const call of choice.delta?.tool_calls ?? []) {
      const entry = (out.calls[call.index] ??= { args: '' });
      entry.id ??= call.id;
      entry.name ??= call.function?.name;
      entry.args += call.function?.arguments ?? '';
    }
    out.finish = choice.finish_reason ?? out.finish;
  }
  return out;
}

describe('Anthropic Messages ⇄ chat', () => {
  it('puts a chat request in Anthropic form: system apart, tool results as user blocks, max_tokens required', () => {
    const request = anthropicMessages.requestFromChat(chatRequest);
    expect(request).toMatchObject({ model: 'm', system: 'be brief', max_tokens: 100, temperature: 0.2, stop_sequences: ['END'] });
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is this?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
        ],
      },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'lookup', input: { q: 'x' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: '{"found":true}' }] },
    ]);
    expect(request.tools).toEqual([{ name: 'lookup', description: 'finds', input_schema: tools[0].function.parameters }]);
    expect(anthropicMessages.requestFromChat({ model: 'm', messages: [{ role: 'user', content: 'x' }] }).max_tokens).toBe(4096);
  });

  it('round-trips an Anthropic request through chat', () => {
    const original = anthropicMessages.requestFromChat(chatRequest);
    const back = anthropicMessages.requestFromChat(anthropicMessages.requestToChat(original));
    expect(back).toEqual(original);
  });

  it('maps tool choice both ways and refuses server tools', () => {
    expect(
      anthropicMessages.requestToChat({
        model: 'm',
        max_tokens: 5,
        messages: [{ role: 'user', content: 'x' }],
        tool_choice: { type: 'any', disable_parallel_tool_use: true },
      }),
    ).toMatchObject({ tool_choice: 'required', parallel_tool_calls: false });
    expect(
      anthropicMessages.requestFromChat({ model: 'm', messages: [], tool_choice: { type: 'function', function: { name: 'lookup' } } })
        .tool_choice,
    ).toEqual({ type: 'tool', name: 'lookup' });
    expect(() =>
      anthropicMessages.requestToChat({
        model: 'm',
        max_tokens: 5,
        messages: [],
        tools: [{ type: 'web_search_20250305', name: 'web_search' }],
      }),
    ).toThrow(UnsupportedFeatureError);
  });

  it('translates answers both ways, with cache reads and writes inside prompt_tokens', () => {
    const message = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude',
      stop_reason: 'tool_use',
      content: [
        { type: 'text', text: 'Hi' },
        { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'z' } },
      ],
      usage: { input_tokens: 10, cache_read_input_tokens: 4, cache_creation_input_tokens: 6, output_tokens: 3 },
    };
    const chat = anthropicMessages.responseToChat(message);
    expect(chat.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: { content: 'Hi', tool_calls: [{ id: 'toolu_1', function: { name: 'lookup', arguments: '{"q":"z"}' } }] },
    });
    expect(chat.usage).toMatchObject({
      prompt_tokens: 20,
      completion_tokens: 3,
      total_tokens: 23,
      prompt_tokens_details: { cached_tokens: 4 },
    });
    const back = anthropicMessages.responseFromChat(chat);
    expect(back).toMatchObject({ id: 'msg_1', stop_reason: 'tool_use', content: message.content });
    expect(back.usage).toMatchObject({ output_tokens: 3, cache_read_input_tokens: 4 });
  });

  it('streams chat chunks as Anthropic events, and Anthropic events as chat chunks', () => {
    const events = runFromChat(anthropicMessages.streamFromChat(), chatStream());
    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.at(-2)).toMatchObject({
      delta: { stop_reason: 'tool_use' },
      usage: { input_tokens: 15, output_tokens: 7, cache_read_input_tokens: 5 },
    });
    const back = collect(events.flatMap((e) => anthropicMessages.streamToChat().push(e)));
    expect(back.text).toBe('Hello');
    const toChat = anthropicMessages.streamToChat();
    const chunks = collect(events.flatMap((e) => toChat.push(e)));
    expect(chunks).toMatchObject({
      text: 'Hello',
      finish: 'tool_calls',
      calls: { 0: { id: 'call_9', name: 'lookup', args: '{"q":"y"}' } },
    });
    expect(chunks.usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 5 } });
  });
});

describe('Responses ⇄ chat', () => {
  it('turns a Responses request into chat: instructions, input items, function calls and outputs, text format', () => {
    const chat = openAiResponses.requestToChat({
      model: 'm',
      instructions: 'be kind',
      max_output_tokens: 50,
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'look up x' },
            { type: 'input_image', image_url: 'https://x/y.png', detail: 'low' },
          ],
        },
        { type: 'function_call', call_id: 'c1', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c1', output: 'done' },
      ],
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' }, strict: true }],
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true } },
      stream: true,
    });
    expect(chat).toMatchObject({
      model: 'm',
      max_completion_tokens: 50,
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: 'json_schema', json_schema: { name: 'out', schema: { type: 'object' }, strict: true } },
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' }, strict: true } }],
    });
    expect(chat.messages).toEqual([
      { role: 'system', content: 'be kind' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'look up x' },
          { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'low' } },
        ],
      },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: 'done' },
    ]);
    expect(() => openAiResponses.requestToChat({ model: 'm', input: 'x', tools: [{ type: 'web_search' }] })).toThrow(
      UnsupportedFeatureError,
    );
    expect(() => openAiResponses.requestToChat({ model: 'm', input: 'x', previous_response_id: 'resp_1' })).toThrow(
      UnsupportedFeatureError,
    );
  });

  it('answers in the Responses shape, incomplete when the output ran out', () => {
    const chat = {
      id: 'chatcmpl-7',
      model: 'm',
      choices: [{ message: { content: 'partial' }, finish_reason: 'length' }],
      usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 },
    };
    const response = openAiResponses.responseFromChat(chat, { model: 'm', input: 'x', instructions: 'i' });
    expect(response).toMatchObject({
      id: 'resp_7',
      object: 'response',
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      instructions: 'i',
      output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'partial' }] }],
      usage: { input_tokens: 3, output_tokens: 9, total_tokens: 12 },
    });
    expect(openAiResponses.responseToChat(response).choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'partial' } });
  });

  it('streams the event sequence the SDK expects, numbered, and reads it back', () => {
    const events = runFromChat(openAiResponses.streamFromChat(), chatStream());
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.at(-1)!.response.output).toMatchObject([
      { type: 'message', content: [{ text: 'Hello' }] },
      { type: 'function_call', call_id: 'call_9', arguments: '{"q":"y"}' },
    ]);
    expect(events.at(-1)!.response.usage).toMatchObject({ input_tokens: 20, output_tokens: 7, input_tokens_details: { cached_tokens: 5 } });
    const toChat = openAiResponses.streamToChat();
    expect(collect(events.flatMap((e) => toChat.push(e)))).toMatchObject({
      text: 'Hello',
      finish: 'tool_calls',
      calls: { 0: { id: 'call_9', name: 'lookup', args: '{"q":"y"}' } },
      usage: { prompt_tokens: 20 },
    });
  });
});

describe('Gemini ⇄ chat', () => {
  it('puts a chat request in Gemini form and back', () => {
    const gemini = geminiGenerateContent.requestFromChat(chatRequest);
    expect(gemini).toMatchObject({
      model: 'm',
      systemInstruction: { parts: [{ text: 'be brief' }] },
      generationConfig: { maxOutputTokens: 100, temperature: 0.2, stopSequences: ['END'] },
      tools: [{ functionDeclarations: [{ name: 'lookup', description: 'finds' }] }],
    });
    expect(gemini.contents).toEqual([
      { role: 'user', parts: [{ text: 'what is this?' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] },
      { role: 'model', parts: [{ functionCall: { name: 'lookup', args: { q: 'x' }, id: 'call_1' } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { found: true }, id: 'call_1' } }] },
    ]);
    expect(geminiGenerateContent.requestFromChat(geminiGenerateContent.requestToChat(gemini))).toEqual(gemini);
    expect(() => geminiGenerateContent.requestToChat({ model: 'm', contents: [], tools: [{ googleSearch: {} }] })).toThrow(
      UnsupportedFeatureError,
    );
  });

  it('reads answers with thoughts counted as output and cached content inside the prompt', () => {
    const chat = geminiGenerateContent.responseToChat({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ text: 'thinking', thought: true }, { text: 'Hi' }, { functionCall: { name: 'lookup', args: { q: 1 } } }],
          },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 30,
        cachedContentTokenCount: 10,
        candidatesTokenCount: 4,
        thoughtsTokenCount: 6,
        totalTokenCount: 40,
      },
      modelVersion: 'g',
      responseId: 'r1',
    });
    expect(chat.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: { content: 'Hi', tool_calls: [{ function: { name: 'lookup', arguments: '{"q":1}' } }] },
    });
    expect(chat.usage).toMatchObject({
      prompt_tokens: 30,
      completion_tokens: 10,
      prompt_tokens_details: { cached_tokens: 10 },
      completion_tokens_details: { reasoning_tokens: 6 },
    });
    expect(geminiGenerateContent.responseFromChat(chat).usageMetadata).toMatchObject({
      promptTokenCount: 30,
      candidatesTokenCount: 4,
      thoughtsTokenCount: 6,
      cachedContentTokenCount: 10,
    });
  });

  it('streams chat chunks as Gemini chunks (whole function calls at the end) and back', () => {
    const chunks = runFromChat(geminiGenerateContent.streamFromChat(), chatStream());
    expect(chunks.map((c) => c.candidates[0].content.parts)).toEqual([
      [{ text: 'Hel' }],
      [{ text: 'lo' }],
      [{ functionCall: { name: 'lookup', args: { q: 'y' }, id: 'call_9' } }],
    ]);
    expect(chunks.at(-1)).toMatchObject({
      candidates: [{ finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 7, cachedContentTokenCount: 5 },
    });
    const toChat = geminiGenerateContent.streamToChat();
    expect(collect(chunks.flatMap((c) => toChat.push(c)))).toMatchObject({
      text: 'Hello',
      finish: 'tool_calls',
      calls: { 0: { name: 'lookup', args: '{"q":"y"}' } },
      usage: { prompt_tokens: 20, completion_tokens: 7 },
    });
  });
});

describe('bridgeFor', () => {
  it('passes a format through to a channel that speaks it, and goes through chat otherwise', () => {
    expect(bridgeFor('/v1/messages', ['/v1/messages'])).toMatchObject({ translated: false, upstreamEndpoint: '/v1/messages' });
    expect(bridgeFor('/v1/messages', ['/v1/chat/completions'])).toMatchObject({
      translated: true,
      upstreamEndpoint: '/v1/chat/completions',
    });
    expect(bridgeFor('/v1/responses', ['/v1beta/models:generateContent'])).toMatchObject({
      translated: true,
      upstreamEndpoint: '/v1beta/models:generateContent',
    });
    expect(bridgeFor('/v1/embeddings', ['/v1/messages'])).toBeNull();
    expect(bridgeFor('/v1/completions', ['/v1/messages'])).toBeNull();
  });

  it('translates Responses → Anthropic in one step and the answer back', () => {
    const bridge = bridgeFor('/v1/responses', ['/v1/messages'])!;
    const upstream = bridge.request({ model: 'm', instructions: 'sys', input: 'hello', max_output_tokens: 30 });
    expect(upstream).toMatchObject({ system: 'sys', messages: [{ role: 'user', content: 'hello' }], max_tokens: 30 });
    const answer = bridge.response(
      {
        id: 'msg_1',
        type: 'message',
        model: 'm',
        content: [{ type: 'text', text: 'hi' }],
        stop_reason: 'end_turn',
        usage: { input_tokens: 2, output_tokens: 1 },
      },
      { model: 'm', input: 'hello' },
    );
    expect(answer).toMatchObject({
      object: 'response',
      status: 'completed',
      output: [{ content: [{ text: 'hi' }] }],
      usage: { input_tokens: 2, output_tokens: 1 },
    });
  });
});

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("usage buckets add up to the provider's totals (property, 500 random cases per provider)", () => {
  const next = random(42);
  const int = (max: number) => Math.floor(next() * max);

  it('Anthropic: prompt = input + cache read + cache write, and nothing is counted twice through chat', () => {
    const adapter = new AnthropicAdapter();
    for (let i = 0; i < 500; i++) {
      const usage = {
        input_tokens: int(10_000),
        cache_read_input_tokens: int(5_000),
        cache_creation_input_tokens: int(5_000),
        output_tokens: int(4_000),
      };
      const normalized = adapter.usageOf({ type: 'message', usage })!;
      expect(normalized.promptTokens).toBe(usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens);
      expect((normalized.cachedTokens ?? 0) + (normalized.cacheWriteTokens ?? 0)).toBeLessThanOrEqual(normalized.promptTokens);
      expect(normalized.completionTokens).toBe(usage.output_tokens);
      const chat = anthropicMessages.responseToChat({ content: [], usage }).usage;
      expect(openAiUsageOf({ usage: chat })).toMatchObject({
        promptTokens: normalized.promptTokens,
        completionTokens: normalized.completionTokens,
      });
      // a stream: input in message_start, output in message_delta
      const started = adapter.usageOf({ type: 'message_start', message: { usage: { ...usage, output_tokens: 1 } } });
      expect(adapter.usageOf({ type: 'message_delta', usage: { output_tokens: usage.output_tokens } }, started)).toEqual(normalized);
    }
  });

  it('Gemini: completion = candidates + thoughts, cached content inside the prompt', () => {
    const adapter = new GeminiAdapter();
    for (let i = 0; i < 500; i++) {
      const prompt = int(10_000);
      const meta = {
        promptTokenCount: prompt,
        cachedContentTokenCount: int(prompt + 1),
        candidatesTokenCount: int(3_000),
        thoughtsTokenCount: int(3_000),
      };
      const normalized = adapter.usageOf({ usageMetadata: meta })!;
      expect(normalized.promptTokens).toBe(prompt);
      expect(normalized.completionTokens).toBe(meta.candidatesTokenCount + meta.thoughtsTokenCount);
      expect(normalized.reasoningTokens ?? 0).toBeLessThanOrEqual(normalized.completionTokens);
      expect(normalized.cachedTokens ?? 0).toBeLessThanOrEqual(normalized.promptTokens);
      const roundTrip = geminiGenerateContent.responseFromChat(
        geminiGenerateContent.responseToChat({ candidates: [], usageMetadata: meta }),
      ).usageMetadata;
      expect(adapter.usageOf({ usageMetadata: roundTrip })).toEqual(normalized);
    }
  });

  it('OpenAI: chat and Responses shapes of the same usage normalise alike', () => {
    for (let i = 0; i < 500; i++) {
      const prompt = int(10_000);
      const cached = int(prompt + 1);
      const completion = int(4_000);
      const reasoning = int(completion + 1);
      const chat = {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
        prompt_tokens_details: { cached_tokens: cached },
        completion_tokens_details: { reasoning_tokens: reasoning },
      };
      const responses = openAiResponses.responseFromChat({ choices: [{ message: { content: 'x' }, finish_reason: 'stop' }], usage: chat });
      expect(openAiUsageOf({ usage: responses.usage })).toEqual(openAiUsageOf({ usage: chat }));
      expect(openAiUsageOf({ usage: chat })).toMatchObject({ promptTokens: prompt, completionTokens: completion });
    }
  });
});

describe('bridges on malformed shapes (found by translations.fuzz.spec.ts: each was a TypeError, a 500)', () => {
  const anthropicCaller = bridgeFor('/v1/messages', ['/v1/chat/completions'])!;
  const geminiCaller = bridgeFor('/v1beta/models:generateContent', ['/v1/chat/completions'])!;
  const responsesCaller = bridgeFor('/v1/responses', ['/v1/chat/completions'])!;
  const toGemini = bridgeFor('/v1/chat/completions', ['/v1beta/models:generateContent'])!;
  const toAnthropic = bridgeFor('/v1/chat/completions', ['/v1/messages'])!;

  it.each([
    ['a null content block', () => anthropicCaller.request({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: [null] }] })],
    [
      'a null tool',
      () => anthropicCaller.request({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }], tools: [null] }),
    ],
    ['tools that are no list', () => geminiCaller.request({ contents: [{ role: 'user', parts: [{ text: 'x' }] }], tools: {} })],
    ['contents that are no list', () => geminiCaller.request({ contents: 5 })],
    ['a null input item', () => responsesCaller.request({ model: 'm', input: [null] })],
    ['messages that are no list', () => toGemini.request({ model: 'm', messages: { role: 'user' } })],
    ['a null tool call', () => toAnthropic.request({ model: 'm', messages: [{ role: 'assistant', content: 'x', tool_calls: [null] }] })],
  ])('refuses a caller request with %s as untranslatable (a 400)', (_what, translate) => {
    expect(translate).toThrow(UnsupportedFeatureError);
  });

  it("refuses an upstream answer or stream event of the wrong shape as the channel's protocol failure (a 502)", () => {
    expect(() => toGemini.response({ candidates: 5 }, { model: 'm', messages: [] })).toThrow(
      expect.objectContaining({ name: 'UpstreamError', failure: 'protocol' }),
    );
    expect(() => toAnthropic.response({ content: [null] }, { model: 'm', messages: [] })).toThrow(UpstreamError);
    expect(() => toGemini.stream().push({ candidates: [null] })).toThrow(UpstreamError);
  });
});
