import fc from 'fast-check';
import { choiceCountOf, outputLimitOf, withOutputLimit } from './output-limit';
import { costOf, PriceNano } from './pricing';
import { MEDIA_PART_TOKENS, worstCaseInputTokens, worstCaseUsage } from './usage-estimate';

const DEFAULT = 4096;
const CHAT = '/v1/chat/completions';
const GEMINI = '/v1beta/models:generateContent';
const MESSAGES = '/v1/messages';
const GENERATING = [CHAT, '/v1/completions', '/v1/responses', MESSAGES, GEMINI];

/** Every spelling of an output limit in any format, as `[top-level key, nested key?]`. */
const LIMIT_PATHS: [string, string?][] = [
  ['max_tokens'],
  ['max_completion_tokens'],
  ['max_output_tokens'],
  ['generationConfig', 'maxOutputTokens'],
];

function limitsIn(body: Record<string, unknown>): unknown[] {
  return LIMIT_PATHS.flatMap(([head, tail]) => {
    if (tail === undefined) return head in body ? [body[head]] : [];
    const inner = body[head] as Record<string, unknown> | undefined;
    return inner && typeof inner === 'object' && tail in inner ? [inner[tail]] : [];
  });
}

/** What a caller may put in a limit field: sane limits, and the hostile rest. */
const limitValue = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }),
  fc.integer({ min: -5, max: 0 }),
  fc.double(),
  fc.string({ maxLength: 6 }),
  fc.constant(null),
  fc.constant(2 ** 60),
);

const hostileBody = fc.record(
  {
    model: fc.string(),
    messages: fc.array(fc.record({ role: fc.constantFrom('user', 'system', 'assistant'), content: fc.string({ unit: 'binary' }) }), {
      maxLength: 4,
    }),
    max_tokens: limitValue,
    max_completion_tokens: limitValue,
    max_output_tokens: limitValue,
    generationConfig: fc.oneof(
      fc.record({ maxOutputTokens: limitValue, candidateCount: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: [] }),
      fc.string(),
      fc.constant(null),
    ),
    n: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.string({ maxLength: 2 })),
  },
  { requiredKeys: ['model', 'messages'] },
);

const price: PriceNano = {
  inputPerMillion: 3_000_000_000n,
  outputPerMillion: 15_000_000_000n,
  cachedInputPerMillion: null,
  batchDiscountPpm: 0n,
};

describe('output limit: what is held is what the upstream gets', () => {
  it("holds the largest limit of the caller's format and sends only that one", () => {
    // the finding: max_tokens beside a larger max_completion_tokens held the small one
    const chat = { model: 'm', messages: [], max_tokens: 1, max_completion_tokens: 50_000 };
    expect(worstCaseUsage(CHAT, chat, DEFAULT).completionTokens).toBe(50_000);
    expect(withOutputLimit(CHAT, chat, DEFAULT)).toEqual({ model: 'm', messages: [], max_completion_tokens: 50_000 });
    // and on the Gemini route, max_tokens beside generationConfig.maxOutputTokens
    const gemini = { contents: [], max_tokens: 1, generationConfig: { maxOutputTokens: 50_000, temperature: 0 } };
    expect(worstCaseUsage(GEMINI, gemini, DEFAULT).completionTokens).toBe(50_000);
    expect(withOutputLimit(GEMINI, gemini, DEFAULT)).toEqual({
      contents: [],
      generationConfig: { maxOutputTokens: 50_000, temperature: 0 },
    });
    // a spelling from another format never reaches the upstream beside the held one
    const messages = { model: 'm', messages: [], max_tokens: 10, max_completion_tokens: 50_000 };
    expect(worstCaseUsage(MESSAGES, messages, DEFAULT).completionTokens).toBe(10);
    expect(withOutputLimit(MESSAGES, messages, DEFAULT)).toEqual({ model: 'm', messages: [], max_tokens: 10 });
  });

  it("sets the default it holds for when the caller gave no limit, in the format's own field", () => {
    expect(withOutputLimit(CHAT, { model: 'm' }, DEFAULT)).toEqual({ model: 'm', max_completion_tokens: DEFAULT });
    expect(withOutputLimit('/v1/completions', { model: 'm' }, DEFAULT)).toEqual({ model: 'm', max_tokens: DEFAULT });
    expect(withOutputLimit('/v1/responses', { model: 'm' }, DEFAULT)).toEqual({ model: 'm', max_output_tokens: DEFAULT });
    expect(withOutputLimit(MESSAGES, { model: 'm' }, DEFAULT)).toEqual({ model: 'm', max_tokens: DEFAULT });
    expect(withOutputLimit(GEMINI, { generationConfig: 'junk' }, DEFAULT)).toEqual({ generationConfig: { maxOutputTokens: DEFAULT } });
    expect(withOutputLimit('/v1/embeddings', { input: 'x', max_tokens: 3 }, DEFAULT)).toEqual({ input: 'x', max_tokens: 3 });
  });

  it('multiplies the output by n, best_of and candidateCount', () => {
    expect(worstCaseUsage(CHAT, { max_tokens: 100, n: 3 }, DEFAULT).completionTokens).toBe(300);
    expect(worstCaseUsage('/v1/completions', { max_tokens: 100, n: 2, best_of: 5 }, DEFAULT).completionTokens).toBe(500);
    expect(worstCaseUsage(GEMINI, { generationConfig: { maxOutputTokens: 100, candidateCount: 4 } }, DEFAULT).completionTokens).toBe(400);
    expect(choiceCountOf({ n: '7' })).toBe(7);
  });

  it('property: for any body, the upstream body carries exactly one limit, equal to the held limit per choice', () => {
    fc.assert(
      fc.property(hostileBody, fc.constantFrom(...GENERATING), (body, endpoint) => {
        const held = worstCaseUsage(endpoint, body, DEFAULT).completionTokens;
        const sent = withOutputLimit(endpoint, body, DEFAULT);
        const limit = outputLimitOf(endpoint, body, DEFAULT);
        expect(limitsIn(sent)).toEqual([limit]);
        expect(held).toBe(Math.min(limit * choiceCountOf(body), Number.MAX_SAFE_INTEGER));
        // holding the sent body again holds the same: nothing the router adds changes the price
        expect(worstCaseUsage(endpoint, sent, DEFAULT).completionTokens).toBe(held);
        expect(withOutputLimit(endpoint, sent, DEFAULT)).toEqual(sent);
      }),
    );
  });
});

