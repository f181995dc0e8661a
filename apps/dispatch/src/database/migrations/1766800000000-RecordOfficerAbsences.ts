import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An officer away (请假, 培训, 外出) on a range of days, inclusive: the draw does not schedule the officer
 * on them and a replacement may not name them. Only the kind is kept, never a reason (sick leave is health
 * data). A withdrawn absence stays with who withdrew it and when; oversight's record has both too.
 */
export class RecordOfficerAbsences1766800000000 implements MigrationInterface {
  name = 'RecordOfficerAbsences1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.officer_absences (
      id uuid PRIMARY KEY,
      officer_id text NOT NULL REFERENCES dispatch.officers (officer_id),
      from_date date NOT NULL,
      to_date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('leave', 'training', 'secondment', 'other')),
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_by text,
      withdrawn_at timestamptz,
      CHECK (from_date <= to_date)
    )`);
    await q.query(`CREATE INDEX officer_absences_current ON dispatch.officer_absences (officer_id, from_date) WHERE withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.officer_absences`);
  }
}
