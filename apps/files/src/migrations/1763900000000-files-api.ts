import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files remember the API they were uploaded through (OpenAI or Anthropic Files mode). */
export class FilesApi1763900000000 implements MigrationInterface {
  name = 'FilesApi1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE files.files ADD COLUMN api text NOT NULL DEFAULT 'openai' CONSTRAINT files_api_ck CHECK (api IN ('openai','anthropic'))`,
    );
    await q.query(`DROP INDEX files.files_owner_listing_idx`);
    await q.query(
      `CREATE INDEX files_owner_listing_idx ON files.files (owner_user_id, api, created_at DESC, seq DESC) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX files.files_owner_listing_idx`);
    await q.query(
      `CREATE INDEX files_owner_listing_idx ON files.files (owner_user_id, created_at DESC, seq DESC) WHERE deleted_at IS NULL`,
    );
    await q.query(`ALTER TABLE files.files DROP COLUMN api`);
  }
}
