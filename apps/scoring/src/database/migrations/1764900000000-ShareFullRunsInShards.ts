import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A full run is split into shards (ranges of credit codes) that any scoring instance may take from
 * the work queue. The run keeps the factor context every shard scores with, so all shards agree; each
 * shard is recorded once done, in the same transaction as its scores, so a redelivered one is a no-op.
 */
export class ShareFullRunsInShards1764900000000 implements MigrationInterface {
  name = 'ShareFullRunsInShards1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.score_runs ADD COLUMN shards integer, ADD COLUMN factor_context jsonb, ADD COLUMN failure text`);
    await q.query(`CREATE TABLE scoring.score_run_shards (
      run_id bigint NOT NULL REFERENCES scoring.score_runs(id),
      shard integer NOT NULL,
      from_code text,
      to_code text,
      enterprises integer,
      green integer,
      yellow integer,
      red integer,
      worker text,
      done_at timestamptz,
      PRIMARY KEY (run_id, shard)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.score_run_shards`);
    await q.query(`ALTER TABLE scoring.score_runs DROP COLUMN failure, DROP COLUMN factor_context, DROP COLUMN shards`);
  }
}
