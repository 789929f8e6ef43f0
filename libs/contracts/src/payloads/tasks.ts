import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { InferenceEndpoint } from './inference';
import { Principal } from './principal';
import type { RoutingInfo } from './routing';

/** Asynchronous generations: created at once, run and polled in the background, results stored by us. */
export const TaskKinds = ['video', 'music', '3d'] as const;
export type TaskKind = (typeof TaskKinds)[number];

export const taskEndpoints: Record<TaskKind, InferenceEndpoint> = {
  video: '/v1/videos/generations',
  music: '/v1/music/generations',
  '3d': '/v1/3d/generations',
};

export const TaskStatuses = ['queued', 'in_progress', 'succeeded', 'failed'] as const;
export type TaskStatus = (typeof TaskStatuses)[number];

export class GenerationBody {
  @IsDefined({ message: 'you must provide a model parameter' }) @IsString() @IsNotEmpty() model!: string;
  @IsDefined({ message: 'prompt is required' }) @IsString() @IsNotEmpty({ message: 'prompt must not be empty' }) prompt!: string;
  [passthrough: string]: unknown;
}

/** gateway → batches */
export class CreateTaskRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsIn(TaskKinds) kind!: TaskKind;
  @ValidateNested() @Type(() => GenerationBody) body!: GenerationBody;
}

export class TaskRef {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsIn(TaskKinds) kind!: TaskKind;
  @IsString() @IsNotEmpty() taskId!: string;
}

export interface TaskResultFile {
  file_id: string;
  /** served by us (`GET /v1/files/{id}/content`), never an expiring upstream URL */
  url: string;
  media_type: string;
  bytes: number;
}

export interface TaskView {
  id: string;
  object: `${TaskKind}.generation`;
  status: TaskStatus;
  model: string;
  created_at: number;
  completed_at: number | null;
  progress: number | null;
  result: { files: TaskResultFile[] } | null;
  error: { code: string; message: string } | null;
  /** the channel that runs it, once submitted */
  _routing: RoutingInfo | null;
}

/** batches → router: start the task upstream (the router holds the money and picks the channel). */
export class SubmitTaskRequest {
  @IsString() @IsNotEmpty() taskId!: string;
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsIn(TaskKinds) kind!: TaskKind;
  @ValidateNested() @Type(() => GenerationBody) body!: GenerationBody;
}

export interface SubmittedTask {
  channelId: string;
  upstreamTaskId: string;
  routing: RoutingInfo;
}

/** batches → router: how is it going; on success the router stores the results as files. */
export class PollTaskRequest {
  @IsString() @IsNotEmpty() taskId!: string;
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @IsIn(TaskKinds) kind!: TaskKind;
  @IsString() @IsNotEmpty() channelId!: string;
  @IsString() @IsNotEmpty() upstreamTaskId!: string;
}

export interface PolledTask {
  status: TaskStatus;
  progress: number | null;
  files: TaskResultFile[];
  error: { code: string; message: string } | null;
}

/** batches → billing: give back what a request was charged (a task that failed). */
export class RefundRequest {
  @IsString() @IsNotEmpty() requestId!: string;
  @IsOptional() @IsString() reason?: string;
}

export interface RefundReply {
  /** false: nothing to refund yet (its usage has not been billed) or nothing was charged */
  refunded: boolean;
  /** true: the charge has not arrived yet; ask again later */
  pending: boolean;
}
