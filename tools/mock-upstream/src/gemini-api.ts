import { ServerResponse } from 'http';
import { completionTokensOf, promptTokensOf, replyTo, wordsOf } from './answers';
import { MockBehaviour, sendJson, streamEvents } from './http-kit';

type Part = Record<string, any>;

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function sendGeminiError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code: status, message, status: statusNames[status] ?? 'UNKNOWN' } }, headers);
}

/** `generateContent` and `streamGenerateContent?alt=sse` of the Gemini API. */
export class GeminiApi {
  private counter = 0;

  async generate(model: string, body: Record<string, any>, behaviour: MockBehaviour, stream: boolean, res: ServerResponse): Promise<void> {
    const contents = Array.isArray(body.contents) ? (body.contents as { role?: string; parts?: Part[] }[]) : [];
    if (contents.length === 0) return sendGeminiError(res, 400, '* GenerateContentRequest.contents: contents is not specified');
    const messages = contents.map((c) => ({
      role: c.role === 'model' ? 'assistant' : 'user',
      content: (c.parts ?? []).map((p) => ({ text: typeof p.text === 'string' ? p.text : '' })),
    }));
    const reply = replyTo(messages);
    const declarations = (body.tools ?? []).flatMap((t: { functionDeclarations?: Part[] }) => t.functionDeclarations ?? []);
    const answered = contents.at(-1)?.parts?.some((p) => p.functionResponse) ?? false;
    const call = declarations.length > 0 && !answered ? { functionCall: { name: declarations[0].name, args: { echo: reply } } } : null;
    const cached = behaviour.cached_tokens ?? 0;
    const prompt = promptTokensOf(messages);
    const output = behaviour.completion_tokens ?? completionTokensOf(reply);
    const usageMetadata = {
      promptTokenCount: prompt,
      candidatesTokenCount: output,
      totalTokenCount: prompt + output,
      ...(cached > 0 && { cachedContentTokenCount: cached }),
    };
    const responseId = `gem-mock${++this.counter}`;
    const withUsage = behaviour.mode !== 'no_usage';
    if (!stream) {
      return sendJson(res, 200, {
        candidates: [
          { content: { role: 'model', parts: call ? [{ text: reply }, call] : [{ text: reply }] }, finishReason: 'STOP', index: 0 },
        ],
        ...(withUsage && { usageMetadata }),
        modelVersion: model,
        responseId,
      });
    }
    const words = wordsOf(reply);
    const events = words.map((w, i) => {
      const last = i === words.length - 1;
      const parts = last && call ? [{ text: w }, call] : [{ text: w }];
      return {
        data: {
          candidates: [{ content: { role: 'model', parts }, index: 0, ...(last && { finishReason: 'STOP' }) }],
          ...(withUsage && { usageMetadata: last ? usageMetadata : { promptTokenCount: prompt, totalTokenCount: prompt } }),
          modelVersion: model,
          responseId,
        },
      };
    });
    return streamEvents(res, events, behaviour, null);
  }
}
