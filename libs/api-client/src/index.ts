import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

/** A client of the whole public API: one typed method per HTTP verb, paths and bodies as the OpenAPI document has them. */
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** the gateway's origin, e.g. `http://127.0.0.1:8080` */
  baseUrl: string;
  /** sent as `Authorization: Bearer …`; without it the client reaches only the public routes */
  apiKey?: string | null;
  /** another fetch, e.g. one that checks every answer against the document */
  fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient({ baseUrl, apiKey, fetch }: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl,
    ...(fetch && { fetch }),
    ...(apiKey && { headers: { authorization: `Bearer ${apiKey}` } }),
  });
}

/** What an answer that was not a success said: its status and body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    url: string,
  ) {
    super(`${url} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** The body of a successful answer; an {@link ApiError} for any other. */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  const { response } = answer;
  if (!response.ok) throw new ApiError(response.status, answer.error, response.url);
  return answer.data as T;
}
