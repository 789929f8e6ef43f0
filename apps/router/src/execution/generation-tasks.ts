import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ExecuteRequest,
  PolledTask,
  PollTaskRequest,
  Subjects,
  SubmittedTask,
  SubmitTaskRequest,
  taskEndpoints,
  TaskResultFile,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { adapterFor, ProviderAdapter, UpstreamCall, UpstreamError } from '@switchyard/providers';
import { upstreamTargetOf, visibleTo } from '../routing/channel-selector';
import { ChannelTable } from '../channels/channel-table';
import { RequestExecutor } from './request-executor';
import { upstreamFailureToDomain } from './upstream-failure';
import { RouterConfig } from '../router.config';

const extensions: Record<string, string> = {
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'model/gltf-binary': 'glb',
  'image/png': 'png',
};

/**
 * Asynchronous generations (video, music, 3D) on the router's side: starting one through the first
 * channel that takes it (charged then, per task), asking that channel how it is going, and copying
 * a finished task's results into our storage as the caller's files, so they never expire upstream.
 */
@Injectable()
export class GenerationTasks {
  constructor(
    private readonly executor: RequestExecutor,
    private readonly table: ChannelTable,
    private readonly storage: ObjectStorage,
    private readonly rpc: RpcClient,
    private readonly config: RouterConfig,
  ) {}

  async submit(req: SubmitTaskRequest): Promise<SubmittedTask> {
    const startedAt = Date.now();
    // the task id is the request id: a submission repeated after a crash is billed once
    const execute: ExecuteRequest = {
      requestId: req.taskId,
      principal: req.principal,
      endpoint: taskEndpoints[req.kind],
      body: req.body,
      stream: false,
      batchId: null,
    };
    const started = await this.executor.callOnce(execute, ({ adapter, call }) => adapter.submitTask!(call));
    await this.executor.report(
      execute,
      { id: started.channel.id, channelType: started.channel.type },
      { promptTokens: 0, completionTokens: 0 },
      { estimated: false, cached: false },
      startedAt,
    );
    return { channelId: started.channel.id, upstreamTaskId: started.value, routing: started.routing };
  }

  async poll(req: PollTaskRequest): Promise<PolledTask> {
    const channel = (await this.table.current()).find((c) => c.id === req.channelId && visibleTo(c, req.principal.userId));
    if (!channel || channel.status === 'disabled') {
      return {
        status: 'failed',
        progress: null,
        files: [],
        error: { code: 'channel_removed', message: 'The channel running this task was removed or disabled' },
      };
    }
    const adapter = adapterFor(channel.provider)!;
    const call: UpstreamCall = {
      endpoint: taskEndpoints[req.kind],
      target: upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS),
      body: {},
      timeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS,
    };
    try {
      const state = await adapter.pollTask!(call, req.upstreamTaskId);
      if (state.status !== 'succeeded') return { status: state.status, progress: state.progress, files: [], error: state.error };
      const files: TaskResultFile[] = [];
      for (let index = 0; index < state.results; index++) files.push(await this.keepResult(req, adapter, call, index));
      return { status: 'succeeded', progress: 100, files, error: null };
    } catch (error) {
      if (error instanceof UpstreamError) throw upstreamFailureToDomain(error, null);
      throw error;
    }
  }

  /** Streams one result into our storage and registers it (ids derived from the task: a repeat registers nothing new). */
  private async keepResult(req: PollTaskRequest, adapter: ProviderAdapter, call: UpstreamCall, index: number): Promise<TaskResultFile> {
    const result = await adapter.openTaskResult!(call, req.upstreamTaskId, index);
    const mediaType = result.contentType.split(';')[0].trim() || 'application/octet-stream';
    const fileId = `file-${req.taskId.replace(/^task_/, '')}r${index}`;
    const objectKey = `files/${req.principal.userId}/${fileId}`;
    const stored = await this.storage.putStream(objectKey, result.chunks as AsyncIterable<Buffer>, { contentType: mediaType });
    const file = await this.rpc.send(Subjects.filesFileCreate, {
      fileId,
      ownerUserId: req.principal.userId,
      api: 'openai',
      purpose: 'generation_output',
      filename: `${req.taskId}-${index}.${extensions[mediaType] ?? 'bin'}`,
      bytes: stored.bytes,
      mediaType,
      objectKey,
      expiresAfterSeconds: null,
    });
    if (!file) throw new DomainError('internal_error', `The result of task ${req.taskId} could not be stored`);
    return { file_id: fileId, url: `/v1/files/${fileId}/content`, media_type: mediaType, bytes: stored.bytes };
  }
}
