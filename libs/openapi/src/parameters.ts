import { ANTHROPIC_FILES_BETA, CacheModes, ChannelTypes, Roles } from '@switchyard/contracts';
import type { ParameterObject, Reference, Schema } from './openapi-types';

const pathParameter = (name: string, description: string, example: string, schema: Schema = { type: 'string' }): ParameterObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  example,
});

/** Parameters several operations share, each defined once (components.parameters). */
export const PARAMETERS = {
  ChannelTypeHeader: {
    name: 'x-switchyard-channel-type',
    in: 'header',
    description: "Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive)",
    schema: { type: 'string', enum: [...ChannelTypes] },
  },
  CacheHeader: {
    name: 'x-switchyard-cache',
    in: 'header',
    description:
      'Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default',
    schema: { type: 'string', enum: [...CacheModes] },
  },
  AnthropicVersion: {
    name: 'anthropic-version',
    in: 'header',
    description: "Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API",
    schema: { type: 'string' },
    example: '2023-06-01',
  },
  AnthropicBeta: {
    name: 'anthropic-beta',
    in: 'header',
    description: `Anthropic beta flags, comma-separated; \`${ANTHROPIC_FILES_BETA}\` selects Anthropic's Files API on \`/v1/files\``,
    schema: { type: 'string' },
    example: ANTHROPIC_FILES_BETA,
  },
  AnthropicBetaQuery: {
    name: 'beta',
    in: 'query',
    description: "`true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API",
    schema: { type: 'string', enum: ['true'] },
  },
  FileId: pathParameter('file_id', 'A file id: `file-…` (OpenAI mode) or `file_…` (Anthropic mode)', 'file-3kF9aB2cD4eF6gH8iJ0kL2mN'),
  BatchId: pathParameter('batch_id', 'A batch id', 'batch_3kF9aB2cD4eF6gH8iJ0kL2mN'),
  ChannelId: pathParameter('channel_id', 'A channel id', 'ch_3kF9aB2cD4eF6gH8iJ0kL2mN'),
  UserId: pathParameter('user_id', 'A user id', 'usr_3kF9aB2cD4eF6gH8iJ0kL2mN'),
  KeyId: pathParameter('key_id', 'An API key id', 'key_3kF9aB2cD4eF6gH8iJ0kL2mN'),
  SessionId: pathParameter('session_id', 'A console session id', 'ses_3kF9aB2cD4eF6gH8iJ0kL2mN'),
  ResponseId: pathParameter('response_id', 'A stored Responses answer', 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b'),
  TaskId: pathParameter('task_id', 'A generation task id', 'task_3kF9aB2cD4eF6gH8iJ0kL2mN'),
  Role: pathParameter('role', 'A role', 'user', { type: 'string', enum: [...Roles] }),
  Model: {
    ...pathParameter('model', 'A model id; it may contain `/` (`vendor/model`), sent as is: the id spans path segments', 'mock-gpt'),
    'x-switchyard-multi-segment': true,
  },
  After: {
    name: 'after',
    in: 'query',
    description: 'The page after this id (the last id of the previous page)',
    schema: { type: 'string' },
  },
} satisfies Record<string, ParameterObject>;

export type ParameterName = keyof typeof PARAMETERS;

/** A shared parameter, by reference. */
export const parameter = (name: ParameterName): Reference => ({ $ref: `#/components/parameters/${name}` });
