import { anthropicMessages } from './anthropic-messages';
import { Json, UnsupportedFeatureError } from './wire-format';

const { requestToChat, requestFromChat, responseToChat, responseFromChat } = anthropicMessages;

const lookupSchema = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] };
const chatLookupTool = { type: 'function', function: { name: 'lookup', description: 'finds things', parameters: lookupSchema } };

/** The error `run` throws, so a test can check its class and the field it names. */
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

const anthropicRequest = (extra: Json): Json => ({
  model: 'claude-x',
  max_tokens: 50,
  messages: [{ role: 'user', content: 'hi' }],
  ...extra,
});
const chatRequest = (extra: Json): Json => ({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }], ...extra });

describe('anthropicMessages.requestToChat', () => {
  it('puts a string system prompt first, as a system message', () => {
    const chat = requestToChat(anthropicRequest({ system: 'be brief' }));
    expect(chat.messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('joins a system prompt given as text blocks into one system message', () => {
    const chat = requestToChat(
      anthropicRequest({
        system: [
          { type: 'text', text: 'You are terse. ' },
          { type: 'text', text: 'Answer in French.', cache_control: { type: 'ephemeral' } },
        ],
      }),
    );
    expect(chat.messages[0]).toEqual({ role: 'system', content: 'You are terse. Answer in French.' });
    expect(chat.messages).toHaveLength(2);
  });

  it('sends no system message when there is no system prompt', () => {
    expect(requestToChat(anthropicRequest({})).messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('keeps a single text block as a plain string', () => {
    const chat = requestToChat(anthropicRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'only text' }] }] }));
    expect(chat.messages).toEqual([{ role: 'user', content: 'only text' }]);
  });

  it('turns text, base64 images, image URLs and uploaded documents into chat parts', () => {
    const chat = requestToChat(
      anthropicRequest({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'compare these' },
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0K' } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
              { type: 'document', source: { type: 'file', file_id: 'file_011abc' } },
            ],
          },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'compare these' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0K' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          { type: 'file', file: { file_id: 'file_011abc' } },
        ],
      },
    ]);
  });

  it('refuses documents that are not uploaded files, naming messages', () => {
    for (const source of [
      { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0' },
      { type: 'url', url: 'https://example.com/a.pdf' },
      { type: 'text', media_type: 'text/plain', data: 'plain' },
    ]) {
      expectUnsupported(
        () => requestToChat(anthropicRequest({ messages: [{ role: 'user', content: [{ type: 'document', source }] }] })),
        'messages',
      );
    }
  });

  it('turns assistant tool_use blocks into tool calls with JSON arguments', () => {
    const chat = requestToChat(
      anthropicRequest({
        messages: [
          { role: 'user', content: 'weather in Paris and Rome?' },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Checking both.' },
              { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
              { type: 'tool_use', id: 'toolu_2', name: 'weather', input: { city: 'Rome', units: 'c' } },
            ],
          },
        ],
      }),
    );
    expect(chat.messages[1]).toEqual({
      role: 'assistant',
      content: 'Checking both.',
      tool_calls: [
        { id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        { id: 'toolu_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome","units":"c"}' } },
      ],
    });
  });

  it('gives an assistant turn of only tool calls null content', () => {
    const chat = requestToChat(
      anthropicRequest({ messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'now', input: {} }] }] }),
    );
    expect(chat.messages).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'now', arguments: '{}' } }] },
    ]);
  });

  it('turns tool_result blocks into tool messages placed before the rest of the user turn', () => {
    const chat = requestToChat(
      anthropicRequest({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'and now summarise' },
              { type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C, cloudy' },
              {
                type: 'tool_result',
                tool_use_id: 'toolu_2',
                content: [
                  { type: 'text', text: '24°C, ' },
                  { type: 'text', text: 'sunny' },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      { role: 'tool', tool_call_id: 'toolu_1', content: '18°C, cloudy' },
      { role: 'tool', tool_call_id: 'toolu_2', content: '24°C, sunny' },
      { role: 'user', content: 'and now summarise' },
    ]);
  });

  it('sends only the tool messages when a user turn holds nothing but tool results', () => {
    const chat = requestToChat(
      anthropicRequest({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' }] }] }),
    );
    expect(chat.messages).toEqual([{ role: 'tool', tool_call_id: 'toolu_1', content: 'ok' }]);
  });

  it('drops thinking and redacted_thinking blocks', () => {
    const chat = requestToChat(
      anthropicRequest({
        messages: [
          { role: 'user', content: 'q' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'let me think', signature: 'sig' },
              { type: 'redacted_thinking', data: 'opaque' },
              { type: 'text', text: 'the answer' },
            ],
          },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'the answer' },
    ]);
  });

  it('maps sampling fields: stop_sequences → stop, metadata.user_id → user, top_k dropped', () => {
    const chat = requestToChat({
      model: 'claude-x',
      max_tokens: 321,
      messages: [{ role: 'user', content: 'hi' }],
      stop_sequences: ['END', '###'],
      temperature: 0.3,
      top_p: 0.9,
      top_k: 40,
      metadata: { user_id: 'user-42' },
    });
    expect(chat).toEqual({
      model: 'claude-x',
      max_tokens: 321,
      messages: [{ role: 'user', content: 'hi' }],
      stop: ['END', '###'],
      temperature: 0.3,
      top_p: 0.9,
      user: 'user-42',
    });
  });

  it('asks a streamed chat answer to report usage', () => {
    expect(requestToChat(anthropicRequest({ stream: true }))).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const unstreamed = requestToChat(anthropicRequest({ stream: false }));
    expect(unstreamed.stream).toBeUndefined();
    expect(unstreamed.stream_options).toBeUndefined();
  });

  it('turns client tools into chat function tools', () => {
    const chat = requestToChat(
      anthropicRequest({
        tools: [
          { name: 'lookup', description: 'finds things', input_schema: lookupSchema },
          { type: 'custom', name: 'ping', input_schema: { type: 'object' } },
        ],
      }),
    );
    expect(chat.tools).toEqual([chatLookupTool, { type: 'function', function: { name: 'ping', parameters: { type: 'object' } } }]);
  });

  it('refuses server tools, naming tools', () => {
    expectUnsupported(
      () => requestToChat(anthropicRequest({ tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }] })),
      'tools',
    );
    expectUnsupported(() => requestToChat(anthropicRequest({ tools: [{ type: 'bash_20250124', name: 'bash' }] })), 'tools');
  });

  it('maps every tool_choice, and disable_parallel_tool_use to parallel_tool_calls: false', () => {
    const choiceOf = (toolChoice: Json) => requestToChat(anthropicRequest({ tool_choice: toolChoice }));
    expect(choiceOf({ type: 'auto' }).tool_choice).toBe('auto');
    expect(choiceOf({ type: 'any' }).tool_choice).toBe('required');
    expect(choiceOf({ type: 'none' }).tool_choice).toBe('none');
    expect(choiceOf({ type: 'tool', name: 'lookup' }).tool_choice).toEqual({ type: 'function', function: { name: 'lookup' } });
    expect(choiceOf({ type: 'auto' }).parallel_tool_calls).toBeUndefined();
    expect(choiceOf({ type: 'any', disable_parallel_tool_use: true })).toMatchObject({
      tool_choice: 'required',
      parallel_tool_calls: false,
    });
  });
});

