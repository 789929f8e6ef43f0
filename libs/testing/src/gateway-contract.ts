import { buildOpenApiDocument } from '@switchyard/openapi';
import { AnswerToCheck, OpenApiChecker } from './openapi-check';
import { recordResponseDrift } from './response-drift';
import { createValidatingFetch } from './validating-fetch';

let checker: OpenApiChecker | undefined;

/**
 * The gateway's OpenAPI document as a checker, built on first use. A request no operation serves
 * (an unknown path, or a method its path does not have) gets the gateway's 404, in the envelope of
 * the API the path belongs to.
 */
export function gatewayChecker(): OpenApiChecker {
  checker ??= new OpenApiChecker(buildOpenApiDocument(), {
    unknownRoute: {
      status: 404,
      response: {
        description: 'No route serves this method and path',
        content: {
          'application/json': {
            schema: { anyOf: ['OpenAIError', 'AnthropicError', 'GeminiError'].map((name) => ({ $ref: `#/components/schemas/${name}` })) },
          },
        },
      },
    },
  });
  return checker;
}

/** Checks one answer of the gateway against its document; a mismatch is recorded for the end of the test and thrown. */
export function checkGatewayAnswer(answer: AnswerToCheck): void {
  try {
    gatewayChecker().check(answer);
  } catch (error) {
    recordResponseDrift(error as Error);
    throw error;
  }
}

/**
 * `fetch` for every request the tests send the gateway: each answer is checked against the
 * OpenAPI document (see createValidatingFetch). Pass it as `fetch` to the OpenAI and Anthropic SDKs.
 */
export const validatingFetch = createValidatingFetch(gatewayChecker);
