import OpenAI, { toFile } from 'openai';
import { outcomeOfError, RequestRecord } from './outcomes';
import { requestDeadline } from './deadline';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface SteadyLoadOptions {
  gatewayUrl: string;
  key: string;
  /** names every upstream call of this load at the mock (`tally:<tag>`) */
  tag: string;
  /** concurrent chat callers; half stream */
  callers: number;
  /** the deadline of each request: past it the request counts as hung */
  timeoutMs: number;
  /** how long each answer takes upstream, so a fault finds requests in flight */
  upstreamMs: number;
  /** one upload at a time, this often */
  uploadEveryMs: number;
  fetch: Fetch;
}

/** Calls one request with a deadline and records its outcome. */
async function timed(
  kind: RequestRecord['kind'],
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<{ requestId?: string; detail?: string; outcome?: RequestRecord['outcome'] }>,
): Promise<RequestRecord> {
  const deadline = requestDeadline(timeoutMs);
  const startedAt = Date.now();
  try {
    const answer = await call(deadline.signal);
    const outcome = deadline.passed() ? 'hung' : (answer.outcome ?? 'ok');
    return { kind, startedAt, endedAt: Date.now(), outcome, requestId: answer.requestId, detail: answer.detail };
  } catch (error) {
    return { kind, startedAt, endedAt: Date.now(), ...outcomeOfError(error, deadline.passed()) };
  } finally {
    deadline.clear();
  }
}

/**
 * A steady, bounded load through the official `openai` SDK: `callers` loops of chat completions
 * (every other one streamed) and one loop of small file uploads. Every request is recorded.
 */
export class SteadyLoad {
  readonly records: RequestRecord[] = [];
  readonly uploadedFileIds: string[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private sequence = 0;
  readonly client: OpenAI;

  constructor(private readonly options: SteadyLoadOptions) {
    this.client = new OpenAI({ apiKey: options.key, baseURL: `${options.gatewayUrl}/v1`, maxRetries: 0, fetch: options.fetch });
  }

  start(): void {
    this.running = true;
    for (let i = 0; i < this.options.callers; i++) this.loops.push(this.loop(() => (i % 2 === 0 ? this.chat() : this.stream())));
    if (this.options.uploadEveryMs > 0) this.loops.push(this.loop(() => this.upload(), this.options.uploadEveryMs));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  private async loop(next: () => Promise<RequestRecord>, pauseMs = 0): Promise<void> {
    while (this.running) {
      const record = await next();
      this.records.push(record);
      // a failing system answers at once: pause so a fault does not turn the load into a flood
      const pause = record.outcome === 'ok' ? pauseMs : Math.max(pauseMs, 200);
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    }
  }

  private body(): { model: string; messages: { role: 'user'; content: string }[] } {
    return { model: 'mock-gpt', messages: [{ role: 'user', content: `tally:${this.options.tag} n${++this.sequence} ${Date.now()}` }] };
  }

  /** One non-streamed chat, as the load sends it (also the recovery probe). */
  chat(kind: RequestRecord['kind'] = 'chat'): Promise<RequestRecord> {
    return timed(kind, this.options.timeoutMs, async (signal) => {
      const { data, response } = await this.client.chat.completions
        .create({ ...this.body(), ...{ mock: { delay_ms: this.options.upstreamMs } } } as OpenAI.ChatCompletionCreateParamsNonStreaming, {
          signal,
        })
        .withResponse();
      const requestId = response.headers.get('x-request-id') ?? undefined;
      if (data.choices[0]?.finish_reason !== 'stop') return { requestId, outcome: 'unclean', detail: 'answer without finish_reason stop' };
      return { requestId };
    });
  }

  private stream(): Promise<RequestRecord> {
    return timed('stream', this.options.timeoutMs, async (signal) => {
      const { data: stream, response } = await this.client.chat.completions
        .create(
          {
            ...this.body(),
            stream: true,
            stream_options: { include_usage: true },
            ...{ mock: { chunk_delay_ms: Math.round(this.options.upstreamMs / 8) } },
          } as OpenAI.ChatCompletionCreateParamsStreaming,
          { signal },
        )
        .withResponse();
      const requestId = response.headers.get('x-request-id') ?? undefined;
      let finished = false;
      for await (const chunk of stream) if (chunk.choices[0]?.finish_reason) finished = true;
      if (!finished) return { requestId, outcome: 'unclean', detail: 'stream ended without a finish_reason or an error event' };
      return { requestId };
    });
  }

  private upload(): Promise<RequestRecord> {
    return timed('upload', this.options.timeoutMs, async (signal) => {
      const n = ++this.sequence;
      const line = JSON.stringify({ custom_id: `u${n}`, method: 'POST', url: '/v1/chat/completions', body: this.body() });
      const file = await this.client.files.create(
        { file: await toFile(Buffer.from(`${line}\n`), `load-${n}.jsonl`), purpose: 'batch' },
        { signal },
      );
      this.uploadedFileIds.push(file.id);
      return {};
    });
  }
}
