import { SetRoutingPolicyBody, UsageListRequest } from '@switchyard/contracts';
import { json, type Operation, withDefault } from '../catalog';
import { propertySchema } from '../class-schema';
import type { ParameterObject, Reference } from '../openapi-types';
import { parameter } from '../parameters';
import { ref, str } from '../schemas/schema-kit';
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

/** `format` of `/v1/usage` and `/admin/usage`. */
export const USAGE_FORMAT: ParameterObject = {
  name: 'format',
  in: 'query',
  description:
    '`json` (default): a page of records. `csv`: every record of the filters as a `text/csv` download, newest first, at most 100,000 rows (`x-switchyard-export-truncated` says whether it was cut); `limit` and `after` do not apply',
  schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
};

export const USAGE_CSV_EXAMPLE =
  'created_at,request_id,user_id,model,endpoint,channel_id,channel_type,prompt_tokens,completion_tokens,cached_tokens,cache_write_tokens,reasoning_tokens,cost,batch_id\r\n' +
  '2025-12-03T10:15:02.418Z,req_3f9a1c0b7d2e4f6a00000001,usr_8c1d2e3f4a5b6c7d,gpt-4o-mini,/v1/chat/completions,ch_openai_1,PLATFORM,1200,340,0,0,0,0.000384000,\r\n';

/** A page of records as JSON, or the CSV export. */
export const usageListResponse = (description: string, example: unknown) => ({
  description,
  headers: ['x-switchyard-export-truncated', 'Content-Disposition'] as const,
  content: {
    'application/json': { schema: ref('UsageList'), example },
    'text/csv': {
      schema: str('With `format=csv`: a header row, then one row per record; `cost` is the exact USD amount as billed', {
        format: 'binary',
      }),
      example: USAGE_CSV_EXAMPLE,
    },
  },
});

/** `?from&to&granularity&group_by` of a usage summary. */
export const summaryParameters = (groupings: readonly string[]): ParameterObject[] => [
  time(
    'from',
    'From this time, rounded down to a whole UTC hour (`hour`) or day (`day`) (default: `to` minus 30 days, or 24 hours for `hour`)',
  ),
  time('to', 'Until this time, exclusive, rounded up to a whole UTC hour or day (default: now)'),
  {
    name: 'granularity',
    in: 'query',
    description: 'Bucket size: UTC hours (range up to 31 days) or whole UTC days (up to 400 days, after rounding out)',
    schema: { type: 'string', enum: ['hour', 'day'], default: 'day' },
  },
  { name: 'group_by', in: 'query', description: 'Split the series by', schema: { type: 'string', enum: [...groupings], default: 'none' } },
];

export const USAGE_SUMMARY_EXAMPLE = {
  object: 'usage.summary',
  granularity: 'day',
  from: 1764633600,
  to: 1764806400,
  group_by: 'model',
  totals: { requests: 130, prompt_tokens: 11400, completion_tokens: 9100, cost: 0.00734 },
  series: [
    { start: 1764633600, group: 'gpt-4o-mini', requests: 10, prompt_tokens: 1000, completion_tokens: 300, cost: 0.0005 },
    { start: 1764720000, group: 'gpt-4o-mini', requests: 120, prompt_tokens: 10400, completion_tokens: 8800, cost: 0.00684 },
  ],
  groups: [{ group: 'gpt-4o-mini', requests: 130, cost: 0.00734 }],
};

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
    parameters: [...USAGE_FILTERS, ...USAGE_PAGE, USAGE_FORMAT],
    responses: { 200: usageListResponse('A page of records, or the CSV export', USAGE_LIST_EXAMPLE) },
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
    path: '/v1/usage/summary',
    operationId: 'getUsageSummary',
    tag: 'Usage',
    summary: 'Get usage per hour or day, by model or channel type',
    description:
      "The caller's requests, tokens and cost per UTC hour or day in a range, optionally split by model or channel type, with totals and each group's share. Read from roll-ups kept as usage is billed, so it answers as fast for a year as for a day.",
    access: 'usage',
    parameters: summaryParameters(['none', 'model', 'channel_type']),
    responses: { 200: json('The summary', 'UsageSummary', USAGE_SUMMARY_EXAMPLE) },
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
