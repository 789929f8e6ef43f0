import { MigrationInterface, QueryRunner } from 'typeorm';

export class FilesInitial1763800000000 implements MigrationInterface {
  name = 'FilesInitial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files.files (
        id text CONSTRAINT files_pk PRIMARY KEY,
        seq bigserial NOT NULL CONSTRAINT files_seq_uq UNIQUE,
        owner_user_id text NOT NULL,
        purpose text NOT NULL,
        filename text NOT NULL,
        bytes bigint NOT NULL CONSTRAINT files_bytes_ck CHECK (bytes >= 0),
        media_type text NOT NULL,
        object_key text NOT NULL CONSTRAINT files_object_key_uq UNIQUE,
        status text NOT NULL CONSTRAINT files_status_ck CHECK (status IN ('processed','deleted')),
        channel_id text,
        upstream_file_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX files_owner_listing_idx ON files.files (owner_user_id, created_at DESC, seq DESC) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX files_expiry_idx ON files.files (expires_at) WHERE deleted_at IS NULL AND expires_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE files.files`);
  }
}
