import { IncomingMessage, ServerResponse } from 'http';
import busboy from 'busboy';
import { completionTokensOf, promptTokensOf, replyTo, wordsOf } from './answers';
import { MockBehaviour, sendJson, streamEvents } from './http-kit';

type Block = Record<string, any>;
type Message = { role?: string; content?: string | Block[] };

export function sendAnthropicError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const type =
    status === 401
      ? 'authentication_error'
      : status === 404
        ? 'not_found_error'
        : status === 429
          ? 'rate_limit_error'
          : status >= 500
            ? 'api_error'
            : 'invalid_request_error';
  sendJson(res, status, { type: 'error', error: { type, message } }, headers);
}

interface StoredFile {
  id: string;
  filename: string;
  mime_type: string;
  size_bytes: number;
  created_at: string;
}

/** Anthropic's Messages, token counting and Files APIs, as far as the gateway uses them. */
export class AnthropicApi {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  /** Every `document`/`image` block with a file source must name a file uploaded to this upstream. */
  private unknownFileOf(messages: Message[]): string | null {
    for (const m of messages) {
      for (const block of Array.isArray(m.content) ? m.content : []) {
        const fileId = block?.source?.type === 'file' ? block.source.file_id : null;
        if (fileId && !this.files.has(fileId)) return fileId;
      }
    }
    return null;
  }

  async messages(body: Record<string, any>, behaviour: MockBehaviour, res: ServerResponse): Promise<void> {
    const messages = Array.isArray(body.messages) ? (body.messages as Message[]) : [];
    if (messages.length === 0) return sendAnthropicError(res, 400, 'messages: Field required');
    if (!Number.isInteger(body.max_tokens)) return sendAnthropicError(res, 400, 'max_tokens: Field required');
    const unknownFile = this.unknownFileOf(messages);
    if (unknownFile) return sendAnthropicError(res, 404, `File not found: ${unknownFile}`);
    const id = `msg_mock${++this.counter}`;
    const model = String(body.model ?? 'mock-claude');
    const reply = replyTo(messages);
    const lastIsToolResult = (messages.at(-1)?.content as Block[] | undefined)?.some?.((b) => b?.type === 'tool_result') ?? false;
    const tool = Array.isArray(body.tools) && body.tools.length > 0 && !lastIsToolResult ? body.tools[0] : null;
    const cacheRead = behaviour.cached_tokens ?? 0;
    const cacheWrite = behaviour.cache_write_tokens ?? 0;
    const input = Math.max(
      0,
      promptTokensOf(messages) + (typeof body.system === 'string' ? Math.ceil(body.system.length / 4) : 0) - cacheRead - cacheWrite,
    );
    const output = behaviour.completion_tokens ?? completionTokensOf(reply);
    const usage = {
      input_tokens: input,
      cache_creation_input_tokens: cacheWrite,
      cache_read_input_tokens: cacheRead,
      output_tokens: output,
    };
    const toolUse = tool && { type: 'tool_use', id: `toolu_mock${this.counter}`, name: tool.name, input: { echo: reply } };
    const withUsage = behaviour.mode !== 'no_usage';
    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: toolUse ? [{ type: 'text', text: reply }, toolUse] : [{ type: 'text', text: reply }],
        stop_reason: toolUse ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: withUsage ? usage : { input_tokens: 0, output_tokens: 0 },
      });
    }
    const events: { event: string; data: Record<string, unknown> }[] = [
      {
        event: 'message_start',
        data: {
          type: 'message_start',
          message: {
            id,
            type: 'message',
            role: 'assistant',
            model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { ...usage, output_tokens: 1 },
          },
        },
      },
      { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } },
      { event: 'ping', data: { type: 'ping' } },
      ...wordsOf(reply).map((w) => ({
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: w } },
      })),
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    ];
    if (toolUse) {
      events.push(
        { event: 'content_block_start', data: { type: 'content_block_start', index: 1, content_block: { ...toolUse, input: {} } } },
        {
          event: 'content_block_delta',
          data: { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: JSON.stringify(toolUse.input) } },
        },
        { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
      );
    }
    events.push(
      {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: toolUse ? 'tool_use' : 'end_turn', stop_sequence: null },
          usage: { output_tokens: withUsage ? output : 0 },
        },
      },
      { event: 'message_stop', data: { type: 'message_stop' } },
    );
    return streamEvents(res, events, behaviour, null);
  }

  countTokens(body: Record<string, any>, res: ServerResponse): void {
    const messages = Array.isArray(body.messages) ? (body.messages as Message[]) : [];
    if (messages.length === 0) return sendAnthropicError(res, 400, 'messages: Field required');
    sendJson(res, 200, { input_tokens: promptTokensOf(messages) });
  }

  /** `POST /v1/files` (multipart, one `file` part), as the Files beta answers it. */
  upload(req: IncomingMessage, res: ServerResponse): void {
    let stored: StoredFile | null = null;
    const parser = busboy({ headers: req.headers });
    parser.on('file', (_name, stream, info) => {
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('end', () => {
        stored = {
          id: `file_mock${++this.counter}`,
          filename: info.filename ?? 'upload',
          mime_type: info.mimeType,
          size_bytes: size,
          created_at: new Date().toISOString(),
        };
      });
    });
    parser.on('close', () => {
      if (!stored) return sendAnthropicError(res, 400, 'file: Field required');
      this.files.set(stored.id, stored);
      sendJson(res, 200, { ...stored, type: 'file', downloadable: false });
    });
    parser.on('error', () => sendAnthropicError(res, 400, 'Invalid multipart body'));
    req.pipe(parser);
  }

  file(method: string, id: string, res: ServerResponse): void {
    const file = this.files.get(id);
    if (!file) return sendAnthropicError(res, 404, `File not found: ${id}`);
    if (method === 'DELETE') {
      this.files.delete(id);
      return sendJson(res, 200, { id, type: 'file_deleted' });
    }
    sendJson(res, 200, { ...file, type: 'file', downloadable: false });
  }
}
