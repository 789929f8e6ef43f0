import { SetRoutingPolicyBody, UsageListRequest } from '@switchyard/contracts';
import { json, type Operation, withDefault } from '../catalog';
import { propertySchema } from '../class-schema';
import type { ParameterObject, Reference } from '../openapi-types';
import { parameter } from '../parameters';
import { MODEL_EXAMPLE, USAGE_DAILY_EXAMPLE, USAGE_RECORD_EXAMPLE } from './examples';

export const time = (name: 'from' | 'to', description: string): ParameterObject => ({
  name,
  in: 'query',
  description: `${description}: unix seconds or an ISO 8601 date or date-time, 1970 to 9999`,
  schema: { type: 'string', pattern: '^(\\d+|\\d{4}-\\d{2}-\\d{2}.*)$' },
  example: '2025-12-01',
});

/** The filters of `/v1/usage` and `/admin/usage` (usage-query.ts); each may be given once. */
export const USAGE_FILTERS: ParameterObject[] = [
  time('from', 'From this time, inclusive'),
  time('to', 'Until this time, exclusive'),
  { name: 'model', in: 'query', description: 'Only this model', schema: { type: 'string' } },
  { name: 'batch_id', in: 'query', description: "Only this batch's lines", schema: { type: 'string' } },
];

/** Page size and cursor of usage lists. */
export const USAGE_PAGE: (ParameterObject | Reference)[] = [
  {
    name: 'limit',
    in: 'query',
    description: 'Page size (default 20)',
    schema: withDefault(propertySchema(UsageListRequest, 'limit').schema, 20),
  },
  parameter('After'),
];

export const USAGE_LIST_EXAMPLE = { object: 'list', balance: 24.99, data: [USAGE_RECORD_EXAMPLE], has_more: false };

/** What the caller sees of their own account: models, usage, and their routing policy. */
export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/v1/models',
    operationId: 'listModels',
    tag: 'Models',
    summary: 'List models',
    description:
      'Every model the enabled channels visible to the caller (and allowed by their routing policy) serve, with its type, routes and price.',
    access: 'inference',
    responses: { 200: json('The models', 'ModelList', { object: 'list', data: [MODEL_EXAMPLE] }) },
  },
  {
    method: 'get',
    path: '/v1/models/{model}',
    route: '/v1/models/*',
    operationId: 'getModel',
    tag: 'Models',
    summary: 'Get a model',
    access: 'inference',
    parameters: [parameter('Model')],
    responses: { 200: json('The model', 'Model', MODEL_EXAMPLE) },
    errors: { 404: ['model_not_found'] },
  },
  {
    method: 'get',
    path: '/v1/usage',
    operationId: 'listUsage',
    tag: 'Usage',
    summary: 'List usage records',
    description: "The caller's own requests as billed, newest first, with their balance. Keys with the `usage:read` or `inference` scope.",
    access: 'usage',
    parameters: [...USAGE_FILTERS, ...USAGE_PAGE],
    responses: { 200: json('A page of records', 'UsageList', USAGE_LIST_EXAMPLE) },
    errors: { 400: ['invalid_value'] },
  },
  {
    method: 'get',
    path: '/v1/usage/daily',
    operationId: 'getDailyUsage',
    tag: 'Usage',
    summary: 'Get daily usage totals',
    access: 'usage',
    parameters: USAGE_FILTERS,
    responses: { 200: json('Totals per UTC day', 'UsageDaily', USAGE_DAILY_EXAMPLE) },
    errors: { 400: ['invalid_value'] },
  },
  {
    method: 'get',
    path: '/v1/routing-policy',
    operationId: 'getRoutingPolicy',
    tag: 'Routing policy',
    summary: 'Get the routing policy',
    access: 'inference',
    responses: { 200: json('The policy (`byok_first` unless set)', 'RoutingPolicy', { object: 'routing_policy', policy: 'byok_first' }) },
  },
  {
    method: 'put',
    path: '/v1/routing-policy',
    operationId: 'setRoutingPolicy',
    tag: 'Routing policy',
    summary: 'Set the routing policy',
    description:
      '`byok_first`: own channels, then the PLATFORM pool; `platform_first`: the other way round; `byok_only`, `platform_only`: one kind only. Applies from the next request, on every router.',
    access: 'inference',
    body: { json: { payload: SetRoutingPolicyBody, example: { policy: 'platform_first' } } },
    responses: { 200: json('The policy', 'RoutingPolicy', { object: 'routing_policy', policy: 'platform_first' }) },
  },
];
