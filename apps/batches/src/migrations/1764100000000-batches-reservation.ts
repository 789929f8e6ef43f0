import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether billing reserved the batch's worst case when it started (its lines then draw on it). */
export class BatchesReservation1764100000000 implements MigrationInterface {
  name = 'BatchesReservation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE batches.batches ADD COLUMN reserved boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE batches.batches DROP COLUMN reserved`);
  }
}
