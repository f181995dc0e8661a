import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-inspections released by an extension (延期整改): a scheduled visit that held an order's re-inspection
 * before the new deadline no longer carries it, or is cancelled when that was its only work. Each row keeps
 * what the visit gave up (its tasks, departments and checklist entries brought by the follow-up alone), so
 * the plan as drawn can still be checked. `extension_id` is a visit's or a platform case's extension.
 */
export class RecordFollowUpReleases1767080000000 implements MigrationInterface {
  name = 'RecordFollowUpReleases1767080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.follow_up_releases (
      id uuid PRIMARY KEY,
      extension_id uuid NOT NULL,
      visit_id uuid NOT NULL REFERENCES dispatch.visits (id),
      follow_ups jsonb NOT NULL,
      deadline date NOT NULL,
      cancelled boolean NOT NULL,
      task_ids text[] NOT NULL DEFAULT '{}',
      departments text[] NOT NULL DEFAULT '{}',
      checklist jsonb NOT NULL DEFAULT '[]',
      released_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX follow_up_releases_visit ON dispatch.follow_up_releases (visit_id)`);
    await q.query(`CREATE INDEX follow_up_releases_extension ON dispatch.follow_up_releases (extension_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.follow_up_releases`);
  }
}
