import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A full run appends a million history rows; each paid for a foreign-key check against its run and
 * an entry in an index by enterprise that no query reads (scores are found by id, through
 * current_scores). Runs are never deleted, and every row is written with the id of a run just made.
 */
export class LightenScoreHistoryWrites1764900000001 implements MigrationInterface {
  name = 'LightenScoreHistoryWrites1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.score_history DROP CONSTRAINT IF EXISTS score_history_run_id_fkey`);
    await q.query(`DROP INDEX IF EXISTS scoring.score_history_enterprise`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX score_history_enterprise ON scoring.score_history (credit_code, id)`);
    await q.query(`ALTER TABLE scoring.score_history ADD CONSTRAINT score_history_run_id_fkey FOREIGN KEY (run_id) REFERENCES scoring.score_runs(id)`);
  }
}