describe('anthropicMessages.requestFromChat', () => {
  it('gathers system and developer messages into system, joined by blank lines', () => {
    const request = requestFromChat({
      model: 'gpt-x',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'developer', content: [{ type: 'text', text: 'use metric units' }] },
        { role: 'user', content: 'hi' },
      ],
    });
    expect(request.system).toBe('be brief\n\nuse metric units');
    expect(request.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('turns user parts into blocks: text, data-URL and http images, uploaded files, inline PDFs', () => {
    const request = requestFromChat(
      chatRequest({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'look' },
              { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } },
              { type: 'image_url', image_url: { url: 'https://example.com/dog.png', detail: 'high' } },
              { type: 'file', file: { file_id: 'file_abc' } },
              { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0' } },
            ],
          },
        ],
      }),
    );
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'look' },
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQ' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/dog.png' } },
          { type: 'document', source: { type: 'file', file_id: 'file_abc' } },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0' } },
        ],
      },
    ]);
  });

  it('refuses parts Anthropic cannot take, naming messages', () => {
    expectUnsupported(
      () =>
        requestFromChat(
          chatRequest({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAA', format: 'wav' } }] }] }),
        ),
      'messages',
    );
    expectUnsupported(
      () =>
        requestFromChat(
          chatRequest({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:text/csv;base64,YSxi' } }] }] }),
        ),
      'messages',
    );
  });

  it('turns assistant text and tool calls into a text block then tool_use blocks with parsed input', () => {
    const request = requestFromChat(
      chatRequest({
        messages: [
          { role: 'user', content: 'weather?' },
          {
            role: 'assistant',
            content: 'Checking.',
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
              { id: 'call_2', type: 'function', function: { name: 'weather', arguments: '{"city":' } },
            ],
          },
        ],
      }),
    );
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Paris' } },
        { type: 'tool_use', id: 'call_2', name: 'weather', input: { _raw: '{"city":' } },
      ],
    });
  });

  it('merges consecutive tool messages, and the user text after them, into one user turn of tool_result blocks', () => {
    const request = requestFromChat(
      chatRequest({
        messages: [
          { role: 'user', content: 'weather in Paris and Rome?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
              { id: 'call_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
          { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '24°C' }] },
          { role: 'user', content: 'which is warmer?' },
        ],
      }),
    );
    expect(request.messages).toEqual([
      { role: 'user', content: 'weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: '18°C' },
          { type: 'tool_result', tool_use_id: 'call_2', content: '24°C' },
          { type: 'text', text: 'which is warmer?' },
        ],
      },
    ]);
  });

  it('merges consecutive messages of one role so turns alternate, leaving out empty ones', () => {
    const request = requestFromChat(
      chatRequest({
        messages: [
          { role: 'user', content: 'first' },
          { role: 'user', content: 'second' },
          { role: 'assistant', content: '' },
          { role: 'assistant', content: 'reply one' },
          { role: 'assistant', content: [{ type: 'text', text: 'reply two' }] },
          { role: 'user', content: 'third' },
        ],
      }),
    );
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'first' },
          { type: 'text', text: 'second' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'reply one' },
          { type: 'text', text: 'reply two' },
        ],
      },
      { role: 'user', content: 'third' },
    ]);
  });

  it('always sets max_tokens: max_completion_tokens, else max_tokens, else 4096', () => {
    expect(requestFromChat(chatRequest({ max_completion_tokens: 700, max_tokens: 300 })).max_tokens).toBe(700);
    expect(requestFromChat(chatRequest({ max_tokens: 300 })).max_tokens).toBe(300);
    expect(requestFromChat(chatRequest({})).max_tokens).toBe(4096);
    expect(requestFromChat(chatRequest({ max_tokens: null })).max_tokens).toBe(4096);
  });

  it('turns stop, as a string or a list, into stop_sequences', () => {
    expect(requestFromChat(chatRequest({ stop: 'END' })).stop_sequences).toEqual(['END']);
    expect(requestFromChat(chatRequest({ stop: ['END', '###'] })).stop_sequences).toEqual(['END', '###']);
    expect(requestFromChat(chatRequest({ stop: null })).stop_sequences).toBeUndefined();
  });

  it('keeps model, sampling, user and stream, and drops chat-only fields', () => {
    const request = requestFromChat(
      chatRequest({
        temperature: 0.4,
        top_p: 0.8,
        user: 'user-7',
        stream: true,
        stream_options: { include_usage: true },
        n: 2,
        response_format: { type: 'json_object' },
        seed: 11,
        logprobs: true,
        top_logprobs: 3,
        frequency_penalty: 0.5,
        presence_penalty: 0.2,
        logit_bias: { 50256: -100 },
      }),
    );
    expect(request).toEqual({
      model: 'gpt-x',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 4096,
      temperature: 0.4,
      top_p: 0.8,
      metadata: { user_id: 'user-7' },
      stream: true,
    });
  });

  it('leaves out sampling fields sent as null', () => {
    const request = requestFromChat(chatRequest({ temperature: null, top_p: null, user: null }));
    expect(request).toEqual({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }], max_tokens: 4096 });
  });

  it('turns function tools into Anthropic tools, with an empty object schema when none is given', () => {
    const request = requestFromChat(chatRequest({ tools: [chatLookupTool, { type: 'function', function: { name: 'now' } }] }));
    expect(request.tools).toEqual([
      { name: 'lookup', description: 'finds things', input_schema: lookupSchema },
      { name: 'now', input_schema: { type: 'object', properties: {} } },
    ]);
  });

  it('refuses non-function tools, naming tools', () => {
    expectUnsupported(() => requestFromChat(chatRequest({ tools: [{ type: 'custom', custom: { name: 'grammar' } }] })), 'tools');
  });

  it('maps every tool_choice back, with parallel_tool_calls: false on tool_choice', () => {
    const choiceOf = (extra: Json) => requestFromChat(chatRequest({ tools: [chatLookupTool], ...extra })).tool_choice;
    expect(choiceOf({ tool_choice: 'auto' })).toEqual({ type: 'auto' });
    expect(choiceOf({ tool_choice: 'required' })).toEqual({ type: 'any' });
    expect(choiceOf({ tool_choice: 'none' })).toEqual({ type: 'none' });
    expect(choiceOf({ tool_choice: { type: 'function', function: { name: 'lookup' } } })).toEqual({ type: 'tool', name: 'lookup' });
    expect(choiceOf({})).toBeUndefined();
    expect(choiceOf({ parallel_tool_calls: false })).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(choiceOf({ tool_choice: 'required', parallel_tool_calls: false })).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(choiceOf({ tool_choice: 'auto', parallel_tool_calls: true })).toEqual({ type: 'auto' });
    // Anthropic's 'none' takes no parallel switch
    expect(choiceOf({ tool_choice: 'none', parallel_tool_calls: false })).toEqual({ type: 'none' });
  });

  it('refuses a tool_choice it cannot name, naming tool_choice', () => {
    expectUnsupported(
      () =>
        requestFromChat(
          chatRequest({ tools: [chatLookupTool], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } } }),
        ),
      'tool_choice',
    );
  });
});

