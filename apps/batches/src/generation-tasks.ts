import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateTaskRequest, DomainError, newId, Principal, RoutingInfo, TaskKind, TaskRef, TaskResultFile, TaskStatus, TaskView } from '@switchyard/contracts';

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
    id: row.id, object: `${row.kind}.generation`, status: row.status, model: row.model, created_at: seconds(row.created_at)!,
    completed_at: seconds(row.completed_at), progress: row.progress, result: row.result, error: row.error, _routing: row.routing,
  };
}

/** Task records: created queued (the runner starts them upstream), read by their owner only. */
@Injectable()
export class GenerationTaskStore {
  constructor(private readonly ds: DataSource) {}

  async create(req: CreateTaskRequest): Promise<TaskView> {
    const [row] = (await this.ds.query(
      `INSERT INTO batches.tasks (id, owner_user_id, principal, kind, model, body, status) VALUES ($1, $2, $3, $4, $5, $6, 'queued') RETURNING *`,
      [newId('task_'), req.principal.userId, JSON.stringify(req.principal), req.kind, req.body.model, JSON.stringify(req.body)],
    )) as TaskRow[];
    return taskView(row);
  }

  async get(ref: TaskRef): Promise<TaskView> {
    const [row] = (await this.ds.query(`SELECT * FROM batches.tasks WHERE id = $1 AND owner_user_id = $2 AND kind = $3`, [ref.taskId, ref.principal.userId, ref.kind])) as TaskRow[];
    if (!row) throw new DomainError('not_found', `No ${ref.kind} generation with id ${ref.taskId}`, 'id', 404);
    return taskView(row);
  }
}
