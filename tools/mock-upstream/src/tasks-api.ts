import { ServerResponse } from 'http';
import { sendJson } from './http-kit';

interface Job {
  id: string;
  family: string;
  model: string;
  prompt: string;
  createdAt: number;
  durationMs: number;
  fails: boolean;
}

const mediaTypes: Record<string, string> = { videos: 'video/mp4', music: 'audio/mpeg', '3d': 'model/gltf-binary' };

/**
 * Asynchronous generations in OpenAI's video job shape, for `/v1/videos`, `/v1/music` and `/v1/3d`:
 * a job is queued for the first third of its time, in progress until it is done, then completed
 * (or failed, when its prompt says "fail"). `task_ms` (body `mock` or config) sets its time.
 */
export class TasksApi {
  private readonly jobs = new Map<string, Job>();
  private counter = 0;

  create(family: string, body: Record<string, unknown>, taskMs: number | undefined, res: ServerResponse): void {
    if (typeof body.prompt !== 'string' || !body.prompt) {
      return sendJson(res, 400, {
        error: { message: "Missing required parameter: 'prompt'.", type: 'invalid_request_error', param: 'prompt', code: null },
      });
    }
    const job: Job = {
      id: `${family}_mock${++this.counter}`,
      family,
      model: String(body.model ?? 'mock'),
      prompt: body.prompt,
      createdAt: Date.now(),
      durationMs: taskMs ?? 300,
      fails: /\bfail\b/i.test(body.prompt),
    };
    this.jobs.set(job.id, job);
    sendJson(res, 200, this.view(job));
  }

  private view(job: Job): Record<string, unknown> {
    const elapsed = (Date.now() - job.createdAt) / job.durationMs;
    const done = elapsed >= 1;
    const status = done ? (job.fails ? 'failed' : 'completed') : elapsed < 1 / 3 ? 'queued' : 'in_progress';
    return {
      id: job.id,
      object: job.family === 'videos' ? 'video' : job.family,
      model: job.model,
      status,
      progress: Math.min(100, Math.floor(elapsed * 100)),
      created_at: Math.floor(job.createdAt / 1000),
      ...(status === 'failed' && { error: { code: 'generation_failed', message: 'mock generation failed' } }),
    };
  }

  get(id: string, res: ServerResponse): void {
    const job = this.jobs.get(id);
    if (!job) return sendJson(res, 404, { error: { message: `No job ${id}`, type: 'invalid_request_error', param: null, code: null } });
    sendJson(res, 200, this.view(job));
  }

  content(id: string, res: ServerResponse): void {
    const job = this.jobs.get(id);
    if (!job || this.view(job).status !== 'completed') {
      return sendJson(res, 404, { error: { message: `No content for ${id}`, type: 'invalid_request_error', param: null, code: null } });
    }
    const head = Buffer.from(`MOCK-${job.family}:${job.prompt}:`);
    const bytes = Buffer.concat([head, Buffer.alloc(100_000 - head.length, 0x2e)]);
    res.writeHead(200, { 'content-type': mediaTypes[job.family], 'content-length': bytes.length });
    res.end(bytes);
  }
}