describe('anthropicMessages request round trip', () => {
  it('brings an Anthropic request back unchanged through chat: system, turns, images, tools, tool results, stop sequences', () => {
    const original: Json = {
      model: 'claude-x',
      system: 'You are a weather assistant.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is the weather where this photo was taken?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0K' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/second.jpg' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'That is Paris; let me check.' },
            { type: 'tool_use', id: 'toolu_01', name: 'weather', input: { city: 'Paris', days: 2 } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01', content: '{"temp":18}' },
            { type: 'text', text: 'And tomorrow?' },
          ],
        },
        { role: 'assistant', content: 'Tomorrow is warmer.' },
        { role: 'user', content: 'Thanks' },
      ],
      max_tokens: 1024,
      stop_sequences: ['\n\nHuman:', 'END'],
      temperature: 0.5,
      top_p: 0.95,
      metadata: { user_id: 'user-1' },
      tools: [
        {
          name: 'weather',
          description: 'forecast for a city',
          input_schema: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } } },
        },
      ],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      stream: true,
    };
    const chat = requestToChat(original);
    expect(chat.messages.map((m: Json) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'user', 'assistant', 'user']);
    expect(requestFromChat(chat)).toEqual(original);
  });

  it('brings a chat request back unchanged through Anthropic', () => {
    const original: Json = {
      model: 'gpt-x',
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
      tools: [chatLookupTool],
      tool_choice: 'required',
      max_tokens: 100,
      stop: ['END'],
    };
    expect(requestToChat(requestFromChat(original))).toEqual(original);
  });
});

