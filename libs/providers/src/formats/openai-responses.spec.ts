import OpenAI from 'openai';
import { openAiResponses } from './openai-responses';
import { Json, UnsupportedFeatureError } from './wire-format';

const { requestToChat, requestFromChat, responseToChat, responseFromChat } = openAiResponses;

const lookupSchema = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'], additionalProperties: false };

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function expectUnsupported(run: () => unknown, param: string): void {
  const error = errorOf(run);
  expect(error).toBeInstanceOf(UnsupportedFeatureError);
  expect((error as UnsupportedFeatureError).param).toBe(param);
}

const responsesRequest = (extra: Json): Json => ({ model: 'gpt-x', input: 'hi', ...extra });
const chatRequest = (extra: Json): Json => ({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }], ...extra });

/** A chat chunk of choice 0, as an OpenAI-compatible upstream sends it. */
const chatChunkOf = (delta: Json, finish: string | null = null): Json => ({
  id: 'chatcmpl-s1',
  object: 'chat.completion.chunk',
  created: 1700000000,
  model: 'gpt-x',
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const usageChunkOf = (usage: Json): Json => ({
  id: 'chatcmpl-s1',
  object: 'chat.completion.chunk',
  created: 1700000000,
  model: 'gpt-x',
  choices: [],
  usage,
});

function eventsFromChat(chunks: Json[]): Json[] {
  const stream = openAiResponses.streamFromChat();
  return [...chunks.flatMap((c) => stream.push(c)), ...stream.end()];
}

function chunksFromEvents(events: Json[]): Json[] {
  const stream = openAiResponses.streamToChat();
  return events.flatMap((e) => stream.push(e));
}

/** What a stream of chat chunks says, put back together. */
function collect(chunks: Json[]) {
  const out = {
    role: null as string | null,
    text: '',
    calls: [] as { id?: string; name?: string; args: string }[],
    finish: null as string | null,
    usage: null as Json | null,
  };
  for (const chunk of chunks) {
    if (chunk.usage) out.usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    out.role ??= choice.delta?.role ?? null;
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

describe('openAiResponses.requestToChat', () => {
  it('puts the instructions first as a system message and a string input as one user message', () => {
    expect(requestToChat(responsesRequest({ instructions: 'be brief', input: 'hello' })).messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hello' },
    ]);
    expect(requestToChat(responsesRequest({ input: 'hello' })).messages).toEqual([{ role: 'user', content: 'hello' }]);
  });

  it('turns message items into chat messages: text parts, images (keeping detail), files by id or data, developer as system', () => {
    const chat = requestToChat(
      responsesRequest({
        input: [
          { role: 'developer', content: 'answer in French' },
          { type: 'message', role: 'system', content: [{ type: 'input_text', text: 'be terse' }] },
          { role: 'user', content: [{ type: 'input_text', text: 'only text' }] },
          {
            type: 'message',
            role: 'user',
            content: [
              { type: 'input_text', text: 'compare' },
              { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' },
              { type: 'input_image', image_url: 'data:image/png;base64,iVBOR' },
              { type: 'input_image', file_id: 'file-img1', detail: 'auto' },
              { type: 'input_file', file_id: 'file-pdf1' },
              { type: 'input_file', file_data: 'data:application/pdf;base64,JVBER', filename: 'a.pdf' },
            ],
          },
          { role: 'assistant', content: [{ type: 'output_text', text: 'Bonjour', annotations: [] }] },
          { role: 'user', content: 'merci' },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      { role: 'system', content: 'answer in French' },
      { role: 'system', content: 'be terse' },
      { role: 'user', content: 'only text' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'compare' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
          { type: 'file', file: { file_id: 'file-img1' } },
          { type: 'file', file: { file_id: 'file-pdf1' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'a.pdf' } },
        ],
      },
      { role: 'assistant', content: 'Bonjour' },
      { role: 'user', content: 'merci' },
    ]);
  });

  it('merges consecutive function calls into one assistant message, after any text, answers them with tool messages and drops reasoning', () => {
    const chat = requestToChat(
      responsesRequest({
        input: [
          { role: 'user', content: 'weather in Paris and Rome?' },
          { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAA' },
          { type: 'function_call', id: 'fc_1', call_id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}', status: 'completed' },
          { type: 'function_call', id: 'fc_2', call_id: 'call_b', name: 'weather', arguments: '{"city":"Rome"}', status: 'completed' },
          { type: 'function_call_output', call_id: 'call_a', output: '18C' },
          {
            type: 'function_call_output',
            call_id: 'call_b',
            output: [
              { type: 'input_text', text: '2' },
              { type: 'input_text', text: '4C' },
            ],
          },
          { role: 'assistant', content: 'Checking the time too.' },
          { type: 'function_call', call_id: 'call_c', name: 'clock', arguments: '{}' },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      { role: 'user', content: 'weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: '18C' },
      { role: 'tool', tool_call_id: 'call_b', content: '24C' },
      {
        role: 'assistant',
        content: 'Checking the time too.',
        tool_calls: [{ id: 'call_c', type: 'function', function: { name: 'clock', arguments: '{}' } }],
      },
    ]);
  });

  it('keeps model and sampling fields, renames max_output_tokens and reasoning.effort, drops what only a stateful API uses', () => {
    const chat = requestToChat(
      responsesRequest({
        max_output_tokens: 256,
        temperature: 0.3,
        top_p: 0.9,
        user: 'u-1',
        parallel_tool_calls: false,
        seed: 7,
        service_tier: 'flex',
        reasoning: { effort: 'low', summary: 'auto' },
        store: true,
        metadata: { team: 'a' },
        truncation: 'auto',
        include: ['reasoning.encrypted_content'],
        background: false,
      }),
    );
    expect(chat).toEqual({
      model: 'gpt-x',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 256,
      temperature: 0.3,
      top_p: 0.9,
      user: 'u-1',
      parallel_tool_calls: false,
      seed: 7,
      service_tier: 'flex',
      reasoning_effort: 'low',
    });
  });

  it('turns function tools into chat tools (keeping strict) and refuses every hosted tool, naming tools', () => {
    const chat = requestToChat(
      responsesRequest({
        tools: [
          { type: 'function', name: 'lookup', description: 'finds things', parameters: lookupSchema, strict: true },
          { type: 'function', name: 'ping', parameters: null, strict: false },
        ],
      }),
    );
    expect(chat.tools).toEqual([
      { type: 'function', function: { name: 'lookup', description: 'finds things', parameters: lookupSchema, strict: true } },
      { type: 'function', function: { name: 'ping', strict: false } },
    ]);
    for (const hosted of [
      { type: 'web_search' },
      { type: 'file_search', vector_store_ids: ['vs_1'] },
      { type: 'computer_use_preview', display_width: 1, display_height: 1, environment: 'linux' },
      { type: 'mcp', server_label: 'x' },
    ]) {
      expectUnsupported(
        () => requestToChat(responsesRequest({ tools: [{ type: 'function', name: 'lookup', parameters: {}, strict: false }, hosted] })),
        'tools',
      );
    }
  });

  it('turns tool_choice into its chat form and refuses a hosted-tool choice', () => {
    for (const mode of ['auto', 'none', 'required']) expect(requestToChat(responsesRequest({ tool_choice: mode })).tool_choice).toBe(mode);
    expect(requestToChat(responsesRequest({ tool_choice: { type: 'function', name: 'lookup' } })).tool_choice).toEqual({
      type: 'function',
      function: { name: 'lookup' },
    });
    expectUnsupported(() => requestToChat(responsesRequest({ tool_choice: { type: 'web_search_preview' } })), 'tool_choice');
  });

  it('turns text.format into response_format', () => {
    const schema = requestToChat(
      responsesRequest({ text: { format: { type: 'json_schema', name: 'answer', schema: lookupSchema, strict: true } } }),
    );
    expect(schema.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema: lookupSchema, strict: true } });
    expect(requestToChat(responsesRequest({ text: { format: { type: 'json_object' } } })).response_format).toEqual({ type: 'json_object' });
    expect(requestToChat(responsesRequest({ text: { format: { type: 'text' } } }))).not.toHaveProperty('response_format');
    expect(requestToChat(responsesRequest({ text: { format: { type: 'text' }, verbosity: 'low' } })).verbosity).toBe('low');
  });

  it('refuses previous_response_id, conversation and stored prompts: a chat channel keeps no state', () => {
    expectUnsupported(() => requestToChat(responsesRequest({ previous_response_id: 'resp_1' })), 'previous_response_id');
    expectUnsupported(() => requestToChat(responsesRequest({ conversation: 'conv_1' })), 'conversation');
    expectUnsupported(() => requestToChat(responsesRequest({ prompt: { id: 'pmpt_1' } })), 'prompt');
  });

  it('refuses input the chat API cannot carry, naming input', () => {
    expectUnsupported(() => requestToChat(responsesRequest({ input: [{ type: 'item_reference', id: 'msg_1' }] })), 'input');
    expectUnsupported(
      () => requestToChat(responsesRequest({ input: [{ type: 'web_search_call', id: 'ws_1', status: 'completed' }] })),
      'input',
    );
    expectUnsupported(
      () => requestToChat(responsesRequest({ input: [{ role: 'user', content: [{ type: 'input_file', file_url: 'https://x/a.pdf' }] }] })),
      'input',
    );
    expectUnsupported(
      () =>
        requestToChat(
          responsesRequest({
            input: [{ type: 'function_call_output', call_id: 'c', output: [{ type: 'input_image', image_url: 'https://x/a.png' }] }],
          }),
        ),
      'input',
    );
  });

  it('asks a streamed chat answer to end with its usage', () => {
    expect(requestToChat(responsesRequest({ stream: true }))).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const unstreamed = requestToChat(responsesRequest({ stream: false }));
    expect(unstreamed).not.toHaveProperty('stream');
    expect(unstreamed).not.toHaveProperty('stream_options');
  });
});

describe('openAiResponses.requestFromChat', () => {
  it('joins system and developer messages into instructions and turns the rest into input items', () => {
    const request = requestFromChat(
      chatRequest({
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'developer', content: [{ type: 'text', text: 'answer in French' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'look' },
              { type: 'image_url', image_url: { url: 'https://x/a.png', detail: 'high' } },
              { type: 'file', file: { file_id: 'file-1' } },
            ],
          },
          {
            role: 'assistant',
            content: 'Let me check.',
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"a"}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'found' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '{"q":"b"}' } }],
          },
          { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: 'also found' }] },
        ],
      }),
    );
    expect(request.instructions).toBe('be brief\n\nanswer in French');
    expect(request.input).toEqual([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'look' },
          { type: 'input_image', image_url: 'https://x/a.png', detail: 'high' },
          { type: 'input_file', file_id: 'file-1' },
        ],
      },
      { role: 'assistant', content: 'Let me check.' },
      { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{"q":"a"}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'found' },
      { type: 'function_call', call_id: 'call_2', name: 'lookup', arguments: '{"q":"b"}' },
      { type: 'function_call_output', call_id: 'call_2', output: 'also found' },
    ]);
  });

  it('maps limits, format, tools, tool choice and reasoning, and asks the upstream to store nothing', () => {
    const request = requestFromChat(
      chatRequest({
        max_tokens: 99,
        temperature: 0.5,
        top_p: 0.8,
        user: 'u',
        parallel_tool_calls: false,
        seed: 3,
        frequency_penalty: 0.1,
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: lookupSchema, strict: true } },
        tools: [
          { type: 'function', function: { name: 'lookup', description: 'finds', parameters: lookupSchema } },
          { type: 'function', function: { name: 'ping', strict: true } },
        ],
        tool_choice: { type: 'function', function: { name: 'lookup' } },
        reasoning_effort: 'high',
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(request).toEqual({
      model: 'gpt-x',
      input: [{ role: 'user', content: 'hi' }],
      max_output_tokens: 99,
      temperature: 0.5,
      top_p: 0.8,
      user: 'u',
      parallel_tool_calls: false,
      text: { format: { type: 'json_schema', name: 'answer', schema: lookupSchema, strict: true } },
      tools: [
        { type: 'function', name: 'lookup', description: 'finds', parameters: lookupSchema, strict: false },
        { type: 'function', name: 'ping', parameters: null, strict: true },
      ],
      tool_choice: { type: 'function', name: 'lookup' },
      reasoning: { effort: 'high' },
      store: false,
      stream: true,
    });
    expect(requestFromChat(chatRequest({ max_completion_tokens: 10, max_tokens: 99 })).max_output_tokens).toBe(10);
    expect(requestFromChat(chatRequest({ response_format: { type: 'json_object' } })).text).toEqual({ format: { type: 'json_object' } });
    expect(requestFromChat(chatRequest({ tool_choice: 'required', store: true }))).toMatchObject({ tool_choice: 'required', store: true });
  });

  it('refuses what the Responses API cannot express: stop sequences, several choices, audio, custom tools', () => {
    expectUnsupported(() => requestFromChat(chatRequest({ stop: ['END'] })), 'stop');
    expectUnsupported(() => requestFromChat(chatRequest({ n: 2 })), 'n');
    expectUnsupported(
      () => requestFromChat(chatRequest({ modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' } })),
      'audio',
    );
    expectUnsupported(() => requestFromChat(chatRequest({ tools: [{ type: 'custom', custom: { name: 'sql' } }] })), 'tools');
    expect(requestFromChat(chatRequest({ stop: [], n: 1 }))).not.toHaveProperty('stop');
  });

  it('round-trips a chat request through the Responses form', () => {
    const original = chatRequest({
      messages: [
        { role: 'system', content: 'be brief' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this?' },
            { type: 'image_url', image_url: { url: 'https://x/a.png', detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: 'Looking.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
        { role: 'assistant', content: 'A cat.' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: 'finds', parameters: lookupSchema, strict: true } }],
      tool_choice: 'auto',
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: lookupSchema, strict: true } },
      max_completion_tokens: 64,
      temperature: 0.2,
      reasoning_effort: 'minimal',
    });
    expect(requestToChat(requestFromChat(original))).toEqual(original);
  });

  it('round-trips a Responses request through chat', () => {
    const original = {
      model: 'gpt-x',
      instructions: 'be brief',
      input: [
        { role: 'user', content: 'hi' },
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'and this' },
            { type: 'input_image', image_url: 'https://x/a.png', detail: 'high' },
          ],
        },
        { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'ok' },
      ],
      max_output_tokens: 40,
      temperature: 1,
      parallel_tool_calls: true,
      tools: [{ type: 'function', name: 'lookup', description: 'finds', parameters: lookupSchema, strict: true }],
      tool_choice: 'required',
      text: { format: { type: 'json_schema', name: 'answer', schema: lookupSchema, strict: true } },
      reasoning: { effort: 'medium' },
      store: false,
      stream: true,
    };
    expect(requestFromChat(requestToChat(original))).toEqual(original);
  });
});

