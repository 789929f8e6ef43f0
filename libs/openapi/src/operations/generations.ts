import { GenerationBody, TaskKind, TaskKinds, taskEndpoints } from '@switchyard/contracts';
import { json, type Operation } from '../catalog';
import { parameter } from '../parameters';
import { CREATED, ROUTING_EXAMPLE } from './examples';

/** One gateway route serves every kind (generation-tasks.controller.ts): `/v1/{videos,music,3d}/generations`. */
const CREATE_ROUTE = '/v1/:family/generations';
const GET_ROUTE = '/v1/:family/generations/:id';

const NAMES: Record<TaskKind, { noun: string; id: string; model: string; prompt: string }> = {
  video: { noun: 'video', id: 'Video', model: 'mock-video', prompt: 'A drone shot over a foggy forest' },
  music: { noun: 'music', id: 'Music', model: 'mock-music', prompt: 'A calm piano piece' },
  '3d': { noun: '3D model', id: 'ThreeD', model: 'mock-3d', prompt: 'A low-poly fox' },
};

function taskExample(kind: TaskKind, status: 'queued' | 'succeeded') {
  const done = status === 'succeeded';
  return {
    id: 'task_3kF9aB2cD4eF6gH8iJ0kL2mN',
    object: `${kind}.generation`,
    status,
    model: NAMES[kind].model,
    created_at: CREATED,
    completed_at: done ? CREATED + 95 : null,
    progress: done ? 100 : null,
    result: done
      ? {
          files: [
            {
              file_id: 'file-7hG2aB2cD4eF6gH8iJ0kL2mN',
              url: '/v1/files/file-7hG2aB2cD4eF6gH8iJ0kL2mN/content',
              media_type: 'video/mp4',
              bytes: 1843200,
            },
          ],
        }
      : null,
    error: null,
    _routing: done ? ROUTING_EXAMPLE : null,
  };
}

/** Asynchronous generations: created at once, run and polled by the batches service. */
export const GENERATION_OPERATIONS: Operation[] = TaskKinds.flatMap((kind): Operation[] => {
  const { noun, id, model, prompt } = NAMES[kind];
  const path = taskEndpoints[kind];
  return [
    {
      method: 'post',
      path,
      route: CREATE_ROUTE,
      operationId: `create${id}Generation`,
      tag: 'Generations',
      summary: `Start a ${noun} generation`,
      description:
        "Answers at once with a queued task; poll it until it succeeds or fails. Priced per task (the model's per-call price), refunded in full when it fails. Fields other than `model` and `prompt` go to the upstream unchanged.",
      access: 'inference',
      body: { json: { payload: GenerationBody, example: { model, prompt } } },
      responses: { 200: json('The queued task', 'GenerationTask', taskExample(kind, 'queued')) },
    },
    {
      method: 'get',
      path: `${path}/{task_id}`,
      route: GET_ROUTE,
      operationId: `get${id}Generation`,
      tag: 'Generations',
      summary: `Get a ${noun} generation`,
      description: 'Result files are stored by us and served from `/v1/files/{file_id}/content`.',
      access: 'inference',
      parameters: [parameter('TaskId')],
      responses: { 200: json('The task', 'GenerationTask', taskExample(kind, 'succeeded')) },
      errors: { 404: ['not_found'] },
    },
  ];
});
