import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { Client } from 'pg';
import { dataOf } from '@switchyard/api-client';
import { eventually } from '@switchyard/runtime';
import { MockUpstreamProcess, startMockUpstream } from '../processes';
import { apiClient, RunningStack } from '../stack';
import { uncheckedFetch } from '../validating-fetch';
import { requestDeadline } from './deadline';
import { anthropicOutcomeOfError, Outcome, outcomeOfError } from './outcomes';
import type { CallerResult } from './misbehaviour';
import { Fetch } from './steady-load';

/**
 * One way the preferred channel's upstream misbehaves while a second, healthy channel serves the
 * same model. Before any byte reached the caller the request must fail over; after it, never.
 */
export interface FailoverCase {
  name: string;
  stream: boolean;
  /** the misbehaving upstream's behaviour (its own mock, so the healthy one is not told the same) */
  mock: (upstreamTimeoutMs: number) => Record<string, unknown>;
  /** the misbehaviour comes before the caller's first byte: failover is expected */
  beforeFirstByte: boolean;
}

export const FAILOVER_CASES: FailoverCase[] = [
  { name: 'connection reset before the headers', stream: true, mock: () => ({ mode: 'reset' }), beforeFirstByte: true },
  { name: 'connection reset before the headers (not streamed)', stream: false, mock: () => ({ mode: 'reset' }), beforeFirstByte: true },
  {
    name: 'connection reset after the headers, before the first event',
    stream: true,
    mock: () => ({ mode: 'cut', after_chunks: 0 }),
    beforeFirstByte: true,
  },
  { name: 'wrong content type (HTML page)', stream: true, mock: () => ({ mode: 'wrong_type' }), beforeFirstByte: true },
  { name: 'wrong content type (HTML page, not streamed)', stream: false, mock: () => ({ mode: 'wrong_type' }), beforeFirstByte: true },
  { name: 'headers slower than the upstream timeout', stream: true, mock: (t) => ({ delay_ms: t + 1000 }), beforeFirstByte: true },
  { name: 'malformed first event', stream: true, mock: () => ({ mode: 'malformed', after_chunks: 0 }), beforeFirstByte: true },
  { name: 'connection reset mid-stream', stream: true, mock: () => ({ mode: 'cut', after_chunks: 3 }), beforeFirstByte: false },
  { name: 'malformed SSE event mid-stream', stream: true, mock: () => ({ mode: 'malformed', after_chunks: 2 }), beforeFirstByte: false },
  { name: 'stream that stalls mid-way', stream: true, mock: () => ({ mode: 'stall_stream', after_chunks: 2 }), beforeFirstByte: false },
];

export interface FailoverResult extends CallerResult {
  failoverCase: FailoverCase;
  /** the channel the answer's `x-switchyard-channel-id` (and a JSON answer's `_routing`) named */
  answeredBy: 'misbehaving' | 'healthy' | null;
  /** calls each upstream received for this request */
  misbehavingCalls: number;
  healthyCalls: number;
  /** usage records of the request, and the channel they name */
  usageRecords: number;
  billedTo: 'misbehaving' | 'healthy' | null;
  /** what the case expects held: failover before the first byte, none after; billed once to the channel that delivered */
  asExpected: boolean;
}

/** Two channels serving the same models, each on a mock of its own: the preferred one misbehaves as told. */
export class FailoverStage {
  private constructor(
    private readonly stack: RunningStack,
    private readonly mocks: { misbehaving: MockUpstreamProcess; healthy: MockUpstreamProcess },
    private readonly channelIds: { misbehaving: string; healthy: string },
  ) {}

  /** A model per case and caller API: one call's failure must not open the circuit another case depends on. */
  static modelFor(index: number, api: 'openai' | 'anthropic'): string {
    return `failover-${index}-${api}`;
  }