describe('openAiResponses.responseToChat', () => {
  const usage = {
    input_tokens: 30,
    input_tokens_details: { cached_tokens: 10 },
    output_tokens: 12,
    output_tokens_details: { reasoning_tokens: 4 },
    total_tokens: 42,
  };

  it('joins the text of every message item, turns function calls into tool calls and maps usage with its details', () => {
    const chat = responseToChat({
      id: 'resp_1',
      object: 'response',
      created_at: 1700000001,
      model: 'gpt-x',
      status: 'completed',
      incomplete_details: null,
      output: [
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'hmm' }] },
        {
          type: 'message',
          id: 'msg_1',
          status: 'completed',
          role: 'assistant',
          content: [
            { type: 'output_text', text: 'Hel', annotations: [] },
            { type: 'output_text', text: 'lo', annotations: [] },
          ],
        },
        {
          type: 'message',
          id: 'msg_2',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: '!', annotations: [] }],
        },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '{"q":"x"}', status: 'completed' },
      ],
      usage,
    });
    expect(chat).toEqual({
      id: 'resp_1',
      object: 'chat.completion',
      created: 1700000001,
      model: 'gpt-x',
      choices: [
        {
          index: 0,
          logprobs: null,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'Hello!',
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
          },
        },
      ],
      usage: {
        prompt_tokens: 30,
        completion_tokens: 12,
        total_tokens: 42,
        prompt_tokens_details: { cached_tokens: 10 },
        completion_tokens_details: { reasoning_tokens: 4 },
      },
    });
  });

  it('gives null content when there is no text, and finish reasons for stop, length and content filter', () => {
    const onlyCall = responseToChat({
      id: 'r',
      model: 'm',
      status: 'completed',
      output: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' }],
    });
    expect(onlyCall.choices[0].message.content).toBeNull();
    expect(onlyCall).not.toHaveProperty('usage');
    const text = [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'x', annotations: [] }] }];
    expect(responseToChat({ status: 'completed', output: text }).choices[0].finish_reason).toBe('stop');
    expect(
      responseToChat({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: text }).choices[0].finish_reason,
    ).toBe('length');
    expect(responseToChat({ status: 'incomplete', incomplete_details: { reason: 'content_filter' }, output: [] }).choices[0]).toMatchObject(
      { finish_reason: 'content_filter', message: { content: null } },
    );
  });

  it('says length, not tool_calls, when the output was cut inside a function call', () => {
    const cut = responseToChat({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      output: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{"q":' }],
    });
    expect(cut.choices[0].finish_reason).toBe('length');
  });

  it('keeps a refusal in its own field', () => {
    const chat = responseToChat({
      status: 'completed',
      output: [{ type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] }],
    });
    expect(chat.choices[0].message).toEqual({ role: 'assistant', content: null, refusal: 'I cannot help with that.' });
  });
});

