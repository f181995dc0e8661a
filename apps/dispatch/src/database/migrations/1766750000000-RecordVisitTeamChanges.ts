import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dispatcher may replace one officer of a scheduled visit (a conflict declared after publishing, an
 * officer away). Each change is kept: who left, who came, how the newcomer was chosen (picked, or drawn
 * at random with its seed among the candidates listed), the reason given (may name a person: never
 * logged, never sent in an event), who made it and when.
 */
export class RecordVisitTeamChanges1766750000000 implements MigrationInterface {
  name = 'RecordVisitTeamChanges1766750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.visit_team_changes (
      id uuid PRIMARY KEY,
      visit_id uuid NOT NULL REFERENCES dispatch.visits (id),
      officer_out text NOT NULL,
      officer_in text NOT NULL,
      chosen text NOT NULL CHECK (chosen IN ('picked', 'random')),
      seed text,
      candidates text[],
      reason text NOT NULL,
      actor text,
      changed_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((chosen = 'random') = (seed IS NOT NULL AND candidates IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX visit_team_changes_visit ON dispatch.visit_team_changes (visit_id, changed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.visit_team_changes`);
  }
}
