import { CreateBatchBody, ErrorCodes, ListBatchesRequest } from '@switchyard/contracts';
import { json, type Operation, withDefault } from '../catalog';
import { propertySchema } from '../class-schema';
import { parameter } from '../parameters';
import { BATCH_EXAMPLE } from './examples';

/** OpenAI's Batch API (batches.controller.ts); the work runs in the batches service. */
export const BATCH_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/batches',
    operationId: 'createBatch',
    tag: 'Batches',
    summary: 'Create a batch',
    description:
      'The input file (purpose `batch`) is validated line by line; its worst-case cost is reserved at the batch price before any line runs (an unaffordable batch fails with `insufficient_quota` in its errors).',
    access: 'inference',
    body: {
      json: {
        payload: CreateBatchBody,
        example: {
          input_file_id: 'file-3kF9aB2cD4eF6gH8iJ0kL2mN',
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          metadata: { project: 'eval' },
        },
      },
    },
    responses: { 200: json('The batch, `validating`', 'Batch', { ...BATCH_EXAMPLE, status: 'validating', in_progress_at: null }) },
    errors: { 404: [ErrorCodes.fileNotFound] },
  },
  {
    method: 'get',
    path: '/v1/batches',
    operationId: 'listBatches',
    tag: 'Batches',
    summary: 'List batches',
    access: 'inference',
    parameters: [
      {
        name: 'limit',
        in: 'query',
        description: 'Page size (default 20)',
        schema: withDefault(propertySchema(ListBatchesRequest, 'limit').schema, 20),
      },
      parameter('After'),
    ],
    responses: {
      200: json('A page of batches, newest first', 'BatchList', {
        object: 'list',
        data: [BATCH_EXAMPLE],
        first_id: BATCH_EXAMPLE.id,
        last_id: BATCH_EXAMPLE.id,
        has_more: false,
      }),
    },
    errors: { 400: ['invalid_value'] },
  },
  {
    method: 'get',
    path: '/v1/batches/{batch_id}',
    operationId: 'getBatch',
    tag: 'Batches',
    summary: 'Get a batch',
    access: 'inference',
    parameters: [parameter('BatchId')],
    responses: { 200: json('The batch', 'Batch', BATCH_EXAMPLE) },
    errors: { 404: ['not_found'] },
  },
  {
    method: 'post',
    path: '/v1/batches/{batch_id}/cancel',
    operationId: 'cancelBatch',
    tag: 'Batches',
    summary: 'Cancel a batch',
    description: 'Lines not yet run are not run; the batch ends `cancelled` once the lines in flight finish.',
    access: 'inference',
    parameters: [parameter('BatchId')],
    responses: {
      200: json('The batch, `cancelling` or `cancelled`', 'Batch', {
        ...BATCH_EXAMPLE,
        status: 'cancelling',
        cancelling_at: BATCH_EXAMPLE.created_at + 60,
      }),
    },
    errors: { 404: ['not_found'], 409: ['conflict'] },
  },
];