describe('openAiResponses.responseFromChat', () => {
  const chatAnswer = (message: Json, finish: string, usage?: Json): Json => ({
    id: 'chatcmpl-abc',
    object: 'chat.completion',
    created: 1700000002,
    model: 'gpt-x',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, logprobs: null }],
    ...(usage && { usage }),
  });
  const chatUsage = {
    prompt_tokens: 20,
    completion_tokens: 5,
    total_tokens: 25,
    prompt_tokens_details: { cached_tokens: 8 },
    completion_tokens_details: { reasoning_tokens: 2 },
  };

  it('builds the whole response object, echoing the request', () => {
    const request = {
      model: 'gpt-x',
      input: 'hi',
      instructions: 'be brief',
      temperature: 0.4,
      top_p: 0.5,
      max_output_tokens: 100,
      parallel_tool_calls: false,
      tools: [{ type: 'function', name: 'lookup', parameters: lookupSchema, strict: true }],
      tool_choice: 'auto',
      text: { format: { type: 'json_object' } },
      metadata: { team: 'a' },
    };
    expect(responseFromChat(chatAnswer({ content: '{"a":1}' }, 'stop', chatUsage), request)).toEqual({
      id: 'resp_abc',
      object: 'response',
      created_at: 1700000002,
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: 'gpt-x',
      output: [
        {
          type: 'message',
          id: 'msg_abc_0',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: '{"a":1}', annotations: [], logprobs: [] }],
        },
      ],
      usage: {
        input_tokens: 20,
        input_tokens_details: { cached_tokens: 8 },
        output_tokens: 5,
        output_tokens_details: { reasoning_tokens: 2 },
        total_tokens: 25,
      },
      instructions: 'be brief',
      max_output_tokens: 100,
      metadata: { team: 'a' },
      parallel_tool_calls: false,
      previous_response_id: null,
      reasoning: { effort: null, summary: null },
      temperature: 0.4,
      text: { format: { type: 'json_object' } },
      tool_choice: 'auto',
      tools: request.tools,
      top_p: 0.5,
    });
  });

  it("uses the real API's defaults when there is no request to echo, and never sets output_text", () => {
    const response = responseFromChat(chatAnswer({ content: 'hi' }, 'stop'));
    expect(response).toMatchObject({
      instructions: null,
      tools: [],
      tool_choice: 'auto',
      parallel_tool_calls: true,
      text: { format: { type: 'text' } },
      metadata: {},
      max_output_tokens: null,
      temperature: 1,
      top_p: 1,
      usage: null,
    });
    expect(response).not.toHaveProperty('output_text');
  });

  it('turns tool calls into function_call items after the text', () => {
    const chat = chatAnswer(
      {
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"a"}' } },
          { id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '{"q":"b"}' } },
        ],
      },
      'tool_calls',
      chatUsage,
    );
    expect(responseFromChat(chat).output).toEqual([
      {
        type: 'message',
        id: 'msg_abc_0',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Checking.', annotations: [], logprobs: [] }],
      },
      { type: 'function_call', id: 'fc_abc_1', call_id: 'call_1', name: 'lookup', arguments: '{"q":"a"}', status: 'completed' },
      { type: 'function_call', id: 'fc_abc_2', call_id: 'call_2', name: 'lookup', arguments: '{"q":"b"}', status: 'completed' },
    ]);
    const callsOnly = responseFromChat(
      chatAnswer(
        { content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        'tool_calls',
      ),
    );
    expect(callsOnly.output.map((item: Json) => item.type)).toEqual(['function_call']);
  });

  it('is incomplete, with max_output_tokens as the reason, when the chat answer ran out of length', () => {
    const response = responseFromChat(chatAnswer({ content: 'partial' }, 'length', chatUsage));
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      output: [{ type: 'message', status: 'incomplete', content: [{ text: 'partial' }] }],
    });
    expect(responseFromChat(chatAnswer({ content: '' }, 'content_filter'))).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'content_filter' },
      output: [],
    });
  });

  it('carries the cost a chat usage reported, and a refusal as a refusal part', () => {
    expect(responseFromChat(chatAnswer({ content: 'x' }, 'stop', { ...chatUsage, cost: 0.0012 })).usage.cost).toBe(0.0012);
    expect(responseFromChat(chatAnswer({ content: null, refusal: 'No.' }, 'stop')).output[0].content).toEqual([
      { type: 'refusal', refusal: 'No.' },
    ]);
  });

  it('round-trips an answer: chat → Responses → chat', () => {
    const chat = chatAnswer(
      { content: 'Hi', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] },
      'tool_calls',
      chatUsage,
    );
    expect(responseToChat(responseFromChat(chat))).toEqual({ ...chat, id: 'resp_abc' });
  });
});

