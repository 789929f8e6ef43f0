import { MigrationInterface, QueryRunner } from 'typeorm';

export class RouterInitial1763800000000 implements MigrationInterface {
  name = 'RouterInitial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE router.channels (
        id text CONSTRAINT channels_pk PRIMARY KEY,
        name text NOT NULL,
        provider text NOT NULL,
        type text NOT NULL CONSTRAINT channels_type_ck CHECK (type IN ('PLATFORM','PRIVATE')),
        owner_user_id text,
        base_url text NOT NULL,
        api_key_sealed text NOT NULL,
        api_key_hint text NOT NULL,
        models jsonb NOT NULL,
        model_mapping jsonb NOT NULL DEFAULT '{}'::jsonb,
        priority integer NOT NULL DEFAULT 0,
        weight integer NOT NULL DEFAULT 1,
        endpoints jsonb NOT NULL,
        status text NOT NULL DEFAULT 'enabled' CONSTRAINT channels_status_ck CHECK (status IN ('enabled','disabled','auto_disabled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT channels_owner_ck CHECK ((type = 'PRIVATE') = (owner_user_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX channels_owner_idx ON router.channels (owner_user_id) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE router.channels`);
  }
}