describe('worst-case input', () => {
  /** Tokens a provider could charge for a message: one per UTF-8 byte of its text plus a chat template's few per message. */
  const providerBound = (messages: { content: string }[]) => messages.reduce((sum, m) => sum + Buffer.byteLength(m.content) + 4, 0);
  /** What the mock upstream reports as prompt tokens (tools/mock-upstream answers.ts). */
  const mockPromptTokens = (messages: { content: string }[]) => messages.reduce((sum, m) => sum + 3 + Math.ceil(m.content.length / 4), 0);

  it('property: the hold covers what the mock or a byte-level tokenizer would charge, for any body', () => {
    fc.assert(
      fc.property(hostileBody, fc.constantFrom(...GENERATING), fc.integer({ min: 0, max: 100 }), (body, endpoint, completionFraction) => {
        const worst = worstCaseUsage(endpoint, body, DEFAULT);
        const charged = {
          promptTokens: Math.max(providerBound(body.messages), mockPromptTokens(body.messages)),
          // a provider that honours the limit it was sent, for every choice
          completionTokens: Math.floor(
            (outputLimitOf(endpoint, withOutputLimit(endpoint, body, DEFAULT), DEFAULT) * choiceCountOf(body) * completionFraction) / 100,
          ),
        };
        expect(worst.promptTokens).toBeGreaterThanOrEqual(charged.promptTokens);
        expect(costOf(price, worst, false)).toBeGreaterThanOrEqual(costOf(price, charged, false));
      }),
    );
  });

  it('counts tools, tool_choice, response formats and system prompts, not only messages', () => {
    const description = 'x'.repeat(2_000_000);
    const base = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(
      worstCaseInputTokens({
        ...base,
        tools: [{ type: 'function', function: { name: 'f', description, parameters: { type: 'object' } } }],
      }),
    ).toBeGreaterThan(2_000_000);
    expect(
      worstCaseInputTokens({ ...base, response_format: { type: 'json_schema', json_schema: { schema: { description } } } }),
    ).toBeGreaterThan(2_000_000);
    expect(worstCaseInputTokens({ ...base, tool_choice: { type: 'function', function: { name: description } } })).toBeGreaterThan(
      2_000_000,
    );
    expect(worstCaseInputTokens({ contents: [], systemInstruction: { parts: [{ text: description }] } })).toBeGreaterThan(2_000_000);
    expect(worstCaseInputTokens({ input: [], instructions: description })).toBeGreaterThan(2_000_000);
  });

  it('adds an allowance for every image, audio clip or document, which a URL or file id brings without bytes', () => {
    const plain = worstCaseInputTokens({ messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }] }] });
    const chat = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'https://x/a.png' } },
            { type: 'input_audio', input_audio: { data: 'AA', format: 'wav' } },
          ],
        },
      ],
    };
    expect(worstCaseInputTokens(chat)).toBeGreaterThanOrEqual(plain + 2 * MEDIA_PART_TOKENS);
    const anthropic = { messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'file', file_id: 'file_1' } }] }] };
    expect(worstCaseInputTokens(anthropic)).toBeGreaterThanOrEqual(2 * MEDIA_PART_TOKENS); // the document and its file source
    const gemini = {
      contents: [
        {
          parts: [{ fileData: { fileUri: 'gs://a', mimeType: 'application/pdf' } }, { inlineData: { data: 'AA', mimeType: 'image/png' } }],
        },
      ],
    };
    expect(worstCaseInputTokens(gemini)).toBeGreaterThanOrEqual(2 * MEDIA_PART_TOKENS);
    const responses = {
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_image', image_url: 'https://x/a.png' },
            { type: 'input_file', file_id: 'file_2' },
          ],
        },
      ],
    };
    expect(worstCaseInputTokens(responses)).toBeGreaterThanOrEqual(2 * MEDIA_PART_TOKENS);
  });
});
