import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scores waiting to be published were the history rows with no `published_at`, found through a
 * partial index. Each score cost an entry in that index, and publishing then rewrote every history
 * row a second time (the column is in the index's predicate, so the update could not stay on its
 * page): a full run wrote its million rows twice. Now a chunk's write also records, in
 * `score_outbox`, the id ranges it wrote (a few rows per chunk); the publisher reads the history
 * through them and deletes them once sent. History rows are written once and never updated.
 */
export class KeepPendingScoresInAnOutbox1765200000000 implements MigrationInterface {
  name = 'KeepPendingScoresInAnOutbox1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.score_outbox (
      first_id bigint PRIMARY KEY,
      last_id bigint NOT NULL,
      CHECK (first_id <= last_id)
    )`);
    // What is still unpublished, as runs of consecutive ids (id minus its rank is constant along a
    // run) cut at every 1,024th id, so that no range is larger than the publisher's usual batch.
    await q.query(`INSERT INTO scoring.score_outbox (first_id, last_id)
      SELECT min(id), max(id) FROM (
        SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM scoring.score_history WHERE published_at IS NULL
      ) pending GROUP BY run, id / 1024`);
    await q.query(`DROP INDEX scoring.score_history_unpublished`);
    await q.query(`ALTER TABLE scoring.score_history DROP COLUMN published_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.score_history ADD COLUMN published_at timestamptz`);
    await q.query(`UPDATE scoring.score_history h SET published_at = now()
      WHERE NOT EXISTS (SELECT 1 FROM scoring.score_outbox o WHERE h.id BETWEEN o.first_id AND o.last_id)`);
    await q.query(`CREATE INDEX score_history_unpublished ON scoring.score_history (id) WHERE published_at IS NULL`);
    await q.query(`DROP TABLE scoring.score_outbox`);
  }
}
