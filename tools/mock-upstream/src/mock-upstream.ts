import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { base64Floats, completionTokensOf, embeddingOf, promptTokensOf, replyTo, wordsOf } from './answers';

/**
 * A fake OpenAI-compatible upstream. Behaviour per request via an extra body field
 * `mock: {mode, status, message, delay_ms, after_chunks}`, or for every request via
 * `POST /__mock/config` (so two mocks can behave differently in failover tests).
 *   mode "fail": answer `status` (default 500) with an OpenAI error envelope
 *   mode "stall": never answer
 *   mode "cut": stream `after_chunks` chunks, then drop the connection
 *   mode "no_usage": omit usage
 *   delay_ms: wait before answering; chunk_delay_ms: wait between stream chunks
 *   completion_tokens: report this many output tokens (to test billing at the worst case)
 *   cached_tokens: report this many of the prompt tokens as read from the prompt cache
 */
export interface MockBehaviour {
  mode?: 'ok' | 'fail' | 'stall' | 'cut' | 'no_usage';
  status?: number;
  message?: string;
  delay_ms?: number;
  chunk_delay_ms?: number;
  after_chunks?: number;
  retry_after?: number;
  completion_tokens?: number;
  cached_tokens?: number;
}

function wantsUsageChunk(body: Record<string, unknown>): boolean {
  return (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface MockUpstreamOptions {
  port?: number;
  host?: string;
  /** when set, requests must carry `Authorization: Bearer <apiKey>` */
  apiKey?: string;
  /** fixed latency added to every answer */
  latencyMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string, code: string | null, headers: Record<string, string> = {}): void {
  const type = status === 401 ? 'invalid_request_error' : status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export class MockUpstream {
  private server: Server | null = null;
  private behaviour: MockBehaviour = {};
  readonly requests: RecordedRequest[] = [];
  private counter = 0;

  constructor(private readonly options: MockUpstreamOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        if (!res.headersSent) sendError(res, 500, `mock failure: ${(error as Error).message}`, null);
        else res.destroy();
      });
    });
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://${this.options.host ?? '127.0.0.1'}:${port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/__mock/config' && req.method === 'POST') {
      this.behaviour = ((await readJson(req)) ?? {}) as MockBehaviour;
      return sendJson(res, 200, { ok: true, behaviour: this.behaviour });
    }
    if (path === '/__mock/requests') {
      if (req.method === 'DELETE') this.requests.length = 0;
      return sendJson(res, 200, { data: this.requests });
    }
    if (path === '/health') return sendJson(res, 200, { ok: true });

    let body: Record<string, unknown>;
    try {
      body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
    } catch {
      return sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_json');
    }
    this.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization, body });
    if (this.requests.length > 1000) this.requests.shift();

    if (this.options.apiKey && req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
    }
    const behaviour: MockBehaviour = { ...this.behaviour, ...((body.mock as MockBehaviour) ?? {}) };
    const delay = (this.options.latencyMs ?? 0) + (behaviour.delay_ms ?? 0);
    if (behaviour.mode === 'stall') return; // never answers; the caller's timeout must fire
    if (delay > 0) await sleep(delay);
    if (behaviour.mode === 'fail') {
      const status = behaviour.status ?? 500;
      const headers: Record<string, string> = behaviour.retry_after !== undefined ? { 'retry-after': String(behaviour.retry_after) } : {};
      return sendError(res, status, behaviour.message ?? `mock upstream failure ${status}`, status === 429 ? 'rate_limit_exceeded' : null, headers);
    }

    if (req.method === 'POST' && path === '/v1/chat/completions') return this.chat(body, behaviour, res);
    if (req.method === 'POST' && path === '/v1/embeddings') return this.embeddings(body, behaviour, res);
    if (req.method === 'POST' && path === '/v1/completions') return this.completions(body, behaviour, res);
    if (req.method === 'POST' && path === '/v1/responses') return this.responses(body, behaviour, res);
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'mock-gpt', object: 'model', created: 0, owned_by: 'mock' }] });
    }
    return sendError(res, 404, `Unknown path ${path}`, 'unknown_url');
  }

  private async chat(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): Promise<void> {
    const messages = Array.isArray(body.messages) ? (body.messages as { role?: unknown; content?: unknown }[]) : null;
    if (!messages || messages.length === 0) return sendError(res, 400, "Missing required parameter: 'messages'.", 'missing_required_parameter');
    const model = String(body.model ?? 'mock-gpt');
    const id = `chatcmpl-mock${++this.counter}`;
    const created = Math.floor(Date.now() / 1000);
    const reply = replyTo(messages);
    const usage = { prompt_tokens: promptTokensOf(messages), completion_tokens: behaviour.completion_tokens ?? completionTokensOf(reply), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (behaviour.cached_tokens !== undefined) Object.assign(usage, { prompt_tokens_details: { cached_tokens: behaviour.cached_tokens } });
    const withUsage = behaviour.mode !== 'no_usage';

    if (body.stream !== true) {
      return sendJson(res, 200, {
        id, object: 'chat.completion', created, model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        ...(withUsage ? { usage } : {}),
        system_fingerprint: 'fp_mock',
      });
    }
    const base = { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_mock' };
    const chunks: Record<string, unknown>[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] },
      ...wordsOf(reply).map((w) => ({ ...base, choices: [{ index: 0, delta: { content: w }, logprobs: null, finish_reason: null }] })),
      { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] },
    ];
    if (wantsUsageChunk(body) && withUsage) chunks.push({ ...base, choices: [], usage });
    return this.stream(res, chunks, behaviour);
  }

  /** Legacy completions: `prompt` in, `choices[].text` out; streams like chat. */
  private async completions(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): Promise<void> {
    const prompts = typeof body.prompt === 'string' ? [body.prompt] : Array.isArray(body.prompt) ? body.prompt.map(String) : [];
    if (prompts.length === 0) return sendError(res, 400, "Missing required parameter: 'prompt'.", 'missing_required_parameter');
    const id = `cmpl-mock${++this.counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = String(body.model ?? 'mock-gpt');
    const replies = prompts.map((p) => replyTo([{ role: 'user', content: p }]));
    const promptTokens = prompts.reduce((sum, p) => sum + Math.ceil(p.length / 4), 0);
    const completionTokens = behaviour.completion_tokens ?? replies.reduce((sum, r) => sum + completionTokensOf(r), 0);
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const withUsage = behaviour.mode !== 'no_usage';
    if (body.stream !== true) {
      return sendJson(res, 200, {
        id, object: 'text_completion', created, model,
        choices: replies.map((text, index) => ({ index, text, logprobs: null, finish_reason: 'stop' })),
        ...(withUsage ? { usage } : {}),
      });
    }
    const base = { id, object: 'text_completion', created, model };
    const chunks: Record<string, unknown>[] = replies.flatMap((reply, index) => [
      ...wordsOf(reply).map((w) => ({ ...base, choices: [{ index, text: w, logprobs: null, finish_reason: null }] })),
      { ...base, choices: [{ index, text: '', logprobs: null, finish_reason: 'stop' }] },
    ]);
    if (wantsUsageChunk(body) && withUsage) chunks.push({ ...base, choices: [], usage });
    return this.stream(res, chunks, behaviour);
  }

  /** The Responses API, non-streaming: `input` (a string or messages) in, a `message` output item out. */
  private responses(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): void {
    const input = body.input;
    const messages = typeof input === 'string' ? [{ role: 'user', content: input }] : Array.isArray(input) ? (input as { role?: unknown; content?: unknown }[]) : [];
    if (messages.length === 0) return sendError(res, 400, "Missing required parameter: 'input'.", 'missing_required_parameter');
    const reply = replyTo(messages);
    const inputTokens = promptTokensOf(messages);
    const outputTokens = behaviour.completion_tokens ?? completionTokensOf(reply);
    sendJson(res, 200, {
      id: `resp_mock${++this.counter}`, object: 'response', created_at: Math.floor(Date.now() / 1000), status: 'completed',
      model: String(body.model ?? 'mock-gpt'), error: null, incomplete_details: null,
      output: [{ type: 'message', id: `msg_mock${this.counter}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: reply, annotations: [] }] }],
      ...(behaviour.mode !== 'no_usage' ? {
        usage: {
          input_tokens: inputTokens, input_tokens_details: { cached_tokens: behaviour.cached_tokens ?? 0 }, output_tokens: outputTokens,
          output_tokens_details: { reasoning_tokens: 0 }, total_tokens: inputTokens + outputTokens,
        },
      } : {}),
    });
  }

  /** SSE `data:` events, then `[DONE]`; `cut` drops the connection after `after_chunks`. */
  private async stream(res: ServerResponse, chunks: Record<string, unknown>[], behaviour: MockBehaviour): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    let sent = 0;
    for (const chunk of chunks) {
      if (behaviour.mode === 'cut' && sent >= (behaviour.after_chunks ?? 2)) {
        await sleep(50); // let what was written reach the caller before the connection drops
        res.destroy();
        return;
      }
      if (behaviour.chunk_delay_ms) await sleep(behaviour.chunk_delay_ms);
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      sent++;
    }
    res.end('data: [DONE]\n\n');
  }

  private embeddings(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): void {
    const input = body.input;
    const inputs: string[] = typeof input === 'string' ? [input] : Array.isArray(input) ? input.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))) : [];
    if (inputs.length === 0) return sendError(res, 400, "Missing required parameter: 'input'.", 'missing_required_parameter');
    const dimensions = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.min(body.dimensions, 4096) : 8;
    const base64 = body.encoding_format === 'base64';
    const data = inputs.map((text, index) => {
      const vector = embeddingOf(text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? base64Floats(vector) : vector };
    });
    const promptTokens = inputs.reduce((sum, t) => sum + Math.ceil(t.length / 4), 0);
    sendJson(res, 200, {
      object: 'list', data, model: String(body.model ?? 'mock-embedding'),
      ...(behaviour.mode !== 'no_usage' ? { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } } : {}),
    });
  }
}