describe('openAiResponses.streamToChat', () => {
  const created = {
    type: 'response.created',
    sequence_number: 0,
    response: { id: 'resp_9', object: 'response', model: 'gpt-x', status: 'in_progress', output: [] },
  };
  const usage = {
    input_tokens: 9,
    input_tokens_details: { cached_tokens: 3 },
    output_tokens: 4,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 13,
  };

  it('turns text events into a role chunk, content chunks, a finish chunk and a usage chunk, ignoring the rest', () => {
    const chunks = chunksFromEvents([
      created,
      { type: 'response.in_progress', response: created.response },
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'message', id: 'msg_1', status: 'in_progress', role: 'assistant', content: [] },
      },
      {
        type: 'response.content_part.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hel' },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'lo' },
      { type: 'response.output_text.done', item_id: 'msg_1', output_index: 0, content_index: 0, text: 'Hello' },
      { type: 'response.completed', response: { id: 'resp_9', status: 'completed', output: [], usage } },
    ]);
    const shape = (delta: Json, finish: string | null = null) => ({
      id: 'resp_9',
      object: 'chat.completion.chunk',
      created: expect.any(Number),
      model: 'gpt-x',
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    });
    expect(chunks).toEqual([
      shape({ role: 'assistant', content: '' }),
      shape({ content: 'Hel' }),
      shape({ content: 'lo' }),
      shape({}, 'stop'),
      {
        id: 'resp_9',
        object: 'chat.completion.chunk',
        created: expect.any(Number),
        model: 'gpt-x',
        choices: [],
        usage: {
          prompt_tokens: 9,
          completion_tokens: 4,
          total_tokens: 13,
          prompt_tokens_details: { cached_tokens: 3 },
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      },
    ]);
  });

  it('turns function calls into tool-call chunks, each argument delta going to its own call by item id', () => {
    const chunks = chunksFromEvents([
      created,
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'function_call', id: 'fc_a', call_id: 'call_a', name: 'weather', arguments: '', status: 'in_progress' },
      },
      {
        type: 'response.output_item.added',
        output_index: 1,
        item: { type: 'function_call', id: 'fc_b', call_id: 'call_b', name: 'clock', arguments: '', status: 'in_progress' },
      },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_b', output_index: 1, delta: '{}' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_a', output_index: 0, delta: '{"city":' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_a', output_index: 0, delta: '"Rome"}' },
      { type: 'response.function_call_arguments.done', item_id: 'fc_a', output_index: 0, arguments: '{"city":"Rome"}' },
      { type: 'response.completed', response: { status: 'completed', output: [], usage } },
    ]);
    expect(chunks[1].choices[0].delta).toEqual({
      tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '' } }],
    });
    expect(chunks[3].choices[0].delta).toEqual({ tool_calls: [{ index: 1, function: { arguments: '{}' } }] });
    expect(collect(chunks)).toEqual({
      role: 'assistant',
      text: '',
      finish: 'tool_calls',
      usage: expect.objectContaining({ prompt_tokens: 9 }),
      calls: [
        { id: 'call_a', name: 'weather', args: '{"city":"Rome"}' },
        { id: 'call_b', name: 'clock', args: '{}' },
      ],
    });
  });

  it("takes a function call's arguments from its done item when they were not streamed", () => {
    const chunks = chunksFromEvents([
      created,
      {
        type: 'response.output_item.done',
        output_index: 0,
        item: { type: 'function_call', id: 'fc_a', call_id: 'call_a', name: 'f', arguments: '{"x":1}', status: 'completed' },
      },
      { type: 'response.completed', response: { status: 'completed', output: [] } },
    ]);
    expect(collect(chunks)).toMatchObject({ finish: 'tool_calls', calls: [{ id: 'call_a', name: 'f', args: '{"x":1}' }], usage: null });
  });

  it('finishes with length on response.incomplete for max_output_tokens', () => {
    const chunks = chunksFromEvents([
      created,
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'cut' },
      {
        type: 'response.incomplete',
        response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [], usage },
      },
    ]);
    expect(collect(chunks)).toMatchObject({ text: 'cut', finish: 'length', usage: { completion_tokens: 4 } });
  });
});

