import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviews1764300000000 implements MigrationInterface {
  name = 'CreateReviews1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // The latest score oversight has seen per enterprise: what an appeal or a confirmation is about.
    await q.query(`CREATE TABLE oversight.current_scores (
      credit_code text PRIMARY KEY,
      score_id text NOT NULL,
      model_version text NOT NULL,
      colour_policy_version text NOT NULL,
      colour text NOT NULL,
      probability double precision NOT NULL,
      input_fingerprint text NOT NULL,
      as_of date NOT NULL,
      computed_at timestamptz NOT NULL,
      seen_at timestamptz NOT NULL DEFAULT now()
    )`);
    // A person's decision on a score's colour; 'pending' rows are the confirmation queue.
    await q.query(`CREATE TABLE oversight.colour_decisions (
      id text PRIMARY KEY,
      credit_code text NOT NULL,
      score_id text NOT NULL UNIQUE,
      model_version text NOT NULL,
      input_fingerprint text NOT NULL,
      model_colour text NOT NULL,
      colour text,
      status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'overridden', 'carried-over', 'superseded')),
      actor text,
      reasons text,
      carried_from text REFERENCES oversight.colour_decisions (id),
      appeal_id text,
      requested_at timestamptz NOT NULL,
      decided_at timestamptz,
      audit_seq bigint
    )`);
    await q.query(`CREATE INDEX colour_decisions_pending ON oversight.colour_decisions (requested_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX colour_decisions_enterprise ON oversight.colour_decisions (credit_code, requested_at DESC)`);
    await q.query(`CREATE INDEX colour_decisions_actor ON oversight.colour_decisions (actor) WHERE actor IS NOT NULL`);
    // Appeals (陈述申辩): one open appeal per enterprise at a time.
    await q.query(`CREATE TABLE oversight.appeals (
      id text PRIMARY KEY,
      credit_code text NOT NULL,
      score_id text NOT NULL,
      model_version text NOT NULL,
      colour text NOT NULL,
      probability double precision NOT NULL,
      grounds text NOT NULL,
      challenges jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL CHECK (status IN ('filed', 'in-review', 'awaiting-rescore', 'decided')),
      outcome text CHECK (outcome IN ('upheld', 'corrected', 'overridden')),
      override_colour text,
      reviewer text,
      decision_reasons text,
      filed_by text NOT NULL,
      filed_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      decided_at timestamptz,
      closed_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX appeals_one_open ON oversight.appeals (credit_code) WHERE status IN ('filed', 'in-review')`);
    await q.query(`CREATE INDEX appeals_queue ON oversight.appeals (status, due_at)`);
    await q.query(`CREATE INDEX appeals_enterprise ON oversight.appeals (credit_code, filed_at DESC)`);
    // Every step an enterprise can follow, each with the record entry that logged it.
    await q.query(`CREATE TABLE oversight.appeal_steps (
      id bigserial PRIMARY KEY,
      appeal_id text NOT NULL REFERENCES oversight.appeals (id),
      step text NOT NULL,
      actor text NOT NULL,
      note text,
      detail jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL,
      audit_seq bigint
    )`);
    await q.query(`CREATE INDEX appeal_steps_appeal ON oversight.appeal_steps (appeal_id, id)`);
    await q.query(`CREATE TABLE oversight.appeal_evidence (
      appeal_id text NOT NULL REFERENCES oversight.appeals (id),
      n smallint NOT NULL,
      name text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      PRIMARY KEY (appeal_id, n)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oversight.appeal_evidence`);
    await q.query(`DROP TABLE oversight.appeal_steps`);
    await q.query(`DROP TABLE oversight.appeals`);
    await q.query(`DROP TABLE oversight.colour_decisions`);
    await q.query(`DROP TABLE oversight.current_scores`);
  }
}
