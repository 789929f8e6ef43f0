import fc from 'fast-check';
import { InferenceEndpoint, withOutputLimit, worstCaseUsage } from '@switchyard/contracts';
import { bridgeFor } from './bridge';
import { Json, UnsupportedFeatureError } from './wire-format';

const DEFAULT = 4096;
const CALLERS: InferenceEndpoint[] = ['/v1/chat/completions', '/v1/responses', '/v1/messages', '/v1beta/models:generateContent'];
const UPSTREAMS: InferenceEndpoint[] = ['/v1/chat/completions', '/v1/responses', '/v1/messages', '/v1beta/models:generateContent'];

/** The output limit an upstream of this format honours. */
function honouredLimit(endpoint: InferenceEndpoint, body: Json): unknown {
  if (endpoint === '/v1beta/models:generateContent') return body.generationConfig?.maxOutputTokens;
  if (endpoint === '/v1/responses') return body.max_output_tokens;
  if (endpoint === '/v1/messages') return body.max_tokens;
  return body.max_completion_tokens ?? body.max_tokens;
}

const limit = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constant(0), fc.string({ maxLength: 3 }));

/** A minimal request in each caller format, with output limits spelt every way. */
const requestIn = (caller: InferenceEndpoint) =>
  fc.record({ a: limit, b: limit, c: limit, d: limit }, { requiredKeys: [] }).map(({ a, b, c, d }): Json => {
    const limits = {
      ...(a !== undefined && { max_tokens: a }),
      ...(b !== undefined && { max_completion_tokens: b }),
      ...(c !== undefined && { max_output_tokens: c }),
    };
    const generationConfig = d !== undefined ? { generationConfig: { maxOutputTokens: d } } : {};
    if (caller === '/v1beta/models:generateContent')
      return { model: 'm', contents: [{ role: 'user', parts: [{ text: 'hi' }] }], ...limits, ...generationConfig };
    if (caller === '/v1/responses') return { model: 'm', input: 'hi', ...limits, ...generationConfig };
    return { model: 'm', messages: [{ role: 'user', content: 'hi' }], ...limits, ...generationConfig };
  });

describe('the output limit through every bridge', () => {
  it("property: whatever the caller's format and the channel's, the upstream is sent exactly the limit that was held", () => {
    const pair = fc
      .tuple(fc.constantFrom(...CALLERS), fc.constantFrom(...UPSTREAMS))
      .chain(([caller, upstream]) => fc.tuple(fc.constant(caller), fc.constant(upstream), requestIn(caller)));
    fc.assert(
      fc.property(pair, ([caller, upstream, body]) => {
        const held = worstCaseUsage(caller, body, DEFAULT).completionTokens;
        let sent: Json;
        try {
          sent = bridgeFor(caller, [upstream])!.request(withOutputLimit(caller, body, DEFAULT));
        } catch (error) {
          if (error instanceof UnsupportedFeatureError) return; // that channel is skipped
          throw error;
        }
        expect(honouredLimit(upstream, sent)).toBe(held);
      }),
    );
  });
});
