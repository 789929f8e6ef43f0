import { json, type Operation } from '../catalog';
import { ref, str } from '../schemas/schema-kit';

const HEALTHY = {
  status: 'ok',
  down: [],
  services: {
    gateway: { status: 'ok', event_loop_delay_ms: { p50_ms: 10.1, p99_ms: 11.2, max_ms: 12.4 } },
    router: { status: 'ok', instance: 'rtr_3kF9aB2cD4eF6gH8iJ0kL2mN', checks: { postgres: 'ok', nats: 'ok' }, event_loop_delay_ms: null },
  },
};

/** What answers without a key: the health check and this document. */
export const SERVICE_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tag: 'Health',
    summary: 'Check that every service answers',
    description:
      'For the launcher, load balancers and orchestrators: no key, no rate limit. Each service reports its event-loop delay since the previous check.',
    access: 'public',
    responses: {
      200: json('Every service answered', 'Health', HEALTHY),
      503: json('A service did not answer: `down` names it', ref('Health'), {
        status: 'unavailable',
        down: ['billing'],
        services: { ...HEALTHY.services, billing: { status: 'down', error: 'The billing service is unavailable (no responders)' } },
      }),
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiJson',
    tag: 'Reference',
    summary: 'Download this document as JSON',
    description: 'OpenAPI 3.0.3, generated from the schemas the gateway validates requests with.',
    access: 'public',
    local: true,
    responses: {
      200: json(
        'The document',
        { type: 'object', additionalProperties: true, description: 'An OpenAPI 3.0.3 document' },
        { openapi: '3.0.3', info: { title: 'Switchyard API' } },
      ),
    },
  },
  {
    method: 'get',
    path: '/openapi.yaml',
    operationId: 'getOpenApiYaml',
    tag: 'Reference',
    summary: 'Download this document as YAML',
    access: 'public',
    local: true,
    responses: {
      200: {
        description: 'The document',
        content: {
          'application/yaml': {
            schema: str('An OpenAPI 3.0.3 document in YAML'),
            example: 'openapi: 3.0.3\ninfo:\n  title: Switchyard API\n',
          },
        },
      },
    },
  },
];