describe('anthropicMessages.responseToChat', () => {
  const message: Json = {
    id: 'msg_01XYZ',
    type: 'message',
    role: 'assistant',
    model: 'claude-x',
    stop_reason: 'tool_use',
    stop_sequence: null,
    content: [
      { type: 'thinking', thinking: 'hmm', signature: 's' },
      { type: 'text', text: 'Let me ' },
      { type: 'text', text: 'check.' },
      { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
    ],
    usage: { input_tokens: 10, cache_read_input_tokens: 4, cache_creation_input_tokens: 6, output_tokens: 3 },
  };

  it('builds a chat completion with joined text, tool calls and the mapped finish reason', () => {
    const before = Math.floor(Date.now() / 1000);
    const chat = responseToChat(message);
    expect(chat).toEqual({
      id: 'msg_01XYZ',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'claude-x',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Let me check.',
            tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }],
          },
          finish_reason: 'tool_calls',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 20, completion_tokens: 3, total_tokens: 23, prompt_tokens_details: { cached_tokens: 4 } },
    });
    expect(chat.created).toBeGreaterThanOrEqual(before);
    expect(chat.created).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('gives null content and no tool_calls when there is neither', () => {
    const chat = responseToChat({ ...message, content: [], stop_reason: 'end_turn' });
    expect(chat.choices[0].message).toEqual({ role: 'assistant', content: null });
  });

  it('maps every stop reason', () => {
    const finishOf = (stopReason: string) => responseToChat({ ...message, stop_reason: stopReason }).choices[0].finish_reason;
    expect(finishOf('end_turn')).toBe('stop');
    expect(finishOf('stop_sequence')).toBe('stop');
    expect(finishOf('pause_turn')).toBe('stop');
    expect(finishOf('max_tokens')).toBe('length');
    expect(finishOf('tool_use')).toBe('tool_calls');
    expect(finishOf('refusal')).toBe('content_filter');
  });

  it('counts a usage without cache fields as input alone', () => {
    expect(responseToChat({ ...message, usage: { input_tokens: 7, output_tokens: 2 } }).usage).toEqual({
      prompt_tokens: 7,
      completion_tokens: 2,
      total_tokens: 9,
      prompt_tokens_details: { cached_tokens: 0 },
    });
  });
});

