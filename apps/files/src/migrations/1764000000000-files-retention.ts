import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deleted or expired file keeps its bytes for a retention period (a batch created from it may
 * still be reading them); `purged_at` records when the sweeper removed them.
 */
export class FilesRetention1764000000000 implements MigrationInterface {
  name = 'FilesRetention1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE files.files ADD COLUMN purged_at timestamptz`);
    // files deleted before this migration had their bytes removed at once
    await q.query(`UPDATE files.files SET purged_at = deleted_at WHERE deleted_at IS NOT NULL`);
    await q.query(`CREATE INDEX files_awaiting_purge_idx ON files.files (deleted_at) WHERE deleted_at IS NOT NULL AND purged_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX files.files_awaiting_purge_idx`);
    await q.query(`ALTER TABLE files.files DROP COLUMN purged_at`);
  }
}