describe('openAiResponses.streamFromChat', () => {
  const usage = {
    prompt_tokens: 11,
    completion_tokens: 6,
    total_tokens: 17,
    prompt_tokens_details: { cached_tokens: 2 },
    completion_tokens_details: { reasoning_tokens: 1 },
  };
  const responsesUsage = {
    input_tokens: 11,
    input_tokens_details: { cached_tokens: 2 },
    output_tokens: 6,
    output_tokens_details: { reasoning_tokens: 1 },
    total_tokens: 17,
  };
  const textPart = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });

  it('sends the full event sequence of a text answer, numbered from 0', () => {
    const events = eventsFromChat([
      chatChunkOf({ role: 'assistant', content: '' }),
      chatChunkOf({ content: 'Hel' }),
      chatChunkOf({ content: 'lo' }),
      chatChunkOf({}, 'stop'),
      usageChunkOf(usage),
    ]);
    const inProgress = expect.objectContaining({
      id: 'resp_s1',
      object: 'response',
      created_at: 1700000000,
      status: 'in_progress',
      model: 'gpt-x',
      output: [],
      usage: null,
      error: null,
      tools: [],
    });
    expect(events).toEqual([
      { type: 'response.created', sequence_number: 0, response: inProgress },
      { type: 'response.in_progress', sequence_number: 1, response: inProgress },
      {
        type: 'response.output_item.added',
        sequence_number: 2,
        output_index: 0,
        item: { type: 'message', id: 'msg_s1_0', status: 'in_progress', role: 'assistant', content: [] },
      },
      {
        type: 'response.content_part.added',
        sequence_number: 3,
        item_id: 'msg_s1_0',
        output_index: 0,
        content_index: 0,
        part: textPart(''),
      },
      {
        type: 'response.output_text.delta',
        sequence_number: 4,
        item_id: 'msg_s1_0',
        output_index: 0,
        content_index: 0,
        delta: 'Hel',
        logprobs: [],
      },
      {
        type: 'response.output_text.delta',
        sequence_number: 5,
        item_id: 'msg_s1_0',
        output_index: 0,
        content_index: 0,
        delta: 'lo',
        logprobs: [],
      },
      {
        type: 'response.output_text.done',
        sequence_number: 6,
        item_id: 'msg_s1_0',
        output_index: 0,
        content_index: 0,
        text: 'Hello',
        logprobs: [],
      },
      {
        type: 'response.content_part.done',
        sequence_number: 7,
        item_id: 'msg_s1_0',
        output_index: 0,
        content_index: 0,
        part: textPart('Hello'),
      },
      {
        type: 'response.output_item.done',
        sequence_number: 8,
        output_index: 0,
        item: { type: 'message', id: 'msg_s1_0', status: 'completed', role: 'assistant', content: [textPart('Hello')] },
      },
      {
        type: 'response.completed',
        sequence_number: 9,
        response: expect.objectContaining({
          id: 'resp_s1',
          status: 'completed',
          incomplete_details: null,
          usage: responsesUsage,
          output: [{ type: 'message', id: 'msg_s1_0', status: 'completed', role: 'assistant', content: [textPart('Hello')] }],
        }),
      },
    ]);
  });

  it("closes the text item before a tool call, streams each call's arguments into its own item, and closes them at the end", () => {
    const events = eventsFromChat([
      chatChunkOf({ role: 'assistant', content: 'Checking.' }),
      chatChunkOf({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '' } }] }),
      chatChunkOf({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'clock', arguments: '{}' } }] }),
      chatChunkOf({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      chatChunkOf({ tool_calls: [{ index: 0, function: { arguments: '"Rome"}' } }] }),
      chatChunkOf({}, 'tool_calls'),
      usageChunkOf(usage),
    ]);
    expect(events.map((e) => [e.type, e.output_index])).toEqual([
      ['response.created', undefined],
      ['response.in_progress', undefined],
      ['response.output_item.added', 0],
      ['response.content_part.added', 0],
      ['response.output_text.delta', 0],
      ['response.output_text.done', 0],
      ['response.content_part.done', 0],
      ['response.output_item.done', 0],
      ['response.output_item.added', 1],
      ['response.output_item.added', 2],
      ['response.function_call_arguments.delta', 2],
      ['response.function_call_arguments.delta', 1],
      ['response.function_call_arguments.delta', 1],
      ['response.function_call_arguments.done', 1],
      ['response.output_item.done', 1],
      ['response.function_call_arguments.done', 2],
      ['response.output_item.done', 2],
      ['response.completed', undefined],
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events[8].item).toEqual({
      type: 'function_call',
      id: 'fc_s1_1',
      call_id: 'call_a',
      name: 'weather',
      arguments: '',
      status: 'in_progress',
    });
    expect(events[11]).toEqual({
      type: 'response.function_call_arguments.delta',
      sequence_number: 11,
      item_id: 'fc_s1_1',
      output_index: 1,
      delta: '{"city":',
    });
    expect(events[13]).toEqual({
      type: 'response.function_call_arguments.done',
      sequence_number: 13,
      item_id: 'fc_s1_1',
      output_index: 1,
      name: 'weather',
      arguments: '{"city":"Rome"}',
    });
    expect(events.at(-1)!.response.output).toEqual([
      { type: 'message', id: 'msg_s1_0', status: 'completed', role: 'assistant', content: [textPart('Checking.')] },
      { type: 'function_call', id: 'fc_s1_1', call_id: 'call_a', name: 'weather', arguments: '{"city":"Rome"}', status: 'completed' },
      { type: 'function_call', id: 'fc_s1_2', call_id: 'call_b', name: 'clock', arguments: '{}', status: 'completed' },
    ]);
  });

  it('ends with response.incomplete when the chat answer ran out of length', () => {
    const events = eventsFromChat([chatChunkOf({ content: 'cut sho' }), { ...chatChunkOf({}, 'length'), usage }]);
    expect(events.map((e) => e.type).slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.incomplete',
    ]);
    expect(events.at(-2)!.item.status).toBe('incomplete');
    expect(events.at(-1)!.response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      usage: responsesUsage,
      output: [{ status: 'incomplete', content: [{ text: 'cut sho' }] }],
    });
  });

  it('still opens and completes a response for an empty stream', () => {
    const events = eventsFromChat([]);
    expect(events.map((e) => e.type)).toEqual(['response.created', 'response.in_progress', 'response.completed']);
    expect(events[2].response).toMatchObject({ status: 'completed', output: [], usage: null });
    expect(events[0].response.output).toEqual([]);
  });

  it('round-trips a stream with text and a tool call: chat → Responses events → chat', () => {
    const chunks = [
      chatChunkOf({ role: 'assistant', content: '' }),
      chatChunkOf({ content: 'Hi. ' }),
      chatChunkOf({ tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"q":' } }] }),
      chatChunkOf({ tool_calls: [{ index: 0, function: { arguments: '"y"}' } }] }),
      chatChunkOf({}, 'tool_calls'),
      usageChunkOf(usage),
    ];
    expect(collect(chunksFromEvents(eventsFromChat(chunks)))).toEqual({
      role: 'assistant',
      text: 'Hi. ',
      finish: 'tool_calls',
      usage: { ...usage },
      calls: [{ id: 'call_9', name: 'lookup', args: '{"q":"y"}' }],
    });
  });
});

