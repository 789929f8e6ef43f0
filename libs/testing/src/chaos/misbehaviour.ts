import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { anthropicOutcomeOfError, Outcome, outcomeOfError } from './outcomes';
import { requestDeadline } from './deadline';

/** One way the upstream misbehaves, the mock behaviour that produces it, and what the caller must get. */
export interface Misbehaviour {
  name: string;
  stream: boolean;
  mock: Record<string, unknown>;
  /** the outcome a caller must see */
  expected: Outcome;
  /** true when the caller received part of an answer, so the part must be billed (once) */
  partial: boolean;
}

export const MISBEHAVIOURS: Misbehaviour[] = [
  { name: 'connection reset mid-stream', stream: true, mock: { mode: 'cut', after_chunks: 3 }, expected: 'clean_error', partial: true },
  { name: 'malformed SSE event', stream: true, mock: { mode: 'malformed', after_chunks: 2 }, expected: 'clean_error', partial: true },
  { name: 'stream that stalls', stream: true, mock: { mode: 'stall_stream', after_chunks: 2 }, expected: 'clean_error', partial: true },
  // over NATS (split mode) one answer may be at most max_payload (8 MB): a larger one is refused with a clear 502
  { name: '10 MB answer', stream: false, mock: { reply_chars: 10_000_000 }, expected: 'clean_error', partial: false },
  { name: 'wrong content type (HTML page)', stream: false, mock: { mode: 'wrong_type' }, expected: 'clean_error', partial: false },
  { name: 'very slow headers (8 s)', stream: false, mock: { delay_ms: 8_000 }, expected: 'ok', partial: false },
];

/** What one caller's request got, as the chaos suite sorts it. */
export interface CallerResult {
  /** the caller's SDK and wire format */
  api: 'openai' | 'anthropic';
  outcome: Outcome;
  status?: number;
  detail?: string;
  requestId?: string;
  /** what the caller saw before the end (stream chunks with content) */
  deliveredChunks: number;
  elapsedMs: number;
}

export interface MisbehaviourResult extends CallerResult {
  misbehaviour: Misbehaviour;
}

/** Sends one chat through the gateway while the mock misbehaves as told, and sorts what the caller got. */
export async function provoke(client: OpenAI, tag: string, m: Misbehaviour, timeoutMs: number): Promise<MisbehaviourResult> {
  const deadline = requestDeadline(timeoutMs);
  const started = Date.now();
  let requestId: string | undefined;
  let deliveredChunks = 0;
  const body = {
    model: 'mock-gpt',
    messages: [{ role: 'user', content: `tally:${tag} ${m.name} ${Date.now()} please answer in several words` }],
    mock: m.mock,
  };
  try {
    if (m.stream) {
      const { data, response } = await client.chat.completions
        .create({ ...body, stream: true, stream_options: { include_usage: true } } as OpenAI.ChatCompletionCreateParamsStreaming, {
          signal: deadline.signal,
        })
        .withResponse();
      requestId = response.headers.get('x-request-id') ?? undefined;
      let finished = false;
      for await (const chunk of data) {
        if (chunk.choices[0]?.delta?.content) deliveredChunks++;
        if (chunk.choices[0]?.finish_reason) finished = true;
      }
      // the SDK ends a stream quietly when it is aborted: past the deadline that is a hung request
      const outcome: Outcome = finished ? 'ok' : deadline.passed() ? 'hung' : 'unclean';
      return {
        misbehaviour: m,
        api: 'openai',
        outcome,
        requestId,
        deliveredChunks,
        elapsedMs: Date.now() - started,
        detail: finished ? undefined : 'stream ended without an error event',
      };
    }
    const { data, response } = await client.chat.completions
      .create(body as OpenAI.ChatCompletionCreateParamsNonStreaming, { signal: deadline.signal })
      .withResponse();
    requestId = response.headers.get('x-request-id') ?? undefined;
    const whole = data.choices[0]?.finish_reason === 'stop';
    return {
      misbehaviour: m,
      api: 'openai',
      outcome: whole ? 'ok' : 'unclean',
      requestId,
      deliveredChunks,
      elapsedMs: Date.now() - started,
    };
  } catch (error) {
    const sorted = outcomeOfError(error, deadline.passed());
    requestId ??= (error as { headers?: Headers }).headers?.get?.('x-request-id') ?? undefined;
    return { misbehaviour: m, api: 'openai', ...sorted, requestId, deliveredChunks, elapsedMs: Date.now() - started };
  } finally {
    deadline.clear();
  }
}

/**
 * The same provocation through the Anthropic Messages API with `@anthropic-ai/sdk` (a streamed
 * message on the demo Anthropic channel): the caller must get an Anthropic `error` event.
 */
export async function provokeAnthropic(
  gatewayUrl: string,
  key: string,
  tag: string,
  m: Misbehaviour,
  timeoutMs: number,
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
): Promise<MisbehaviourResult> {
  const client = new Anthropic({ apiKey: key, baseURL: gatewayUrl, maxRetries: 0, fetch });
  const deadline = requestDeadline(timeoutMs);
  const started = Date.now();
  let requestId: string | undefined;
  let deliveredChunks = 0;
  try {
    const { data, response } = await client.messages
      .create(
        {
          model: 'mock-claude',
          max_tokens: 256,
          stream: true,
          messages: [{ role: 'user', content: `tally:${tag} ${m.name} ${Date.now()} please answer in several words` }],
          // message_start, content_block_start and a ping come before the first delta
          ...{ mock: { ...m.mock, after_chunks: Number(m.mock.after_chunks ?? 2) + 3 } },
        } as Anthropic.MessageCreateParamsStreaming,
        { signal: deadline.signal },
      )
      .withResponse();
    requestId = response.headers.get('x-request-id') ?? undefined;
    let finished = false;
    for await (const event of data) {
      if (event.type === 'content_block_delta') deliveredChunks++;
      if (event.type === 'message_stop') finished = true;
    }
    const outcome: Outcome = finished ? 'ok' : deadline.passed() ? 'hung' : 'unclean';
    return { misbehaviour: m, api: 'anthropic', outcome, requestId, deliveredChunks, elapsedMs: Date.now() - started };
  } catch (error) {
    const { outcome, status, detail } = anthropicOutcomeOfError(error, deadline.passed());
    return { misbehaviour: m, api: 'anthropic', outcome, status, detail, requestId, deliveredChunks, elapsedMs: Date.now() - started };
  } finally {
    deadline.clear();
  }
}
