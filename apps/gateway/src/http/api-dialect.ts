import { ANTHROPIC_FILES_BETA } from '@switchyard/contracts';

function betaFlags(headers: Record<string, string | string[] | undefined>): string[] {
  const raw = headers['anthropic-beta'];
  return (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/**
 * Requests answered in Anthropic's shapes and error envelope: the Messages API, and `/v1/files`
 * with the Files beta flag or sent by an Anthropic client (`anthropic-version`, or the SDK's
 * `?beta=true` on beta paths).
 */
export function speaksAnthropic(request: { url: string; headers: Record<string, string | string[] | undefined> }): boolean {
  const [path, query = ''] = request.url.split('?');
  if (path === '/v1/messages' || path.startsWith('/v1/messages/')) return true;
  if (!path.startsWith('/v1/files')) return false;
  return (
    betaFlags(request.headers).includes(ANTHROPIC_FILES_BETA) ||
    request.headers['anthropic-version'] !== undefined ||
    new URLSearchParams(query).get('beta') === 'true'
  );
}

/** Gemini's native routes answer in Google's error envelope. */
export function speaksGemini(request: { url: string }): boolean {
  return request.url.startsWith('/v1beta/');
}