describe('anthropicMessages.responseFromChat', () => {
  const completion = (extra: Json = {}, message: Json = {}, finish = 'stop'): Json => ({
    id: 'chatcmpl-abc',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-x',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there', ...message }, finish_reason: finish, logprobs: null }],
    usage: { prompt_tokens: 30, completion_tokens: 5, total_tokens: 35, prompt_tokens_details: { cached_tokens: 12 } },
    ...extra,
  });

  it('builds an Anthropic message, prefixing the id with msg_ and splitting cached tokens out of input', () => {
    expect(responseFromChat(completion())).toEqual({
      id: 'msg_chatcmpl-abc',
      type: 'message',
      role: 'assistant',
      model: 'gpt-x',
      content: [{ type: 'text', text: 'Hello there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 18, output_tokens: 5, cache_read_input_tokens: 12, cache_creation_input_tokens: 0 },
    });
  });

  it('keeps an id that already starts with msg_', () => {
    expect(responseFromChat(completion({ id: 'msg_01ABC' })).id).toBe('msg_01ABC');
  });

  it('puts tool calls after the text as tool_use blocks, leaving out empty text', () => {
    const toolCalls = [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } }];
    const withText = responseFromChat(completion({}, { content: 'One moment.', tool_calls: toolCalls }, 'tool_calls'));
    expect(withText.content).toEqual([
      { type: 'text', text: 'One moment.' },
      { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Rome' } },
    ]);
    expect(withText.stop_reason).toBe('tool_use');
    const withoutText = responseFromChat(completion({}, { content: null, tool_calls: toolCalls }, 'tool_calls'));
    expect(withoutText.content).toEqual([{ type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Rome' } }]);
    expect(responseFromChat(completion({}, { content: '' })).content).toEqual([]);
  });

  it('maps every finish reason back', () => {
    const stopOf = (finish: string) => responseFromChat(completion({}, {}, finish)).stop_reason;
    expect(stopOf('stop')).toBe('end_turn');
    expect(stopOf('length')).toBe('max_tokens');
    expect(stopOf('tool_calls')).toBe('tool_use');
    expect(stopOf('function_call')).toBe('tool_use');
    expect(stopOf('content_filter')).toBe('refusal');
  });

  it('keeps a refusal as the text of the answer', () => {
    const refused = responseFromChat(completion({}, { content: null, refusal: 'I cannot help with that.' }, 'content_filter'));
    expect(refused).toMatchObject({ content: [{ type: 'text', text: 'I cannot help with that.' }], stop_reason: 'refusal' });
  });

  it('carries the cost the gateway added to usage, and adds none when there is none', () => {
    const priced = responseFromChat(completion({ usage: { prompt_tokens: 30, completion_tokens: 5, total_tokens: 35, cost: 0.00042 } }));
    expect(priced.usage).toEqual({
      input_tokens: 30,
      output_tokens: 5,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      cost: 0.00042,
    });
    expect(responseFromChat(completion()).usage).not.toHaveProperty('cost');
  });

  it('reports zero usage when the completion has none', () => {
    expect(responseFromChat(completion({ usage: undefined })).usage).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });
});

/** Anthropic stream events of one answer: thinking, text, then two tool calls. */
function anthropicEvents(deltaUsage: Json = { output_tokens: 25 }): Json[] {
  return [
    {
      type: 'message_start',
      message: {
        id: 'msg_01S',
        type: 'message',
        role: 'assistant',
        model: 'claude-x',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 10, cache_read_input_tokens: 4, cache_creation_input_tokens: 6, output_tokens: 1 },
      },
    },
    { type: 'ping' },
    { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'pondering' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } },
    { type: 'content_block_stop', index: 0 },
    { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
    { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Check' } },
    { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'ing.' } },
    { type: 'content_block_stop', index: 1 },
    { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_A', name: 'weather', input: {} } },
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '' } },
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } },
    { type: 'content_block_stop', index: 2 },
    { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 'toolu_B', name: 'time', input: {} } },
    { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{}' } },
    { type: 'content_block_stop', index: 3 },
    { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: deltaUsage },
    { type: 'message_stop' },
  ];
}

