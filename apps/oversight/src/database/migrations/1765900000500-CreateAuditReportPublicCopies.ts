import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public is served of a published audit report: a copy with groups of fewer than k
 * enterprises withheld, derived from the stored report and k alone, kept as canonical JSON with its
 * sha256 and the record entry that logged that hash (the publication's, or for a report published
 * before copies existed, the entry that logged its copy when first asked for). Append-only, like the reports.
 */
export class CreateAuditReportPublicCopies1765900000500 implements MigrationInterface {
  name = 'CreateAuditReportPublicCopies1765900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE oversight.audit_report_public_copies (
      report_id uuid PRIMARY KEY REFERENCES oversight.audit_report_publications (report_id),
      min_group_size integer NOT NULL CHECK (min_group_size >= 2),
      body_json text NOT NULL,
      body_sha256 text NOT NULL,
      audit_seq bigint NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE TRIGGER audit_report_public_copies_append_only BEFORE UPDATE OR DELETE ON oversight.audit_report_public_copies FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_report_public_copies_no_truncate BEFORE TRUNCATE ON oversight.audit_report_public_copies FOR EACH STATEMENT EXECUTE FUNCTION oversight.refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oversight.audit_report_public_copies`);
  }
}
