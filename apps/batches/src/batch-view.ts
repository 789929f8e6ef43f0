import type { BatchView } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { BatchEntity } from './entities/batch.entity';

const seconds = (d: Date | null) => (d ? unixSeconds(d) : null);

export function batchView(b: BatchEntity): BatchView {
  return {
    id: b.id,
    object: 'batch',
    endpoint: b.endpoint,
    model: b.model,
    errors: b.errors && b.errors.length ? { object: 'list', data: b.errors } : null,
    input_file_id: b.inputFileId,
    completion_window: b.completionWindow,
    status: b.status,
    output_file_id: b.outputFileId,
    error_file_id: b.errorFileId,
    created_at: unixSeconds(b.createdAt),
    in_progress_at: seconds(b.inProgressAt),
    expires_at: seconds(b.expiresAt),
    finalizing_at: seconds(b.finalizingAt),
    completed_at: seconds(b.completedAt),
    failed_at: seconds(b.failedAt),
    expired_at: seconds(b.expiredAt),
    cancelling_at: seconds(b.cancellingAt),
    cancelled_at: seconds(b.cancelledAt),
    request_counts: { total: b.totalCount, completed: b.completedCount, failed: b.failedCount },
    metadata: b.metadata,
  };
}