describe('anthropicMessages.streamToChat', () => {
  const translate = (events: Json[]) => {
    const stream = anthropicMessages.streamToChat();
    return events.flatMap((e) => stream.push(e));
  };

  it('turns the events into chat chunks: role, text, tool calls by tool index, finish, usage', () => {
    const chunks = translate(anthropicEvents());
    expect(
      chunks.map((c) => (c.choices.length ? { delta: c.choices[0].delta, finish: c.choices[0].finish_reason } : { usage: c.usage })),
    ).toEqual([
      { delta: { role: 'assistant', content: '' }, finish: null },
      { delta: { content: 'Check' }, finish: null },
      { delta: { content: 'ing.' }, finish: null },
      {
        delta: { tool_calls: [{ index: 0, id: 'toolu_A', type: 'function', function: { name: 'weather', arguments: '' } }] },
        finish: null,
      },
      { delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }, finish: null },
      { delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }, finish: null },
      { delta: { tool_calls: [{ index: 1, id: 'toolu_B', type: 'function', function: { name: 'time', arguments: '' } }] }, finish: null },
      { delta: { tool_calls: [{ index: 1, function: { arguments: '{}' } }] }, finish: null },
      { delta: {}, finish: 'tool_calls' },
      { usage: { prompt_tokens: 20, completion_tokens: 25, total_tokens: 45, prompt_tokens_details: { cached_tokens: 4 } } },
    ]);
  });

  it('gives every chunk the message id and model, and the chat chunk shape', () => {
    const chunks = translate(anthropicEvents());
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'msg_01S', object: 'chat.completion.chunk', model: 'claude-x', created: expect.any(Number) });
    }
    expect(chunks[0].choices).toEqual([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null }]);
    expect(chunks.at(-1)!.choices).toEqual([]);
  });

  it('lets message_delta usage override the input and cache counts of message_start', () => {
    const chunks = translate(
      anthropicEvents({ input_tokens: 100, cache_read_input_tokens: 40, cache_creation_input_tokens: null, output_tokens: 9 }),
    );
    expect(chunks.at(-1)!.usage).toEqual({
      prompt_tokens: 146,
      completion_tokens: 9,
      total_tokens: 155,
      prompt_tokens_details: { cached_tokens: 40 },
    });
  });

  it('maps the stop reason of message_delta', () => {
    const finishOf = (stopReason: string) =>
      translate([anthropicEvents()[0], { type: 'message_delta', delta: { stop_reason: stopReason }, usage: { output_tokens: 1 } }])[1]
        .choices[0].finish_reason;
    expect(finishOf('end_turn')).toBe('stop');
    expect(finishOf('max_tokens')).toBe('length');
    expect(finishOf('refusal')).toBe('content_filter');
  });

  it('says nothing for ping, block stops, message_stop and server tool input', () => {
    expect(
      translate([
        { type: 'ping' },
        { type: 'content_block_stop', index: 0 },
        { type: 'message_stop' },
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} },
        },
        { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"query":"x"}' } },
      ]),
    ).toEqual([]);
  });
});

/** Chat chunks of one answer: role, text in two pieces, two tool calls in pieces, the finish, then usage. */
function chatChunks(
  usage: Json = { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27, prompt_tokens_details: { cached_tokens: 5 } },
): Json[] {
  const chunk = (delta: Json, finish: string | null = null): Json => ({
    id: 'chatcmpl-9',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-x',
    choices: [{ index: 0, delta, finish_reason: finish }],
    usage: null,
  });
  return [
    chunk({ role: 'assistant', content: '' }),
    chunk({ content: 'Hel' }),
    chunk({ content: 'lo' }),
    chunk({ tool_calls: [{ index: 0, id: 'call_A', type: 'function', function: { name: 'weather', arguments: '' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '"Rome"}' } }] }),
    chunk({ tool_calls: [{ index: 1, id: 'call_B', type: 'function', function: { name: 'time', arguments: '{}' } }] }),
    chunk({}, 'tool_calls'),
    { id: 'chatcmpl-9', object: 'chat.completion.chunk', created: 1, model: 'gpt-x', choices: [], usage },
  ];
}

