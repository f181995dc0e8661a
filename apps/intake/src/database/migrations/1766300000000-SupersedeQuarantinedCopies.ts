import type { MigrationInterface, QueryRunner } from 'typeorm';
import { heldVersionOf, type RawRecord, type SourceKind } from '@tianping/intake-core';

/** Open rows backfilled per statement. */
const PAGE = 5000;

/**
 * A record corrected at the source and exported again left its rejected copy open for ever. Each held copy
 * now says which record it is a version of (`record_key`, normalised as the stored key) and the update time
 * it carries (`held_updated_at`, null where unreadable), so storing a valid version closes it as `superseded`
 * (IngestRepository.supersede). `run_id` says which load brought it, so a load taken in by mistake can be
 * discarded at once. `status` gets the check it lacked, `superseded` among its values. Open rows are backfilled from their masked view: the keys are no personal field, and a
 * key the view shows masked (`*`) is left null, so that copy stays open as before.
 */
export class SupersedeQuarantinedCopies1766300000000 implements MigrationInterface {
  name = 'SupersedeQuarantinedCopies1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.quarantine ADD COLUMN record_key text, ADD COLUMN held_updated_at timestamptz, ADD COLUMN run_id uuid`);
    // The statuses were only ever written by intake's code; the table now says which it holds.
    await q.query(`ALTER TABLE intake.quarantine ADD CONSTRAINT quarantine_status_check CHECK (status IN ('open', 'replayed', 'discarded', 'superseded'))`);
    await backfill(q);
    // Only open copies are ever looked up by key, by every batch written: the index holds nothing else.
    await q.query(`CREATE INDEX quarantine_open_key ON intake.quarantine (kind, record_key) WHERE status = 'open' AND record_key IS NOT NULL`);
    await q.query(`CREATE INDEX quarantine_open_run ON intake.quarantine (run_id) WHERE status = 'open' AND run_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Superseded copies were open until a valid version came: open again, as they were before it.
    await q.query(`UPDATE intake.quarantine SET status = 'open', resolved_at = NULL, resolution = NULL WHERE status = 'superseded'`);
    await q.query(`DROP INDEX intake.quarantine_open_run`);
    await q.query(`DROP INDEX intake.quarantine_open_key`);
    await q.query(`ALTER TABLE intake.quarantine DROP CONSTRAINT quarantine_status_check`);
    await q.query(`ALTER TABLE intake.quarantine DROP COLUMN run_id, DROP COLUMN held_updated_at, DROP COLUMN record_key`);
  }
}

/** Read with the same code that keys new copies (heldVersionOf), a page of open rows at a time. */
async function backfill(q: QueryRunner): Promise<void> {
  for (let after = 0; ;) {
    const rows: { id: number; kind: SourceKind; raw: RawRecord | string }[] = await q.query(
      `SELECT id::int, kind, raw_masked AS raw FROM intake.quarantine WHERE status = 'open' AND id > $1 ORDER BY id LIMIT $2`,
      [after, PAGE],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    const held = rows.map((row) => heldVersionOf(row.kind, row.raw));
    const ids = rows.map((row) => row.id);
    const keys = held.map((h) => (h.key !== null && !h.key.includes('*') ? h.key : null));
    const times = held.map((h) => h.updatedAt?.toISOString() ?? null);
    await q.query(
      `UPDATE intake.quarantine q SET record_key = v.key, held_updated_at = v.updated_at
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS v(id, key, updated_at) WHERE q.id = v.id`,
      [ids, keys, times],
    );
  }
}
