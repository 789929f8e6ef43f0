import { MigrationInterface, QueryRunner } from 'typeorm';

export class BillingInitial1763800000000 implements MigrationInterface {
  name = 'BillingInitial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.users (
        id text CONSTRAINT users_pk PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CONSTRAINT users_role_ck CHECK (role IN ('user','partner','vip','admin')),
        balance_nano bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE billing.api_keys (
        id text CONSTRAINT api_keys_pk PRIMARY KEY,
        user_id text NOT NULL CONSTRAINT api_keys_user_fk REFERENCES billing.users(id),
        name text NOT NULL,
        scopes jsonb NOT NULL,
        key_hash text NOT NULL CONSTRAINT api_keys_key_hash_uq UNIQUE,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_keys_user_idx ON billing.api_keys (user_id, created_at)`);
    await q.query(`
      CREATE TABLE billing.prices (
        model text CONSTRAINT prices_pk PRIMARY KEY,
        input_nano_per_million bigint NOT NULL CONSTRAINT prices_input_ck CHECK (input_nano_per_million >= 0),
        output_nano_per_million bigint NOT NULL CONSTRAINT prices_output_ck CHECK (output_nano_per_million >= 0),
        batch_discount_ppm bigint NOT NULL CONSTRAINT prices_discount_ck CHECK (batch_discount_ppm BETWEEN 0 AND 1000000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE billing.ledger (
        id bigserial CONSTRAINT ledger_pk PRIMARY KEY,
        user_id text NOT NULL CONSTRAINT ledger_user_fk REFERENCES billing.users(id),
        amount_nano bigint NOT NULL,
        kind text NOT NULL CONSTRAINT ledger_kind_ck CHECK (kind IN ('credit','usage')),
        reference text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_kind_reference_uq UNIQUE (kind, reference)
      )`);
    await q.query(`CREATE INDEX ledger_user_idx ON billing.ledger (user_id, id)`);
    // the ledger is append-only: refuse UPDATE and DELETE at the database level
    await q.query(`
      CREATE FUNCTION billing.ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'billing.ledger is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER ledger_append_only_trg BEFORE UPDATE OR DELETE ON billing.ledger
      FOR EACH ROW EXECUTE FUNCTION billing.ledger_append_only()`);
    await q.query(`
      CREATE TABLE billing.usage_records (
        request_id text CONSTRAINT usage_records_pk PRIMARY KEY,
        seq bigserial NOT NULL CONSTRAINT usage_records_seq_uq UNIQUE,
        user_id text NOT NULL CONSTRAINT usage_records_user_fk REFERENCES billing.users(id),
        key_id text NOT NULL,
        model text NOT NULL,
        endpoint text NOT NULL,
        channel_id text NOT NULL,
        channel_type text NOT NULL,
        prompt_tokens integer NOT NULL,
        completion_tokens integer NOT NULL,
        estimated boolean NOT NULL,
        input_nano_per_million bigint NOT NULL,
        output_nano_per_million bigint NOT NULL,
        batch_discount_ppm bigint NOT NULL,
        priced boolean NOT NULL,
        cost_nano bigint NOT NULL,
        batch_id text,
        latency_ms integer NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX usage_records_user_seq_idx ON billing.usage_records (user_id, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing.usage_records`);
    await q.query(`DROP TRIGGER ledger_append_only_trg ON billing.ledger`);
    await q.query(`DROP TABLE billing.ledger`);
    await q.query(`DROP FUNCTION billing.ledger_append_only()`);
    await q.query(`DROP TABLE billing.prices`);
    await q.query(`DROP TABLE billing.api_keys`);
    await q.query(`DROP TABLE billing.users`);
  }
}
