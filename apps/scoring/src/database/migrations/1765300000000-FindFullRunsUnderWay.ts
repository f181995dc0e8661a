import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The re-scoring loop asks, every couple of seconds, whether a full run is under way (the marks made
 * before it are that run's to cover). Runs accumulate, one per batch of changes, so the question is
 * answered from an index of the few unfinished full runs rather than by reading them all.
 */
export class FindFullRunsUnderWay1765300000000 implements MigrationInterface {
  name = 'FindFullRunsUnderWay1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX score_runs_full_under_way ON scoring.score_runs (started_at) WHERE kind = 'all' AND finished_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scoring.score_runs_full_under_way`);
  }
}
