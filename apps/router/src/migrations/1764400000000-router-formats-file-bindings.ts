import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_ALL = ['/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/responses'];
const NEW_ENDPOINTS = [
  '/v1/messages',
  '/v1beta/models:generateContent',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/rerank',
  '/v1/audio/speech',
  '/v1/audio/transcriptions',
  '/v1/videos/generations',
  '/v1/music/generations',
  '/v1/3d/generations',
];

/**
 * Channels created to serve every endpoint keep doing so now that more exist; files uploaded to a
 * provider (Anthropic Files mode, image references) are bound to the channel that holds them; and
 * Responses answers a channel stored are remembered, so reading one goes back to that channel.
 */
export class RouterFormatsFileBindings1764400000000 implements MigrationInterface {
  name = 'RouterFormatsFileBindings1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE router.channels SET endpoints = endpoints || $2::jsonb WHERE endpoints @> $1::jsonb`, [
      JSON.stringify(OLD_ALL),
      JSON.stringify(NEW_ENDPOINTS),
    ]);
    await q.query(`
      CREATE TABLE router.file_bindings (
        file_id text CONSTRAINT file_bindings_pk PRIMARY KEY,
        owner_user_id text NOT NULL,
        channel_id text NOT NULL CONSTRAINT file_bindings_channel_fk REFERENCES router.channels(id),
        upstream_file_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX file_bindings_owner_ix ON router.file_bindings (owner_user_id)`);
    await q.query(`
      CREATE TABLE router.stored_responses (
        response_id text CONSTRAINT stored_responses_pk PRIMARY KEY,
        owner_user_id text NOT NULL,
        channel_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE router.stored_responses`);
    await q.query(`DROP TABLE router.file_bindings`);
  }
}
