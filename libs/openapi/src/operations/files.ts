import {
  FILE_EXPIRY_MAX_SECONDS,
  FILE_EXPIRY_MIN_SECONDS,
  FilePurposes,
  DEFAULT_IMAGE_MODEL,
  ErrorCodes,
  ListFilesRequest,
} from '@switchyard/contracts';
import { type ApiLimits, type Operation, type SuccessSpec, withDefault } from '../catalog';
import { propertySchema } from '../class-schema';
import type { ParameterObject, Reference } from '../openapi-types';
import { parameter } from '../parameters';
import { object, oneOfValues, ref, str, int } from '../schemas/schema-kit';
import { ANTHROPIC_FILE_EXAMPLE, FILE_EXAMPLE } from './examples';

/** Every `/v1/files` route speaks OpenAI's Files API, or Anthropic's when the caller says so. */
const MODE_PARAMETERS = [parameter('AnthropicVersion'), parameter('AnthropicBeta'), parameter('AnthropicBetaQuery')];

const query = (name: string, description: string, schema: ParameterObject['schema']): ParameterObject => ({
  name,
  in: 'query',
  description,
  schema,
});

/** A file, in whichever API the caller speaks. */
function eitherFile(description: string, openai: unknown, anthropic: unknown, names = ['File', 'AnthropicFile']): SuccessSpec {
  return {
    description,
    content: {
      'application/json': {
        schema: { oneOf: names.map(ref) },
        examples: { openai: { summary: 'OpenAI mode', value: openai }, anthropic: { summary: 'Anthropic mode', value: anthropic } },
      },
    },
  };
}

const fileId: Reference = parameter('FileId');
const NOT_FOUND = { 404: [ErrorCodes.fileNotFound] } as const;

