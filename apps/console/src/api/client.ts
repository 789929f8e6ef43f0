import { ApiError, createApiClient, type ApiClient } from '@switchyard/api-client';

/**
 * The console calls the public API from the page's own origin. The browser sends the session cookie
 * (HttpOnly: no script reads it) with every same-origin request; no key is kept anywhere in the page.
 */
let client: ApiClient | null = null;

/** Who to tell when an answer says the session is gone (the session context: back to sign-in). */
const unauthorizedListeners = new Set<() => void>();

export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/**
 * A 401 means the session expired or was revoked, unless it is a sign-in's own answer to wrong
 * credentials (`invalid_credentials`): that one is the form's to show.
 */
export async function endsTheSession(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return (body as { error?: { code?: unknown } } | null)?.error?.code !== 'invalid_credentials';
}

/** `fetch` for the console: same origin, the session cookie, and a session that ended sends the viewer to sign-in. */
export async function sessionFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (await endsTheSession(response)) {
    for (const listener of unauthorizedListeners) listener();
  }
  return response;
}

export function api(): ApiClient {
  client ??= createApiClient({ baseUrl: window.location.origin, fetch: sessionFetch });
  return client;
}

/** An error envelope's message, or a sentence for an answer that had none. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const body = error.body as { error?: { message?: unknown } } | undefined;
    if (body && typeof body.error?.message === 'string') return body.error.message;
    return `The server answered ${error.status}.`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** An error envelope's code, when the answer had one. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const code = (error.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A call to a route of the console contract (the backend helpers' routes, not yet in the generated
 * schema): typed by the caller against contract-types.ts. Same origin, same cookie, same errors as
 * the typed client; a 204 gives undefined.
 */
export async function callRoute<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const response = await sessionFetch(new Request(new URL(path, window.location.origin), init));
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, parsed, response.url || path);
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The body of a typed-client answer, or the {@link ApiError} it was. */
export { ApiError, dataOf } from '@switchyard/api-client';
