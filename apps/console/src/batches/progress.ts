import type { components } from '@switchyard/api-client';

export type Batch = components['schemas']['Batch'];
export type BatchStatus = Batch['status'];

/** Statuses a batch may still leave on its own: the list polls while one is shown. */
const ACTIVE: ReadonlySet<BatchStatus> = new Set<BatchStatus>(['validating', 'in_progress', 'finalizing', 'cancelling']);

export const isActive = (status: BatchStatus): boolean => ACTIVE.has(status);

/** A batch may be cancelled while it has lines left to run. */
export const canCancel = (status: BatchStatus): boolean => status === 'validating' || status === 'in_progress';

export interface BatchProgress {
  total: number;
  completed: number;
  failed: number;
  /** lines finished either way */
  done: number;
  /** whole percent of `total` finished, 0–100, rounded down (100 only when every line is) */
  percent: number;
  /** the two parts of the bar, percent of the width, their sum never above 100 */
  completedWidth: number;
  failedWidth: number;
  /** for the progress bar's accessible text: "42 of 100 done (1 failed)" */
  label: string;
}

/**
 * What a batch's progress bar shows, from its counts (integers from the server). Counts that
 * overshoot the total (a server mid-update) are clamped, so the bar never passes its end.
 */
export function batchProgress(counts: Batch['request_counts']): BatchProgress {
  const total = Math.max(0, Math.trunc(counts.total));
  const completed = clamp(counts.completed, total);
  const failed = clamp(counts.failed, total - completed);
  const done = completed + failed;
  const percent = total === 0 ? 0 : Math.floor((done * 100) / total);
  const completedWidth = total === 0 ? 0 : (completed * 100) / total;
  const failedWidth = total === 0 ? 0 : (failed * 100) / total;
  const label = total === 0 ? 'No lines counted yet' : `${done} of ${total} done${failed > 0 ? ` (${failed} failed)` : ''}`;
  return { total, completed, failed, done, percent, completedWidth, failedWidth, label };
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, Math.trunc(value)), Math.max(0, max));
}
