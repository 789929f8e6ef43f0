import { BodyExpectation, OpenApiChecker } from './openapi-check';
import { recordResponseDrift, trackResponseCheck } from './response-drift';

type Fetch = typeof globalThis.fetch;

/** The method and path of an HTTP request; null for another scheme (the SDKs probe their fetch with a `data:` URL). */
function requestLine(input: string | URL | Request, init?: RequestInit): { method: string; path: string } | null {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  return { method: method.toUpperCase(), path: `${url.pathname}${url.search}` };
}

/** The text of a body as far as it arrives: a stream the caller aborted, or a connection that broke, is checked up to there. */
async function textThatArrives(response: Response): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of response.body) text += decoder.decode(chunk, { stream: true });
  } catch {
    // what arrived is checked; an event the stream ended in the middle of is not an event
  }
  return text + decoder.decode();
}

/** Records a failed check (so a caller that swallows it still fails its test) and hands it back to throw. */
function noted(error: unknown): unknown {
  recordResponseDrift(error instanceof Error ? error : new Error(String(error)));
  return error;
}

/**
 * A `fetch` that checks every answer against the OpenAPI document of `checker` and hands the caller
 * the answer untouched. Status, headers and JSON bodies are checked before the answer is handed
 * over (a mismatch throws a ResponseDriftError); an event stream is checked on a clone while the
 * caller reads it (a mismatch is recorded, and fails the test at its end); bytes are not read.
 */
export function createValidatingFetch(checker: () => OpenApiChecker, base: Fetch = (input, init) => globalThis.fetch(input, init)): Fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const request = requestLine(input, init);
    if (!request) return response;
    let body: BodyExpectation;
    try {
      body = checker().expect({ ...request, status: response.status, headers: response.headers });
    } catch (error) {
      throw noted(error);
    }
    switch (body.kind) {
      case 'empty':
      case 'json': {
        // a caller that aborted meanwhile gets its abort from its own reads; there is nothing to check
        const text = await response
          .clone()
          .text()
          .catch(() => undefined);
        try {
          if (text !== undefined) body.check(text);
        } catch (error) {
          throw noted(error);
        }
        break;
      }
      case 'event-stream': {
        const expectation = body;
        trackResponseCheck(textThatArrives(response.clone()).then((text) => expectation.check(text)));
        break;
      }
      case 'opaque':
        break;
    }
    return response;
  };
}

/** Plain `fetch`, for answers that are not the gateway's (the mock upstream, the embedded S3): nothing to check them against. */
export const uncheckedFetch: Fetch = (input, init) => globalThis.fetch(input, init);