/**
 * The official SDK talking to a gateway that serves the Responses API from a chat-only upstream: its requests
 * go through requestToChat, and the upstream's chat answer comes back through responseFromChat or streamFromChat.
 */
function sdkAgainstChatUpstream(upstream: (chat: Json) => { answer?: Json; chunks?: Json[] }) {
  const chatRequests: Json[] = [];
  const fetch = async (_url: unknown, init?: { body?: unknown }): Promise<Response> => {
    const request = JSON.parse(String(init?.body));
    const chat = requestToChat(request);
    chatRequests.push(chat);
    const { answer, chunks } = upstream(chat);
    if (!request.stream)
      return new Response(JSON.stringify(responseFromChat(answer!, request)), { headers: { 'content-type': 'application/json' } });
    const sse = eventsFromChat(chunks!)
      .map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`)
      .join('');
    return new Response(sse, { headers: { 'content-type': 'text/event-stream' } });
  };
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: 'http://gateway.test/v1', maxRetries: 0, fetch: fetch });
  return { client, chatRequests };
}

describe('the openai SDK reads what the translation produces', () => {
  const toolChunks = [
    chatChunkOf({ role: 'assistant', content: 'Let me look. ' }),
    chatChunkOf({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":' } }] }),
    chatChunkOf({ tool_calls: [{ index: 0, function: { arguments: '"cats"}' } }] }),
    chatChunkOf({}, 'tool_calls'),
    usageChunkOf({ prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 }),
  ];

  it('responses.create: output_text and function calls from a chat answer', async () => {
    const { client, chatRequests } = sdkAgainstChatUpstream(() => ({
      answer: {
        id: 'chatcmpl-sdk',
        object: 'chat.completion',
        created: 1700000003,
        model: 'gpt-x',
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            message: {
              role: 'assistant',
              content: 'Let me look.',
              tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cats"}' } }],
            },
          },
        ],
        usage: { prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 },
      },
    }));
    const response = await client.responses.create({
      model: 'gpt-x',
      instructions: 'be brief',
      input: 'find cats',
      max_output_tokens: 50,
      tools: [{ type: 'function', name: 'lookup', parameters: lookupSchema, strict: true }],
    });
    expect(chatRequests[0]).toMatchObject({
      model: 'gpt-x',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'find cats' },
      ],
      max_completion_tokens: 50,
    });
    expect(response.id).toBe('resp_sdk');
    expect(response.output_text).toBe('Let me look.');
    expect(response.output[1]).toMatchObject({ type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{"q":"cats"}' });
    expect(response.usage).toMatchObject({ input_tokens: 7, output_tokens: 9, total_tokens: 16 });
    expect(response.instructions).toBe('be brief');
  });

  it('responses.create with stream: true yields typed events in order', async () => {
    const { client, chatRequests } = sdkAgainstChatUpstream(() => ({ chunks: toolChunks }));
    const stream = await client.responses.create({ model: 'gpt-x', input: 'find cats', stream: true });
    const types: string[] = [];
    let text = '';
    let final: OpenAI.Responses.Response | null = null;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') final = event.response;
    }
    expect(chatRequests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(text).toBe('Let me look. ');
    expect(final!.output.map((item) => item.type)).toEqual(['message', 'function_call']);
  });

  it('responses.stream accumulates the events into the final response', async () => {
    const { client } = sdkAgainstChatUpstream(() => ({ chunks: toolChunks }));
    const final = await client.responses.stream({ model: 'gpt-x', input: 'find cats' }).finalResponse();
    expect(final.status).toBe('completed');
    expect(final.output_text).toBe('Let me look. ');
    expect(final.output[1]).toMatchObject({
      type: 'function_call',
      call_id: 'call_1',
      name: 'lookup',
      arguments: '{"q":"cats"}',
      status: 'completed',
    });
    expect(final.usage).toMatchObject({ input_tokens: 7, output_tokens: 9 });
  });

  it('responses.stream accepts an incomplete answer', async () => {
    const { client } = sdkAgainstChatUpstream(() => ({ chunks: [chatChunkOf({ content: 'cut' }), chatChunkOf({}, 'length')] }));
    const final = await client.responses.stream({ model: 'gpt-x', input: 'go on' }).finalResponse();
    expect(final).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output_text: 'cut' });
  });
});