describe('anthropicMessages.streamFromChat', () => {
  const translate = (chunks: Json[]) => {
    const stream = anthropicMessages.streamFromChat();
    return [...chunks.flatMap((c) => stream.push(c)), ...stream.end()];
  };

  it('turns chat chunks into the Anthropic event sequence, with text and tool_use blocks', () => {
    expect(translate(chatChunks())).toEqual([
      {
        type: 'message_start',
        message: {
          id: 'msg_chatcmpl-9',
          type: 'message',
          role: 'assistant',
          model: 'gpt-x',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 0, output_tokens: 0 },
        },
      },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'call_A', name: 'weather', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"Rome"}' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'call_B', name: 'time', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{}' } },
      { type: 'content_block_stop', index: 2 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: { input_tokens: 15, output_tokens: 7, cache_read_input_tokens: 5, cache_creation_input_tokens: 0 },
      },
      { type: 'message_stop' },
    ]);
  });

  it('carries the cost of the chat usage into message_delta', () => {
    const events = translate(chatChunks({ prompt_tokens: 20, completion_tokens: 7, total_tokens: 27, cost: 0.0031 }));
    expect(events.at(-2)!.usage).toEqual({
      input_tokens: 20,
      output_tokens: 7,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      cost: 0.0031,
    });
  });

  it('opens no block for a role chunk with empty content', () => {
    const stream = anthropicMessages.streamFromChat();
    const first = stream.push({
      id: 'chatcmpl-1',
      model: 'gpt-x',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    expect(first.map((e) => e.type)).toEqual(['message_start']);
    expect(stream.push({ id: 'chatcmpl-1', model: 'gpt-x', choices: [{ index: 0, delta: { content: '' }, finish_reason: null }] })).toEqual(
      [],
    );
    expect(stream.end().map((e) => e.type)).toEqual(['message_delta', 'message_stop']);
  });

  it('still sends a whole message when the chat stream had no chunks', () => {
    const events = translate([]);
    expect(events.map((e) => e.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(events[0].message).toMatchObject({
      id: expect.stringMatching(/^msg_./),
      type: 'message',
      role: 'assistant',
      content: [],
      usage: { input_tokens: 0, output_tokens: 0 },
    });
    expect(events[1]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
  });

  it('maps the finish reason into message_delta', () => {
    const chunk = (finish: string) => ({ id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'x' }, finish_reason: finish }] });
    expect(translate([chunk('length')]).at(-2)!.delta.stop_reason).toBe('max_tokens');
    expect(translate([chunk('stop')]).at(-2)!.delta.stop_reason).toBe('end_turn');
    expect(translate([chunk('content_filter')]).at(-2)!.delta.stop_reason).toBe('refusal');
  });

  it('closes the open block at the end even without a finish chunk', () => {
    const events = translate([{ id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'cut' }, finish_reason: null }] }]);
    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('opens one tool_use block per call even when the upstream repeats the id on every delta', () => {
    const call = (args: string, id = 'call_R', index = 0) => ({
      id: 'c',
      model: 'm',
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index, id, type: 'function', function: { name: 'f', arguments: args } }] },
          finish_reason: null,
        },
      ],
    });
    const events = translate([call('{"a":'), call('1}'), call('{}', 'call_S', 1)]);
    expect(events.filter((e) => e.type === 'content_block_start').map((e) => e.content_block.id)).toEqual(['call_R', 'call_S']);
    expect(events.filter((e) => e.type === 'content_block_delta').map((e) => [e.index, e.delta.partial_json])).toEqual([
      [0, '{"a":'],
      [0, '1}'],
      [1, '{}'],
    ]);
  });

  it('takes usage from the finishing chunk when the upstream puts it there', () => {
    const events = translate([
      {
        id: 'c',
        model: 'm',
        choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 },
      },
    ]);
    expect(events.at(-2)!.usage).toMatchObject({ input_tokens: 9, output_tokens: 1 });
  });
});

