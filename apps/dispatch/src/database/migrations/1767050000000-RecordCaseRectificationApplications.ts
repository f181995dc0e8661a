import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enterprise applies for more time to rectify (延期整改申请) on a platform case's order too, in the same
 * table so the bureau has one queue: an application is of a visit or of a case (its number, intake's, no
 * foreign key as for the case's extensions), never both; a granted one names the extension it made, of its kind.
 * At most one application of a case is pending, as of a visit. Existing rows are all visits': they stay valid.
 */
export class RecordCaseRectificationApplications1767050000000 implements MigrationInterface {
  name = 'RecordCaseRectificationApplications1767050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.rectification_applications
      ALTER COLUMN visit_id DROP NOT NULL,
      ADD COLUMN case_no text,
      ADD COLUMN case_extension_id uuid REFERENCES dispatch.case_rectification_extensions (id),
      ADD CONSTRAINT rectification_applications_one_order CHECK (num_nonnulls(visit_id, case_no) = 1),
      ADD CONSTRAINT rectification_applications_extension_of_order CHECK (
        (extension_id IS NULL OR visit_id IS NOT NULL) AND (case_extension_id IS NULL OR case_no IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX rectification_applications_case_one_pending ON dispatch.rectification_applications (case_no) WHERE status = 'pending' AND case_no IS NOT NULL`,
    );
    await q.query(`CREATE INDEX rectification_applications_case ON dispatch.rectification_applications (case_no, applied_at) WHERE case_no IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM dispatch.rectification_applications WHERE case_no IS NOT NULL`);
    await q.query(`DROP INDEX dispatch.rectification_applications_case`);
    await q.query(`DROP INDEX dispatch.rectification_applications_case_one_pending`);
    await q.query(`ALTER TABLE dispatch.rectification_applications
      DROP CONSTRAINT rectification_applications_extension_of_order,
      DROP CONSTRAINT rectification_applications_one_order,
      DROP COLUMN case_extension_id,
      DROP COLUMN case_no,
      ALTER COLUMN visit_id SET NOT NULL`);
  }
}
