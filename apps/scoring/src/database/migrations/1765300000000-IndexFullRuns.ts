import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The re-scoring loop asks every couple of seconds whether a full run is under way (the marks made
 * before it are that run's to cover), and the daily run asks whether today's has been made. Runs
 * accumulate, one per batch of changes, so both are answered from an index of the few full runs.
 */
export class IndexFullRuns1765300000000 implements MigrationInterface {
  name = 'IndexFullRuns1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX score_runs_full ON scoring.score_runs (started_at) WHERE kind = 'all'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scoring.score_runs_full`);
  }
}
