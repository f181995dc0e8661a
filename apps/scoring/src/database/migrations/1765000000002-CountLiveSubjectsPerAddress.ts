import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many live subjects share each address, kept as subjects change instead of counted by every
 * full run (a run split in shards counted the whole table once per shard). Statement-level triggers
 * add up each statement's changes per address, in address order so concurrent writers cannot
 * deadlock. The live states are LIVE_STATUSES (enterprise-features.repository.ts).
 */
export class CountLiveSubjectsPerAddress1765000000002 implements MigrationInterface {
  name = 'CountLiveSubjectsPerAddress1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.address_counts (address_key text PRIMARY KEY, live integer NOT NULL)`);
    await q.query(`CREATE FUNCTION scoring.add_address_counts(arrived text[], departed text[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO scoring.address_counts AS a (address_key, live)
      SELECT address_key, sum(change)::int
      FROM (SELECT unnest(arrived) AS address_key, 1 AS change UNION ALL SELECT unnest(departed), -1) changes
      WHERE address_key IS NOT NULL
      GROUP BY address_key HAVING sum(change) <> 0 ORDER BY address_key
      ON CONFLICT (address_key) DO UPDATE SET live = a.live + EXCLUDED.live $$`);
    // A transition table exists only for the events that have it, so each event reads its own.
    await q.query(`CREATE FUNCTION scoring.count_live_at_addresses() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM scoring.address_counts;
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM scoring.add_address_counts(ARRAY(SELECT address_key FROM new_subjects WHERE status IN ('存续', '在业')), '{}');
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM scoring.add_address_counts('{}', ARRAY(SELECT address_key FROM old_subjects WHERE status IN ('存续', '在业')));
        ELSE
          PERFORM scoring.add_address_counts(ARRAY(SELECT address_key FROM new_subjects WHERE status IN ('存续', '在业')),
                                             ARRAY(SELECT address_key FROM old_subjects WHERE status IN ('存续', '在业')));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER subjects_inserted_address_counts AFTER INSERT ON scoring.subjects
      REFERENCING NEW TABLE AS new_subjects FOR EACH STATEMENT EXECUTE FUNCTION scoring.count_live_at_addresses()`);
    await q.query(`CREATE TRIGGER subjects_updated_address_counts AFTER UPDATE ON scoring.subjects
      REFERENCING OLD TABLE AS old_subjects NEW TABLE AS new_subjects FOR EACH STATEMENT EXECUTE FUNCTION scoring.count_live_at_addresses()`);
    await q.query(`CREATE TRIGGER subjects_deleted_address_counts AFTER DELETE ON scoring.subjects
      REFERENCING OLD TABLE AS old_subjects FOR EACH STATEMENT EXECUTE FUNCTION scoring.count_live_at_addresses()`);
    await q.query(`CREATE TRIGGER subjects_truncated_address_counts AFTER TRUNCATE ON scoring.subjects
      FOR EACH STATEMENT EXECUTE FUNCTION scoring.count_live_at_addresses()`);
    await q.query(`INSERT INTO scoring.address_counts (address_key, live)
      SELECT address_key, count(*)::int FROM scoring.subjects WHERE address_key IS NOT NULL AND status IN ('存续', '在业') GROUP BY address_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['inserted', 'updated', 'deleted', 'truncated']) {
      await q.query(`DROP TRIGGER IF EXISTS subjects_${event}_address_counts ON scoring.subjects`);
    }
    await q.query(`DROP FUNCTION IF EXISTS scoring.count_live_at_addresses()`);
    await q.query(`DROP FUNCTION IF EXISTS scoring.add_address_counts(text[], text[])`);
    await q.query(`DROP TABLE IF EXISTS scoring.address_counts`);
  }
}
