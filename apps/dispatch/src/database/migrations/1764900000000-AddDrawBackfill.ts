import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDrawBackfill1764900000000 implements MigrationInterface {
  name = 'AddDrawBackfill1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // A draw recorded for a window that had already begun (a plan carried over from before the system) says so.
    await q.query(`ALTER TABLE dispatch.draws ADD COLUMN backfill boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.draws DROP COLUMN backfill`);
  }
}