  static async start(stack: RunningStack, cases: FailoverCase[]): Promise<FailoverStage> {
    const [misbehaving, healthy] = await Promise.all([startMockUpstream(), startMockUpstream()]);
    try {
      const admin = apiClient(stack);
      const models = cases.flatMap((_, i) => [FailoverStage.modelFor(i, 'openai'), FailoverStage.modelFor(i, 'anthropic')]);
      const channel = async (name: string, url: string, priority: number) =>
        dataOf(
          await admin.POST('/admin/channels', {
            body: { name, provider: 'openai-compatible', base_url: `${url}/v1`, api_key: 'k', models, priority },
          }),
        ).id;
      const ids = {
        misbehaving: await channel('failover-misbehaving', misbehaving.url, 10),
        healthy: await channel('failover-healthy', healthy.url, 0),
      };
      for (const model of models)
        dataOf(
          await admin.PUT('/admin/prices/{model}', { params: { path: { model } }, body: { input_per_million: 1, output_per_million: 10 } }),
        );
      return new FailoverStage(stack, { misbehaving, healthy }, ids);
    } catch (error) {
      await Promise.all([misbehaving.stop(), healthy.stop()]);
      throw error;
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.mocks.misbehaving.stop(), this.mocks.healthy.stop()]);
  }

  private which(channelId: string | null | undefined): 'misbehaving' | 'healthy' | null {
    if (channelId === this.channelIds.misbehaving) return 'misbehaving';
    if (channelId === this.channelIds.healthy) return 'healthy';
    return null;
  }

  /** Sends the case once per caller API (streams also as an Anthropic Messages stream) and checks what came of it. */
  async provoke(
    index: number,
    c: FailoverCase,
    key: string,
    tag: string,
    options: { upstreamTimeoutMs: number; timeoutMs: number; databaseUrl: string; fetch: Fetch },
  ): Promise<FailoverResult[]> {
    await this.mocks.misbehaving.configure(c.mock(options.upstreamTimeoutMs));
    const apis: ('openai' | 'anthropic')[] = c.stream ? ['openai', 'anthropic'] : ['openai'];
    const results: FailoverResult[] = [];
    try {
      for (const api of apis) {
        const callTag = `${tag}-fo${index}${api[0]}`;
        const model = FailoverStage.modelFor(index, api);
        const seen =
          api === 'openai'
            ? await this.callOpenAi(key, model, callTag, c.stream, options)
            : await this.callAnthropic(key, model, callTag, options);
        const [misbehavingCalls, healthyCalls] = await Promise.all([
          receivedCalls(this.mocks.misbehaving.url, callTag),
          receivedCalls(this.mocks.healthy.url, callTag),
        ]);
        const usage = seen.requestId ? await usageOf(options.databaseUrl, seen.requestId) : [];
        const billedTo = usage.length === 1 ? this.which(usage[0].channel_id) : null;
        const answeredBy = this.which(seen.channelId);
        const result = { failoverCase: c, api, ...seen, answeredBy, misbehavingCalls, healthyCalls, usageRecords: usage.length, billedTo };
        results.push({ ...result, asExpected: expectationHeld(result) });
      }
    } finally {
      await this.mocks.misbehaving.configure({});
    }
    return results;
  }

  private async callOpenAi(
    key: string,
    model: string,
    tag: string,
    stream: boolean,
    { timeoutMs, fetch }: { timeoutMs: number; fetch: Fetch },
  ): Promise<Seen> {
    const client = new OpenAI({ apiKey: key, baseURL: `${this.stack.gatewayUrl}/v1`, maxRetries: 0, fetch });
    const deadline = requestDeadline(timeoutMs);
    const started = Date.now();
    const seen: Seen = { outcome: 'unclean', deliveredChunks: 0, channelId: null, elapsedMs: 0 };
    const body = { model, messages: [{ role: 'user' as const, content: `tally:${tag} please answer in several words` }] };
    try {
      if (stream) {
        const { data, response } = await client.chat.completions
          .create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal: deadline.signal })
          .withResponse();
        seen.requestId = response.headers.get('x-request-id') ?? undefined;
        seen.channelId = response.headers.get('x-switchyard-channel-id');
        let finished = false;
        for await (const chunk of data) {
          if (chunk.choices[0]?.delta?.content) seen.deliveredChunks++;
          if (chunk.choices[0]?.finish_reason) finished = true;
        }
        seen.outcome = finished ? 'ok' : deadline.passed() ? 'hung' : 'unclean';
      } else {
        const { data, response } = await client.chat.completions.create(body, { signal: deadline.signal }).withResponse();
        seen.requestId = response.headers.get('x-request-id') ?? undefined;
        const header = response.headers.get('x-switchyard-channel-id');
        const routed = (data as unknown as { _routing?: { channel?: { id?: string } } })._routing?.channel?.id;
        seen.channelId = header === routed ? header : `header ${header} ≠ _routing ${routed}`;
        seen.outcome = data.choices[0]?.finish_reason === 'stop' ? 'ok' : 'unclean';
      }
    } catch (error) {
      Object.assign(seen, outcomeOfError(error, deadline.passed()));
      seen.requestId ??= (error as { headers?: Headers }).headers?.get?.('x-request-id') ?? undefined;
    } finally {
      deadline.clear();
    }
    seen.elapsedMs = Date.now() - started;
    return seen;
  }

  private async callAnthropic(
    key: string,
    model: string,
    tag: string,
    { timeoutMs, fetch }: { timeoutMs: number; fetch: Fetch },
  ): Promise<Seen> {
    const client = new Anthropic({ apiKey: key, baseURL: this.stack.gatewayUrl, maxRetries: 0, fetch });
    const deadline = requestDeadline(timeoutMs);
    const started = Date.now();
    const seen: Seen = { outcome: 'unclean', deliveredChunks: 0, channelId: null, elapsedMs: 0 };
    try {
      const { data, response } = await client.messages
        .create(
          { model, max_tokens: 256, stream: true, messages: [{ role: 'user', content: `tally:${tag} please answer in several words` }] },
          { signal: deadline.signal },
        )
        .withResponse();
      seen.requestId = response.headers.get('x-request-id') ?? undefined;
      seen.channelId = response.headers.get('x-switchyard-channel-id');
      let finished = false;
      for await (const event of data) {
        if (event.type === 'content_block_delta') seen.deliveredChunks++;
        if (event.type === 'message_stop') finished = true;
      }
      seen.outcome = finished ? 'ok' : deadline.passed() ? 'hung' : 'unclean';
    } catch (error) {
      Object.assign(seen, anthropicOutcomeOfError(error, deadline.passed()));
    } finally {
      deadline.clear();
    }
    seen.elapsedMs = Date.now() - started;
    return seen;
  }
}