describe('anthropicMessages stream round trips', () => {
  /** What a stream of chat chunks says, put back together. */
  function collect(chunks: Json[]) {
    const out = {
      text: '',
      calls: [] as { id?: string; name?: string; args: string }[],
      finish: null as string | null,
      usage: null as Json | null,
    };
    for (const chunk of chunks) {
      if (chunk.usage) out.usage = chunk.usage;
      const choice = chunk.choices?.[0];
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

  it('chat chunks → Anthropic events → chat chunks say the same: text, tool calls, finish, usage', () => {
    const fromChat = anthropicMessages.streamFromChat();
    const toChat = anthropicMessages.streamToChat();
    const events = [...chatChunks().flatMap((c) => fromChat.push(c)), ...fromChat.end()];
    const back = collect(events.flatMap((e) => toChat.push(e)));
    expect(back).toEqual({
      text: 'Hello',
      calls: [
        { id: 'call_A', name: 'weather', args: '{"city":"Rome"}' },
        { id: 'call_B', name: 'time', args: '{}' },
      ],
      finish: 'tool_calls',
      usage: { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27, prompt_tokens_details: { cached_tokens: 5 } },
    });
  });

  it('Anthropic events → chat chunks → Anthropic events keep the text, tool inputs and stop reason', () => {
    const toChat = anthropicMessages.streamToChat();
    const fromChat = anthropicMessages.streamFromChat();
    const events = [
      ...anthropicEvents()
        .flatMap((e) => toChat.push(e))
        .flatMap((c) => fromChat.push(c)),
      ...fromChat.end(),
    ];
    const starts = events.filter((e) => e.type === 'content_block_start').map((e) => e.content_block);
    expect(starts).toEqual([
      { type: 'text', text: '' },
      { type: 'tool_use', id: 'toolu_A', name: 'weather', input: {} },
      { type: 'tool_use', id: 'toolu_B', name: 'time', input: {} },
    ]);
    const text = events
      .filter((e) => e.delta?.type === 'text_delta')
      .map((e) => e.delta.text)
      .join('');
    const json = events.filter((e) => e.delta?.type === 'input_json_delta').map((e) => [e.index, e.delta.partial_json]);
    expect(text).toBe('Checking.');
    expect(json).toEqual([
      [1, '{"city":'],
      [1, '"Paris"}'],
      [2, '{}'],
    ]);
    expect(events[0].message.id).toBe('msg_01S');
    // cache writes are not told apart by chat, so they come back inside input_tokens
    expect(events.at(-2)).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { input_tokens: 16, output_tokens: 25, cache_read_input_tokens: 4, cache_creation_input_tokens: 0 },
    });
  });
});

describe('anthropicMessages usage buckets add up', () => {
  /** A small deterministic generator, so a failing case can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }
  const next = random(7);
  const int = (max: number) => Math.floor(next() * max);
  const cases = Array.from({ length: 200 }, () => ({
    input_tokens: int(20_000),
    cache_read_input_tokens: int(8_000),
    cache_creation_input_tokens: int(8_000),
    output_tokens: int(4_000),
  }));

  it('answers: prompt_tokens = input + cache read + cache write, and total = prompt + completion', () => {
    for (const usage of cases) {
      const chat = responseToChat({ id: 'msg_1', model: 'm', content: [], stop_reason: 'end_turn', usage }).usage;
      const prompt = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
      expect(chat).toEqual({
        prompt_tokens: prompt,
        completion_tokens: usage.output_tokens,
        total_tokens: prompt + usage.output_tokens,
        prompt_tokens_details: { cached_tokens: usage.cache_read_input_tokens },
      });
      const back = responseFromChat(responseToChat({ id: 'msg_1', model: 'm', content: [], usage })).usage;
      expect(back.input_tokens + back.cache_read_input_tokens + back.cache_creation_input_tokens).toBe(prompt);
      expect(back.cache_read_input_tokens).toBe(usage.cache_read_input_tokens);
      expect(back.output_tokens).toBe(usage.output_tokens);
    }
  });

  it('streams: the usage chunk counts message_start input with message_delta output, nothing twice', () => {
    for (const usage of cases) {
      const stream = anthropicMessages.streamToChat();
      stream.push({ type: 'message_start', message: { id: 'msg_1', model: 'm', usage: { ...usage, output_tokens: 1 } } });
      const [, usageChunk] = stream.push({
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        usage: { output_tokens: usage.output_tokens },
      });
      const prompt = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
      expect(usageChunk.usage).toEqual({
        prompt_tokens: prompt,
        completion_tokens: usage.output_tokens,
        total_tokens: prompt + usage.output_tokens,
        prompt_tokens_details: { cached_tokens: usage.cache_read_input_tokens },
      });
    }
  });
});
