import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run's counts now say how many open quarantined copies it closed as superseded. The runs finished
 * before are given theirs from the copies themselves: each names the load that superseded it.
 */
export class CountSupersededCopiesOfRuns1766500000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`WITH closed AS (
        SELECT resolution->'supersededBy'->>'runId' AS run_id, count(*)::int AS n FROM intake.quarantine
         WHERE status = 'superseded' AND resolution->'supersededBy' ? 'runId' GROUP BY 1)
      UPDATE intake.ingest_runs r SET counts = r.counts || jsonb_build_object('superseded', coalesce((SELECT n FROM closed WHERE closed.run_id = r.id::text), 0))
       WHERE r.finished_at IS NOT NULL AND NOT r.counts ? 'superseded'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE intake.ingest_runs SET counts = counts - 'superseded' WHERE counts ? 'superseded'`);
  }
}
