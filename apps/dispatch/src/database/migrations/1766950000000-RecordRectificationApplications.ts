import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enterprise's applications for more time to rectify (延期整改申请), which the bureau grants or refuses.
 * The reason and the decision's note may name a person: kept here only, never logged, never sent in an event.
 * At most one application of a visit is pending; a granted one names the extension it made.
 */
export class RecordRectificationApplications1766950000000 implements MigrationInterface {
  name = 'RecordRectificationApplications1766950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.rectification_applications (
      id uuid PRIMARY KEY,
      visit_id uuid NOT NULL REFERENCES dispatch.visits (id),
      rectify_by date NOT NULL,
      reason text NOT NULL,
      applicant text,
      applied_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
      decided_by text,
      decided_at timestamptz,
      decision_note text,
      extension_id uuid REFERENCES dispatch.rectification_extensions (id),
      CHECK ((status = 'pending') = (decided_at IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX rectification_applications_one_pending ON dispatch.rectification_applications (visit_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX rectification_applications_visit ON dispatch.rectification_applications (visit_id, applied_at)`);
    await q.query(`CREATE INDEX rectification_applications_status ON dispatch.rectification_applications (status, applied_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.rectification_applications`);
  }
}
