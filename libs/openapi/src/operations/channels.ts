import { ChannelType, CreateChannelBody, UpdateChannelBody } from '@switchyard/contracts';
import { type Access, json, type Operation } from '../catalog';
import { parameter } from '../parameters';
import type { TagName } from '../tags';
import { CHANNEL_EXAMPLE } from './examples';

/**
 * The channel routes (channel-routes.ts), the same for admins' PLATFORM channels under `/admin/channels`
 * and each user's own PRIVATE channels under `/v1/channels`.
 */
function channelOperations(
  base: string,
  type: ChannelType,
  access: Access,
  tag: TagName,
  names: { one: string; many: string },
): Operation[] {
  const example =
    type === 'PLATFORM'
      ? CHANNEL_EXAMPLE
      : { ...CHANNEL_EXAMPLE, type, name: 'my openai key', owner_user_id: 'usr_3kF9aB2cD4eF6gH8iJ0kL2mN' };
  const channelId = parameter('ChannelId');
  const whose = type === 'PLATFORM' ? 'a PLATFORM channel' : 'one of your PRIVATE channels';
  return [
    {
      method: 'post',
      path: base,
      operationId: `create${names.one}`,
      tag,
      summary: `Create ${whose}`,
      description:
        "`base_url` defaults to the provider's official API, `name` to the provider and model; the key goes in and never comes back out." +
        (type === 'PRIVATE'
          ? ' A PRIVATE channel must point at a public https address (the SSRF guard), unless the operator allows private upstreams.'
          : ''),
      access,
      body: {
        json: {
          payload: CreateChannelBody,
          example: { provider: 'openai', api_key: 'sk-proj-…', models: ['gpt-4o-mini'], priority: 0, weight: 1 },
        },
      },
      responses: { 201: json('The channel', 'Channel', example) },
    },
    {
      method: 'get',
      path: base,
      operationId: `list${names.many}`,
      tag,
      summary: `List ${type === 'PLATFORM' ? 'PLATFORM channels' : 'your PRIVATE channels'}`,
      access,
      responses: { 200: json('The channels', 'ChannelList', { object: 'list', data: [example] }) },
    },
    {
      method: 'get',
      path: `${base}/{channel_id}`,
      operationId: `get${names.one}`,
      tag,
      summary: `Get ${whose}`,
      access,
      parameters: [channelId],
      responses: { 200: json('The channel', 'Channel', example) },
      errors: { 404: ['not_found'] },
    },
    {
      method: 'patch',
      path: `${base}/{channel_id}`,
      operationId: `update${names.one}`,
      tag,
      summary: `Change ${whose}`,
      description:
        'Only the fields sent change; `status` may be set to `enabled` or `disabled` (a passing test re-enables an `auto_disabled` channel).',
      access,
      parameters: [channelId],
      body: { json: { payload: UpdateChannelBody, example: { weight: 3, status: 'enabled' } } },
      responses: { 200: json('The channel', 'Channel', { ...example, weight: 3 }) },
      errors: { 404: ['not_found'] },
    },
    {
      method: 'delete',
      path: `${base}/{channel_id}`,
      operationId: `delete${names.one}`,
      tag,
      summary: `Delete ${whose}`,
      access,
      parameters: [channelId],
      responses: { 200: json('Deleted', 'Deleted', { id: example.id, object: 'channel.deleted', deleted: true }) },
      errors: { 404: ['not_found'] },
    },
    {
      method: 'post',
      path: `${base}/{channel_id}/test`,
      operationId: `test${names.one}`,
      tag,
      summary: `Test ${whose}`,
      description: 'Sends one small real request through the channel and reports latency and result.',
      access,
      parameters: [channelId],
      responses: {
        200: json('How the request went', 'ChannelTest', {
          object: 'channel.test',
          channel_id: example.id,
          model: 'gpt-4o-mini',
          endpoint: '/v1/chat/completions',
          ok: true,
          status: 200,
          latency_ms: 388,
          error: null,
          channel_status: 'enabled',
        }),
      },
      errors: { 400: ['invalid_value'], 404: ['not_found'] },
    },
  ];
}

export const PRIVATE_CHANNEL_OPERATIONS = channelOperations('/v1/channels', 'PRIVATE', 'inference', 'Channels', {
  one: 'Channel',
  many: 'Channels',
});
export const PLATFORM_CHANNEL_OPERATIONS: Operation[] = [
  ...channelOperations('/admin/channels', 'PLATFORM', 'admin', 'Admin: channels', { one: 'PlatformChannel', many: 'PlatformChannels' }),
  {
    method: 'get',
    path: '/admin/channels/{channel_id}/health',
    operationId: 'getPlatformChannelHealth',
    tag: 'Admin: channels',
    summary: "Get a PLATFORM channel's health per model",
    description:
      'Each model\'s circuit (closed, open, half-open), its failures inside the window and its last error with the time, and why the router auto-disabled the channel. `PATCH` with `"status": "enabled"` (or a passing test) re-enables an auto-disabled channel and resets its circuits.',
    access: 'admin',
    parameters: [parameter('ChannelId')],
    responses: {
      200: json('The health', 'ChannelHealth', {
        object: 'channel.health',
        channel_id: CHANNEL_EXAMPLE.id,
        status: 'auto_disabled',
        auto_disabled_reason: "The upstream refused the channel's key (HTTP 401): Incorrect API key provided",
        models: [
          {
            model: 'gpt-4o-mini',
            circuit: 'closed',
            recent_failures: 0,
            last_error: 'HTTP 401: Incorrect API key provided',
            last_error_at: 1764806400,
          },
          { model: 'gpt-4o', circuit: 'open', recent_failures: 5, last_error: 'HTTP 503: upstream overloaded', last_error_at: 1764806350 },
        ],
      }),
    },
    errors: { 404: ['not_found'] },
  },
];
