import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApprovals1764200000000 implements MigrationInterface {
  name = 'CreateApprovals1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // What scoring proposed (a model version it registered, a colour policy someone proposed) and how it was decided.
    await q.query(`CREATE TABLE oversight.approval_requests (
      subject_kind text NOT NULL CHECK (subject_kind IN ('model-version', 'colour-policy')),
      subject_ref text NOT NULL,
      proposed_by text NOT NULL,
      built_by jsonb,
      proposal jsonb NOT NULL,
      proposed_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      decided_at timestamptz,
      decision_seq bigint,
      PRIMARY KEY (subject_kind, subject_ref),
      CHECK ((status = 'pending') = (decided_at IS NULL) AND (decided_at IS NULL) = (decision_seq IS NULL))
    )`);
    await q.query(`CREATE INDEX approval_requests_by_status ON oversight.approval_requests (status, proposed_at DESC)`);
    // One sign-off per role and per person: the database refuses a second either way.
    await q.query(`CREATE TABLE oversight.sign_offs (
      id bigserial PRIMARY KEY,
      subject_kind text NOT NULL,
      subject_ref text NOT NULL,
      actor text NOT NULL,
      role text NOT NULL CHECK (role IN ('technical', 'legal')),
      decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
      reasons text NOT NULL CHECK (length(reasons) >= 5),
      at timestamptz NOT NULL,
      audit_seq bigint NOT NULL,
      FOREIGN KEY (subject_kind, subject_ref) REFERENCES oversight.approval_requests (subject_kind, subject_ref),
      UNIQUE (subject_kind, subject_ref, role),
      UNIQUE (subject_kind, subject_ref, actor)
    )`);
    // Who signed what is never rewritten (same guard as the record).
    await q.query(
      `CREATE TRIGGER sign_offs_append_only BEFORE UPDATE OR DELETE ON oversight.sign_offs FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
    );
    await q.query(`CREATE TRIGGER sign_offs_no_truncate BEFORE TRUNCATE ON oversight.sign_offs FOR EACH STATEMENT EXECUTE FUNCTION oversight.refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oversight.sign_offs`);
    await q.query(`DROP TABLE oversight.approval_requests`);
  }
}
