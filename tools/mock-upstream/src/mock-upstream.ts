import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { AnthropicApi, sendAnthropicError } from './anthropic-api';
import { speech, transcription } from './audio-api';
import { base64Floats, completionTokensOf, embeddingOf, paddedReply, promptTokensOf, replyTo, wordsOf } from './answers';
import { GeminiApi, sendGeminiError } from './gemini-api';
import { MockBehaviour, readBody, sendJson, sleep, streamEvents } from './http-kit';
import { TasksApi } from './tasks-api';

function wantsUsageChunk(body: Record<string, unknown>): boolean {
  return (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** the key presented, whichever header carried it */
  apiKey: string | undefined;
  headers: Record<string, string | string[] | undefined>;
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

function sendError(res: ServerResponse, status: number, message: string, code: string | null, headers: Record<string, string> = {}): void {
  const type =
    status === 401 ? 'invalid_request_error' : status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  return text ? JSON.parse(text) : {};
}

type WireFormat = 'openai' | 'anthropic' | 'gemini';

/** The decoded size of an edit's input images (data URLs), to show they arrived whole. */
function inputImageBytes(body: Record<string, unknown>): number {
  const images = Array.isArray(body.images) ? (body.images as { image_url?: unknown }[]) : [];
  return images.reduce((sum, i) => {
    const match = /^data:[^;]+;base64,(.*)$/s.exec(typeof i?.image_url === 'string' ? i.image_url : '');
    return sum + (match ? Buffer.from(match[1], 'base64').length : 0);
  }, 0);
}

/** Which provider's API a path belongs to: it decides the auth header and the error envelope. */
function formatOf(path: string): WireFormat {
  if (path.startsWith('/v1/messages') || path.startsWith('/v1/files')) return 'anthropic';
  if (path.startsWith('/v1beta/')) return 'gemini';
  return 'openai';
}

/** The key a request presents, in whichever header its provider uses (OpenAI, Azure, Anthropic, Gemini). */
function presentedKey(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const header = (name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : undefined);
  return bearer ?? header('api-key') ?? header('x-api-key') ?? header('x-goog-api-key') ?? query.get('key') ?? undefined;
}

function sendFormatError(
  format: WireFormat,
  res: ServerResponse,
  status: number,
  message: string,
  code: string | null,
  headers: Record<string, string> = {},
): void {
  if (format === 'anthropic') return sendAnthropicError(res, status, message, headers);
  if (format === 'gemini') return sendGeminiError(res, status, message, headers);
  sendError(res, status, message, code, headers);
}

/** How many requests carrying one tally tag arrived, and how many got a whole 2xx answer. */
export interface TallyCount {
  received: number;
  answered: number;
}

/** A body that names `tally:<tag>` anywhere is counted under that tag, without the 1000-request cap of the request log. */
const TALLY_TAG = /tally:([A-Za-z0-9_-]{1,64})/;

export class MockUpstream {
  private server: Server | null = null;
  private behaviour: MockBehaviour = {};
  readonly requests: RecordedRequest[] = [];
  readonly tally = new Map<string, TallyCount>();
  private counter = 0;
  private readonly anthropic = new AnthropicApi();
  private readonly gemini = new GeminiApi();
  private readonly tasks = new TasksApi();
  private readonly storedResponses = new Map<
    string,
    { response: Record<string, unknown>; input: { role?: unknown; content?: unknown }[] }
  >();

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
      this.behaviour = (await readJson(req)) ?? {};
      return sendJson(res, 200, { ok: true, behaviour: this.behaviour });
    }
    if (path === '/__mock/requests') {
      if (req.method === 'DELETE') this.requests.length = 0;
      return sendJson(res, 200, { data: this.requests });
    }
    if (path === '/__mock/tally') return sendJson(res, 200, { data: Object.fromEntries(this.tally) });
    if (path === '/health') return sendJson(res, 200, { ok: true });

    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const format = formatOf(path);
    const apiKey = presentedKey(req, query);
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
    let body: Record<string, unknown> = {};
    if (!multipart) {
      try {
        body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
      } catch {
        return sendFormatError(format, res, 400, 'We could not parse the JSON body of your request.', 'invalid_json');
      }
    }
    this.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization, apiKey, headers: req.headers, body });
    if (this.requests.length > 1000) this.requests.shift();
    this.count(body, res);

    if (this.options.apiKey && apiKey !== this.options.apiKey) {
      return sendFormatError(format, res, 401, 'Incorrect API key provided.', 'invalid_api_key');
    }
    if (format === 'anthropic' && !req.headers['anthropic-version'])
      return sendAnthropicError(res, 400, 'anthropic-version: header is required');
    const behaviour: MockBehaviour = { ...this.behaviour, ...((body.mock as MockBehaviour) ?? {}) };
    const delay = (this.options.latencyMs ?? 0) + (behaviour.delay_ms ?? 0);
    if (behaviour.mode === 'stall') return; // never answers; the caller's timeout must fire
    if (delay > 0) await sleep(delay);
    if (behaviour.mode === 'reset') return void res.destroy();
    if (behaviour.mode === 'wrong_type') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>upstream maintenance page</body></html>');
    }
    if (behaviour.mode === 'fail') {
      const status = behaviour.status ?? 500;
      const headers: Record<string, string> = behaviour.retry_after !== undefined ? { 'retry-after': String(behaviour.retry_after) } : {};
      return sendFormatError(
        format,
        res,
        status,
        behaviour.message ?? `mock upstream failure ${status}`,
        status === 429 ? 'rate_limit_exceeded' : null,
        headers,
      );
    }

    const post = req.method === 'POST';
    // Azure OpenAI: /openai/deployments/{deployment}/{operation}?api-version=…
    const azure = /^\/openai\/deployments\/[^/]+(\/.+)$/.exec(path);
    const openAiPath = azure ? (query.get('api-version') ? `/v1${azure[1]}` : '/missing-api-version') : path;
    if (post && openAiPath === '/v1/chat/completions') return this.chat(body, behaviour, res);
    if (post && openAiPath === '/v1/embeddings') return this.embeddings(body, behaviour, res);
    if (post && path === '/v1/completions') return this.completions(body, behaviour, res);
    if (post && path === '/v1/responses') return this.responses(body, behaviour, res);
    const stored = /^\/v1\/responses\/([^/]+)(\/input_items)?$/.exec(path);
    if (stored) return this.storedResponse(req.method ?? 'GET', stored[1], Boolean(stored[2]), res);
    if (post && openAiPath === '/v1/images/generations') return this.images(body, res, `image of ${String(body.prompt)}`);
    if (post && path === '/v1/images/edits')
      return this.images(body, res, `edit of ${inputImageBytes(body)} bytes: ${String(body.prompt)}`);
    const task = /^\/v1\/(videos|music|3d)(?:\/([^/]+))?(\/content)?$/.exec(path);
    if (task && post && !task[2]) return this.tasks.create(task[1], body, behaviour.task_ms, res);
    if (task && req.method === 'GET' && task[2]) return task[3] ? this.tasks.content(task[2], res) : this.tasks.get(task[2], res);
    if (post && path === '/v1/rerank') return this.rerank(body, res);
    if (post && path === '/v1/audio/speech') return speech(body, behaviour, res);
    if (post && path === '/v1/audio/transcriptions' && multipart) return transcription(req, res);
    if (post && path === '/v1/messages') return this.anthropic.messages(body, behaviour, res);
    if (post && path === '/v1/messages/count_tokens') return this.anthropic.countTokens(body, res);
    if (post && path === '/v1/files' && multipart) return this.anthropic.upload(req, res);
    const anthropicFile = /^\/v1\/files\/([^/]+)$/.exec(path);
    if (anthropicFile) return this.anthropic.file(req.method ?? 'GET', anthropicFile[1], res);
    const gemini = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(path);
    if (post && gemini) return this.gemini.generate(gemini[1], body, behaviour, gemini[2] === 'streamGenerateContent', res);
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'mock-gpt', object: 'model', created: 0, owned_by: 'mock' }] });
    }
    return sendFormatError(format, res, 404, `Unknown path ${path}`, 'unknown_url');
  }

  /** Counts a tagged request on arrival, and again when its whole 2xx answer has been written. */
  private count(body: unknown, res: ServerResponse): void {
    const tag = TALLY_TAG.exec(JSON.stringify(body))?.[1];
    if (!tag) return;
    const entry = this.tally.get(tag) ?? { received: 0, answered: 0 };
    this.tally.set(tag, entry);
    entry.received++;
    res.on('finish', () => {
      if (res.statusCode >= 200 && res.statusCode < 300) entry.answered++;
    });
  }

  private async chat(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): Promise<void> {
    const messages = Array.isArray(body.messages) ? (body.messages as { role?: unknown; content?: unknown }[]) : null;
    if (!messages || messages.length === 0)
      return sendError(res, 400, "Missing required parameter: 'messages'.", 'missing_required_parameter');
    const model = String(body.model ?? 'mock-gpt');
    const id = `chatcmpl-mock${++this.counter}`;
    const created = Math.floor(Date.now() / 1000);
    const reply = paddedReply(replyTo(messages), behaviour.reply_chars);
    const usage = {
      prompt_tokens: promptTokensOf(messages),
      completion_tokens: behaviour.completion_tokens ?? completionTokensOf(reply),
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (behaviour.cached_tokens !== undefined) Object.assign(usage, { prompt_tokens_details: { cached_tokens: behaviour.cached_tokens } });
    const withUsage = behaviour.mode !== 'no_usage';
    // with tools offered and no tool result yet, the model calls the first tool with the echo
    const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: string } }[]) : [];
    const toolCall =
      tools.length > 0 && messages.at(-1)?.role !== 'tool'
        ? {
            id: `call_mock${this.counter}`,
            type: 'function',
            function: { name: String(tools[0].function?.name), arguments: JSON.stringify({ echo: reply }) },
          }
        : null;
    const finish = toolCall ? 'tool_calls' : 'stop';

    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply, refusal: null, ...(toolCall && { tool_calls: [toolCall] }) },
            logprobs: null,
            finish_reason: finish,
          },
        ],
        ...(withUsage ? { usage } : {}),
        system_fingerprint: 'fp_mock',
      });
    }
    const base = { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_mock' };
    const chunks: Record<string, unknown>[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] },
      ...wordsOf(reply).map((w) => ({ ...base, choices: [{ index: 0, delta: { content: w }, logprobs: null, finish_reason: null }] })),
      ...(toolCall
        ? [{ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, ...toolCall }] }, logprobs: null, finish_reason: null }] }]
        : []),
      { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finish }] },
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
        id,
        object: 'text_completion',
        created,
        model,
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

  /** The Responses API: `input` (a string or messages) in, a `message` output item out; streamed as typed events. */
  private responses(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): void | Promise<void> {
    const input = body.input;
    const messages =
      typeof input === 'string'
        ? [{ role: 'user', content: input }]
        : Array.isArray(input)
          ? (input as { role?: unknown; content?: unknown }[])
          : [];
    if (messages.length === 0) return sendError(res, 400, "Missing required parameter: 'input'.", 'missing_required_parameter');
    const reply = replyTo(messages);
    const inputTokens = promptTokensOf(messages);
    const outputTokens = behaviour.completion_tokens ?? completionTokensOf(reply);
    const id = `resp_mock${++this.counter}`;
    const item = {
      type: 'message',
      id: `msg_mock${this.counter}`,
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: reply, annotations: [] }],
    };
    const response = {
      id,
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      status: 'completed',
      model: String(body.model ?? 'mock-gpt'),
      error: null,
      incomplete_details: null,
      output: [item],
      ...(behaviour.mode !== 'no_usage'
        ? {
            usage: {
              input_tokens: inputTokens,
              input_tokens_details: { cached_tokens: behaviour.cached_tokens ?? 0 },
              output_tokens: outputTokens,
              output_tokens_details: { reasoning_tokens: 0 },
              total_tokens: inputTokens + outputTokens,
            },
          }
        : {}),
    };
    if (body.store !== false) this.storedResponses.set(id, { response, input: messages });
    if (body.stream !== true) return sendJson(res, 200, response);
    const events: Record<string, unknown>[] = [
      { type: 'response.created', response: { ...response, status: 'in_progress', output: [], usage: null } },
      { type: 'response.output_item.added', output_index: 0, item: { ...item, status: 'in_progress', content: [] } },
      {
        type: 'response.content_part.added',
        item_id: item.id,
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      },
      ...wordsOf(reply).map((delta) => ({
        type: 'response.output_text.delta',
        item_id: item.id,
        output_index: 0,
        content_index: 0,
        delta,
      })),
      { type: 'response.output_text.done', item_id: item.id, output_index: 0, content_index: 0, text: reply },
      { type: 'response.content_part.done', item_id: item.id, output_index: 0, content_index: 0, part: item.content[0] },
      { type: 'response.output_item.done', output_index: 0, item },
      { type: 'response.completed', response },
    ];
    return streamEvents(
      res,
      events.map((data, sequence_number) => ({ event: data.type as string, data: { ...data, sequence_number } })),
      behaviour,
      null,
    );
  }

  /** Relevance = the share of the query's words a document contains; ties keep document order. */
  private rerank(body: Record<string, unknown>, res: ServerResponse): void {
    const documents = Array.isArray(body.documents)
      ? (body.documents as (string | { text: string })[]).map((d) => (typeof d === 'string' ? d : d.text))
      : [];
    if (typeof body.query !== 'string' || documents.length === 0)
      return sendError(res, 400, "Missing required parameter: 'query' or 'documents'.", 'missing_required_parameter');
    const words = body.query.toLowerCase().split(/\W+/).filter(Boolean);
    const scored = documents.map((text, index) => ({
      index,
      relevance_score: words.filter((w) => text.toLowerCase().includes(w)).length / Math.max(words.length, 1),
      text,
    }));
    scored.sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
    const top = typeof body.top_n === 'number' ? scored.slice(0, body.top_n) : scored;
    const tokens = Math.ceil((body.query.length + documents.join('').length) / 4);
    sendJson(res, 200, {
      id: `rerank-mock${++this.counter}`,
      model: String(body.model ?? 'mock-rerank'),
      results: top.map(({ index, relevance_score, text }) => ({
        index,
        relevance_score,
        ...(body.return_documents === true && { document: { text } }),
      })),
      usage: { total_tokens: tokens },
    });
  }

  /** Images as base64 of a text saying what was drawn, so tests can check what the upstream received. */
  private images(body: Record<string, unknown>, res: ServerResponse, what: string): void {
    if (typeof body.prompt !== 'string' || !body.prompt)
      return sendError(res, 400, "Missing required parameter: 'prompt'.", 'missing_required_parameter');
    const n = typeof body.n === 'number' ? body.n : 1;
    const data = Array.from({ length: n }, (_, i) => ({ b64_json: Buffer.from(`${what} #${i + 1}`).toString('base64') }));
    sendJson(res, 200, {
      created: Math.floor(Date.now() / 1000),
      data,
      usage: { input_tokens: Math.ceil(body.prompt.length / 4), output_tokens: 0, total_tokens: Math.ceil(body.prompt.length / 4) },
    });
  }

  private storedResponse(method: string, id: string, inputItems: boolean, res: ServerResponse): void {
    const stored = this.storedResponses.get(id);
    if (!stored) return sendError(res, 404, `Response with id '${id}' not found.`, null);
    if (method === 'DELETE') {
      this.storedResponses.delete(id);
      return sendJson(res, 200, { id, object: 'response', deleted: true });
    }
    if (inputItems) {
      const data = stored.input.map((m, i) => ({
        id: `msg_in${i}`,
        type: 'message',
        role: m.role,
        content: [{ type: 'input_text', text: typeof m.content === 'string' ? m.content : '' }],
      }));
      return sendJson(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
    }
    sendJson(res, 200, stored.response);
  }

  /** SSE `data:` events, then `[DONE]`. */
  private stream(res: ServerResponse, chunks: Record<string, unknown>[], behaviour: MockBehaviour): Promise<void> {
    return streamEvents(
      res,
      chunks.map((data) => ({ data })),
      behaviour,
      '[DONE]',
    );
  }

  private embeddings(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): void {
    const input = body.input;
    const inputs: string[] =
      typeof input === 'string' ? [input] : Array.isArray(input) ? input.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))) : [];
    if (inputs.length === 0) return sendError(res, 400, "Missing required parameter: 'input'.", 'missing_required_parameter');
    const dimensions = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.min(body.dimensions, 4096) : 8;
    const base64 = body.encoding_format === 'base64';
    const data = inputs.map((text, index) => {
      const vector = embeddingOf(text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? base64Floats(vector) : vector };
    });
    const promptTokens = inputs.reduce((sum, t) => sum + Math.ceil(t.length / 4), 0);
    sendJson(res, 200, {
      object: 'list',
      data,
      model: String(body.model ?? 'mock-embedding'),
      ...(behaviour.mode !== 'no_usage' ? { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } } : {}),
    });
  }
}
