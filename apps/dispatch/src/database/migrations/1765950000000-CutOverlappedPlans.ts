import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plan that began before a newer plan's window is cut at its start, not superseded whole: its
 * visits before the cut stay scheduled (an officer may be on today's route), those from the cut on
 * are cancelled. `cut_from` is the first day the plan no longer covers; its window stays as drawn, so
 * that anyone can still re-draw it from its seed and inputs.
 */
export class CutOverlappedPlans1765950000000 implements MigrationInterface {
  name = 'CutOverlappedPlans1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.draws ADD COLUMN cut_from date`);
    await q.query(`ALTER TABLE dispatch.draws ADD CONSTRAINT draws_cut_inside CHECK (cut_from IS NULL OR (cut_from > window_from AND cut_from <= window_to))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.draws DROP COLUMN cut_from`);
  }
}
