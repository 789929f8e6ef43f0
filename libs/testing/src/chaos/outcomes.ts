import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

/**
 * What became of one request:
 *   ok               a whole answer
 *   clean_error      an error in the caller's own format: an HTTP status with the OpenAI error envelope, or an SSE error event
 *   connection_error the connection closed without an answer (all a client can get from a gateway that was killed)
 *   hung             no answer and no error before the caller's deadline
 *   unclean          anything else: a stream that ended without finishing or an error event, a body that is not the API's
 */
export type Outcome = 'ok' | 'clean_error' | 'connection_error' | 'hung' | 'unclean';
export const OUTCOMES: Outcome[] = ['ok', 'clean_error', 'connection_error', 'hung', 'unclean'];

export interface RequestRecord {
  kind: 'chat' | 'stream' | 'upload' | 'probe';
  startedAt: number;
  endedAt: number;
  outcome: Outcome;
  status?: number;
  requestId?: string;
  detail?: string;
}

/** Sorts a thrown error into an outcome; `deadlinePassed` when the caller's own deadline aborted it. */
export function outcomeOfError(error: unknown, deadlinePassed: boolean): { outcome: Outcome; status?: number; detail: string } {
  const detail = error instanceof Error ? `${error.constructor.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
  if (deadlinePassed) return { outcome: 'hung', detail };
  if (error instanceof OpenAI.APIConnectionError) return { outcome: 'connection_error', detail };
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { message?: unknown; type?: unknown } | undefined;
    const envelope = typeof body?.message === 'string' && body.message.length > 0 && typeof body.type === 'string';
    return { outcome: envelope ? 'clean_error' : 'unclean', status: error.status, detail };
  }
  // undici's "terminated" / socket errors while a stream body is read
  if (error instanceof TypeError && /terminated|fetch failed|socket/i.test(`${error.message} ${String(error.cause)}`))
    return { outcome: 'connection_error', detail };
  return { outcome: 'unclean', detail };
}

/** outcomeOfError for a caller of `@anthropic-ai/sdk`: a clean error is Anthropic's own envelope (`{"type":"error","error":{…}}`). */
export function anthropicOutcomeOfError(error: unknown, deadlinePassed: boolean): { outcome: Outcome; status?: number; detail: string } {
  const detail = error instanceof Error ? `${error.constructor.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
  if (deadlinePassed) return { outcome: 'hung', detail };
  if (error instanceof Anthropic.APIConnectionError) return { outcome: 'connection_error', detail };
  if (error instanceof Anthropic.APIError) {
    const body = error.error as { type?: unknown; error?: { type?: unknown; message?: unknown } } | undefined;
    const envelope = body?.type === 'error' && typeof body.error?.type === 'string' && typeof body.error.message === 'string';
    return { outcome: envelope ? 'clean_error' : 'unclean', status: error.status, detail };
  }
  return { outcome: 'unclean', detail };
}

export function countOutcomes(records: RequestRecord[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of records) counts[r.outcome]++;
  return counts;
}

/** What the requests that did not succeed got, by kind: e.g. `upload 503 ×12, stream error event ×2`. */
export function failureSummary(records: RequestRecord[]): string {
  const groups = new Map<string, number>();
  for (const r of records.filter((r) => r.outcome !== 'ok')) {
    const what = r.outcome === 'clean_error' ? (r.status ? String(r.status) : 'error event') : r.outcome.replace('_', ' ');
    const key = `${r.kind} ${what}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => `${key} ×${n}`).join(', ') || 'none';
}