/** The Files API (files.controller.ts): bytes stream between the caller and object storage, records live in `files`. */
export function fileOperations(limits: ApiLimits): Operation[] {
  const listLimit = propertySchema(ListFilesRequest, 'limit').schema;
  return [
    {
      method: 'post',
      path: '/v1/files',
      operationId: 'uploadFile',
      tag: 'Files',
      summary: 'Upload a file',
      description: `Multipart, one \`file\` part, at most ${limits.maxUploadBytes} bytes (\`SWITCHYARD_MAX_UPLOAD_BYTES\`), refused while it streams when larger. A \`batch\` file is checked line by line as JSONL while it streams. An image file of purpose \`vision\` or \`user_data\` is handed to a channel of its image model (\`model\`, default \`${DEFAULT_IMAGE_MODEL}\`) for edits. In Anthropic mode the file is handed to an Anthropic channel and needs no purpose.`,
      access: 'inference',
      dialect: 'files',
      upstream: true,
      parameters: MODE_PARAMETERS,
      body: {
        multipart: {
          schema: object(
            {
              file: str(`The bytes, at most ${limits.maxUploadBytes}`, { format: 'binary' }),
              purpose: oneOfValues(FilePurposes, 'Required in OpenAI mode; anything else is `VALIDATION_4007`'),
              'expires_after[anchor]': oneOfValues(['created_at']),
              'expires_after[seconds]': int('Seconds after creation the file expires', {
                minimum: FILE_EXPIRY_MIN_SECONDS,
                maximum: FILE_EXPIRY_MAX_SECONDS,
              }),
              model: str(`The image model an image reference file is for (default \`${DEFAULT_IMAGE_MODEL}\`)`),
            },
            ['file'],
          ),
          encoding: { file: { contentType: 'application/octet-stream' } },
        },
      },
      responses: { 200: eitherFile('The file', FILE_EXAMPLE, ANTHROPIC_FILE_EXAMPLE) },
      errors: {
        400: ['missing_required_parameter', 'invalid_value', ErrorCodes.invalidFilePurpose, ErrorCodes.invalidJsonlFile],
        413: [ErrorCodes.fileTooLarge],
        415: ['invalid_value'],
        503: ['channels_unavailable'],
      },
    },
    {
      method: 'get',
      path: '/v1/files',
      operationId: 'listFiles',
      tag: 'Files',
      summary: 'List files',
      description: "The caller's files of the API they speak, newest first unless `order=asc`.",
      access: 'inference',
      dialect: 'files',
      parameters: [
        ...MODE_PARAMETERS,
        query('limit', 'Page size: at most 100 in OpenAI mode, 1000 in Anthropic mode (default 20)', withDefault(listLimit, 20)),
        query('purpose', 'OpenAI mode: only files of this purpose', { type: 'string' }),
        query('order', 'OpenAI mode: `desc` (default) or `asc`', { type: 'string', enum: ['asc', 'desc'] }),
        query('after', 'OpenAI mode: the page after this file id', { type: 'string' }),
        query('after_id', 'Anthropic mode: the page after this file id', { type: 'string' }),
        query('page', 'Anthropic mode: `next_page` of the previous page', { type: 'string' }),
        query('before_id', 'Anthropic mode: the page before this file id', { type: 'string' }),
      ],
      responses: {
        200: {
          description: 'A page of files',
          content: {
            'application/json': {
              schema: { oneOf: [ref('FileList'), ref('AnthropicFileList')] },
              examples: {
                openai: {
                  summary: 'OpenAI mode',
                  value: { object: 'list', data: [FILE_EXAMPLE], first_id: FILE_EXAMPLE.id, last_id: FILE_EXAMPLE.id, has_more: false },
                },
                anthropic: {
                  summary: 'Anthropic mode',
                  value: {
                    data: [ANTHROPIC_FILE_EXAMPLE],
                    first_id: ANTHROPIC_FILE_EXAMPLE.id,
                    last_id: ANTHROPIC_FILE_EXAMPLE.id,
                    has_more: false,
                    next_page: null,
                  },
                },
              },
            },
          },
        },
      },
      errors: { 400: ['invalid_value'] },
    },
    {
      method: 'get',
      path: '/v1/files/{file_id}',
      operationId: 'getFile',
      tag: 'Files',
      summary: 'Get a file',
      access: 'inference',
      dialect: 'files',
      parameters: [fileId, ...MODE_PARAMETERS],
      responses: { 200: eitherFile('The file', FILE_EXAMPLE, ANTHROPIC_FILE_EXAMPLE) },
      errors: NOT_FOUND,
    },
    {
      method: 'get',
      path: '/v1/files/{file_id}/content',
      operationId: 'downloadFile',
      tag: 'Files',
      summary: "Download a file's bytes",
      description:
        "Whole, or one byte range (`Range: bytes=first-last`, `bytes=first-`, `bytes=-suffix`); several ranges or other units get the whole file. Files uploaded in Anthropic mode are not downloadable (400), as in Anthropic's API.",
      access: 'inference',
      dialect: 'files',
      parameters: [
        fileId,
        ...MODE_PARAMETERS,
        {
          name: 'Range',
          in: 'header',
          description: 'One byte range',
          schema: { type: 'string', pattern: '^bytes=' },
          example: 'bytes=0-1023',
        },
      ],
      responses: {
        200: {
          description: 'The whole file, in its media type',
          headers: ['Accept-Ranges', 'Content-Disposition'],
          content: { '*/*': { schema: str('The bytes', { format: 'binary' }) } },
        },
        206: {
          description: 'The range asked for',
          headers: ['Accept-Ranges', 'Content-Disposition', 'Content-Range'],
          content: { '*/*': { schema: str('The bytes of the range', { format: 'binary' }) } },
        },
        416: { description: 'The range lies outside the file (empty body)', headers: ['Accept-Ranges', 'Content-Range'] },
      },
      errors: { ...NOT_FOUND, 400: ['invalid_value'] },
    },
    {
      method: 'delete',
      path: '/v1/files/{file_id}',
      operationId: 'deleteFile',
      tag: 'Files',
      summary: 'Delete a file',
      description: 'Deletes the record, then any copy a provider holds (Anthropic mode and bound image files).',
      access: 'inference',
      dialect: 'files',
      upstream: true,
      parameters: [fileId, ...MODE_PARAMETERS],
      responses: {
        200: eitherFile(
          'Deleted',
          { id: FILE_EXAMPLE.id, object: 'file', deleted: true },
          { id: ANTHROPIC_FILE_EXAMPLE.id, type: 'file_deleted' },
          ['FileDeleted', 'AnthropicFileDeleted'],
        ),
      },
      errors: NOT_FOUND,
    },
  ];
}