interface Seen {
  outcome: Outcome;
  status?: number;
  detail?: string;
  requestId?: string;
  deliveredChunks: number;
  channelId: string | null;
  elapsedMs: number;
}

/**
 * Before the first byte: a whole answer from the healthy channel, both upstreams called once, billed
 * once to the healthy channel. After it: an error event in the caller's format after some content,
 * the healthy upstream never called (no second answer spliced in), what was delivered billed once
 * to the misbehaving channel.
 */
export function expectationHeld(r: Omit<FailoverResult, 'asExpected'>): boolean {
  if (r.failoverCase.beforeFirstByte)
    return (
      r.outcome === 'ok' &&
      r.answeredBy === 'healthy' &&
      r.misbehavingCalls === 1 &&
      r.healthyCalls === 1 &&
      r.usageRecords === 1 &&
      r.billedTo === 'healthy'
    );
  return (
    r.outcome === 'clean_error' &&
    r.deliveredChunks > 0 &&
    r.answeredBy === 'misbehaving' &&
    r.misbehavingCalls === 1 &&
    r.healthyCalls === 0 &&
    r.usageRecords === 1 &&
    r.billedTo === 'misbehaving'
  );
}

async function receivedCalls(mockUrl: string, tag: string): Promise<number> {
  const all = ((await (await uncheckedFetch(`${mockUrl}/__mock/tally`)).json()) as { data: Record<string, { received: number }> }).data;
  return all[tag]?.received ?? 0;
}

/** The request's usage records once billing has applied one (or after 10 s, none). */
async function usageOf(databaseUrl: string, requestId: string): Promise<{ channel_id: string }[]> {
  const read = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ channel_id: string }>('SELECT channel_id FROM billing.usage_records WHERE request_id = $1', [requestId]))
        .rows;
    } finally {
      await client.end();
    }
  };
  const rows = await eventually('the usage record', read, { until: (r) => r.length > 0, timeoutMs: 10_000, intervalMs: 250 }).catch(read);
  // a second record would come late, if at all: look once more after billing had time to apply it
  await new Promise((r) => setTimeout(r, 300));
  return rows.length > 0 ? read() : rows;
}
