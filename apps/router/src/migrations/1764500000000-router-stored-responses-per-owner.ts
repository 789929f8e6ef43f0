import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A response id is the upstream's, not ours: two users' own (BYOK) servers may hand out the same one
 * (a compatible server counting from 1). Keyed by id alone, the first user's row hid the second
 * user's response from them; keyed by owner and id, each user only ever reaches their own.
 */
export class RouterStoredResponsesPerOwner1764500000000 implements MigrationInterface {
  name = 'RouterStoredResponsesPerOwner1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE router.stored_responses DROP CONSTRAINT stored_responses_pk`);
    await q.query(`ALTER TABLE router.stored_responses ADD CONSTRAINT stored_responses_pk PRIMARY KEY (owner_user_id, response_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM router.stored_responses a USING router.stored_responses b WHERE a.response_id = b.response_id AND a.created_at > b.created_at`,
    );
    await q.query(`ALTER TABLE router.stored_responses DROP CONSTRAINT stored_responses_pk`);
    await q.query(`ALTER TABLE router.stored_responses ADD CONSTRAINT stored_responses_pk PRIMARY KEY (response_id)`);
  }
}
