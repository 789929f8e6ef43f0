import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CreateTaskRequest,
  DomainError,
  newId,
  Principal,
  RoutingInfo,
  SubmittedTask,
  TaskKind,
  TaskRef,
  TaskResultFile,
  TaskStatus,
  TaskView,
} from '@switchyard/contracts';

export interface TaskRow {
  id: string;
  owner_user_id: string;
  principal: Principal;
  kind: TaskKind;
  model: string;
  body: Record<string, unknown> & { model: string; prompt: string };
  status: TaskStatus;
  channel_id: string | null;
  upstream_task_id: string | null;
  routing: RoutingInfo | null;
  progress: number | null;
  result: { files: TaskResultFile[] } | null;
  error: { code: string; message: string } | null;
  polls: number;
  refund_due: boolean;
  created_at: Date;
  completed_at: Date | null;
}

const seconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : null);

export function taskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    object: `${row.kind}.generation`,
    status: row.status,
    model: row.model,
    created_at: seconds(row.created_at)!,
    completed_at: seconds(row.completed_at),
    progress: row.progress,
    result: row.result,
    error: row.error,
    _routing: row.routing,
  };
}

/**
 * Task records, every statement on `batches.tasks`: created queued, read by their owner only, and
 * moved along by the task runner (each of its writes also ends the runner's lease on the task).
 */
@Injectable()
export class GenerationTaskStore {
  constructor(private readonly ds: DataSource) {}

  async create(req: CreateTaskRequest): Promise<TaskView> {
    const [row] = await this.ds.query<TaskRow[]>(
      `INSERT INTO batches.tasks (id, owner_user_id, principal, kind, model, body, status) VALUES ($1, $2, $3, $4, $5, $6, 'queued') RETURNING *`,
      [newId('task_'), req.principal.userId, JSON.stringify(req.principal), req.kind, req.body.model, JSON.stringify(req.body)],
    );
    return taskView(row);
  }

  async get(ref: TaskRef): Promise<TaskView> {
    const [row] = await this.ds.query<TaskRow[]>(`SELECT * FROM batches.tasks WHERE id = $1 AND owner_user_id = $2 AND kind = $3`, [
      ref.taskId,
      ref.principal.userId,
      ref.kind,
    ]);
    if (!row) throw new DomainError('not_found', `No ${ref.kind} generation with id ${ref.taskId}`, 'id', 404);
    return taskView(row);
  }

  /** Leases up to `limit` due tasks (queued, running, or owed a refund) that no other replica holds, for `leaseMs`. */
  async claimDue(leaseMs: number, limit: number): Promise<TaskRow[]> {
    // TypeORM answers a Postgres UPDATE with [returned rows, affected count]
    const [claimed] = await this.ds.query<[TaskRow[], number]>(
      `UPDATE batches.tasks SET lease_until = now() + make_interval(secs => $1::double precision / 1000)
       WHERE id IN (SELECT id FROM batches.tasks
                    WHERE (status IN ('queued','in_progress') OR refund_due) AND next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY next_poll_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [leaseMs, limit],
    );
    return claimed;
  }

  async markStarted(taskId: string, started: SubmittedTask, firstPollInMs: number): Promise<void> {
    await this.ds.query(
      `UPDATE batches.tasks SET status = 'in_progress', channel_id = $2, upstream_task_id = $3, routing = $4, next_poll_at = now() + $5 * interval '1 millisecond', lease_until = NULL WHERE id = $1`,
      [taskId, started.channelId, started.upstreamTaskId, JSON.stringify(started.routing), firstPollInMs],
    );
  }

  async markSucceeded(taskId: string, files: TaskResultFile[]): Promise<void> {
    await this.ds.query(
      `UPDATE batches.tasks SET status = 'succeeded', progress = 100, result = $2, completed_at = now(), lease_until = NULL WHERE id = $1`,
      [taskId, JSON.stringify({ files })],
    );
  }

  /** The task is looked at again in `delayMs`, one poll more. */
  async pollLater(taskId: string, progress: number | null, delayMs: number): Promise<void> {
    await this.ds.query(
      `UPDATE batches.tasks SET polls = polls + 1, progress = $2, next_poll_at = now() + $3 * interval '1 millisecond', lease_until = NULL WHERE id = $1`,
      [taskId, progress, delayMs],
    );
  }

  /** `refundDue`: the task was charged, and is due now for its refund. */
  async markFailed(taskId: string, error: { code: string; message: string }, refundDue: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE batches.tasks SET status = 'failed', error = $2, completed_at = now(), refund_due = $3, next_poll_at = now(), lease_until = NULL WHERE id = $1`,
      [taskId, JSON.stringify(error), refundDue],
    );
  }

  async refundDone(taskId: string): Promise<void> {
    await this.ds.query(`UPDATE batches.tasks SET refund_due = false, lease_until = NULL WHERE id = $1`, [taskId]);
  }

  /** The refund is asked for again in `delayMs`. */
  async refundLater(taskId: string, delayMs: number): Promise<void> {
    await this.ds.query(`UPDATE batches.tasks SET next_poll_at = now() + $2 * interval '1 millisecond', lease_until = NULL WHERE id = $1`, [
      taskId,
      delayMs,
    ]);
  }
}
