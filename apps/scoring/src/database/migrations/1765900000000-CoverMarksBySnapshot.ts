import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which changes a full run covers, told by transaction rather than by clock. A mark took its time from
 * the start of the transaction that made it, so a change begun before a run started but committed
 * after a shard had read its data counted as covered by the run, and the run's end cleared its mark
 * unscored. A mark now records its transaction (`marked_by`), a run the snapshot it started in
 * (`start_snapshot`): a run covers the marks whose transaction that snapshot sees, as every shard's
 * later snapshot does. Rows from before keep the old comparison (both columns null).
 */
export class CoverMarksBySnapshot1765900000000 implements MigrationInterface {
  name = 'CoverMarksBySnapshot1765900000000';

  async up(q: QueryRunner): Promise<void> {
    // Added without a default first, so rows already there stay null rather than take this moment's values.
    await q.query(`ALTER TABLE scoring.dirty_enterprises ADD COLUMN marked_by xid8`);
    await q.query(`ALTER TABLE scoring.dirty_enterprises ALTER COLUMN marked_by SET DEFAULT pg_current_xact_id()`);
    await q.query(`ALTER TABLE scoring.score_runs ADD COLUMN start_snapshot pg_snapshot`);
    await q.query(`ALTER TABLE scoring.score_runs ALTER COLUMN start_snapshot SET DEFAULT pg_current_snapshot()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.score_runs DROP COLUMN start_snapshot`);
    await q.query(`ALTER TABLE scoring.dirty_enterprises DROP COLUMN marked_by`);
  }
}
