import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scope the public list of plans shows (抽查计划公示), stored with each draw instead of counted
 * from its tasks on every request of an unauthenticated page. It cannot go stale: a plan's tasks
 * never change after the draw, and its visits are all inserted with it and never deleted (a newer
 * plan only cancels them, and the list counts the visits planned, cancelled or not). Cut or
 * superseded is read from the draw as it is now. One function computes the scope, for the backfill
 * here and for every draw (DrawRepository.insertDraw).
 */
export class StorePublicPlanScope1766400000000 implements MigrationInterface {
  name = 'StorePublicPlanScope1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION dispatch.public_plan_scope(plan_tasks jsonb, planned_visits integer) RETURNS jsonb
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT jsonb_build_object(
        'enterprises', (SELECT count(DISTINCT t->>'creditCode')::int FROM jsonb_array_elements(plan_tasks) t),
        'checks', jsonb_array_length(plan_tasks),
        'visits', planned_visits,
        'departments', coalesce((
          SELECT jsonb_agg(jsonb_build_object('department', p.department, 'enterprises', p.enterprises, 'items', p.items) ORDER BY p.department)
            FROM (SELECT t->>'department' AS department, count(DISTINCT t->>'creditCode')::int AS enterprises,
                         to_jsonb(array_remove(array_agg(DISTINCT i ORDER BY i), NULL)) AS items
                    FROM jsonb_array_elements(plan_tasks) t LEFT JOIN LATERAL jsonb_array_elements_text(t->'items') i ON true
                   GROUP BY t->>'department') p
        ), '[]'::jsonb)) $$`);
    await q.query(`ALTER TABLE dispatch.draws ADD COLUMN public_scope jsonb`);
    await q.query(
      `UPDATE dispatch.draws d SET public_scope = dispatch.public_plan_scope(d.tasks, (SELECT count(*)::int FROM dispatch.visits v WHERE v.draw_id = d.id))`,
    );
    await q.query(`ALTER TABLE dispatch.draws ALTER COLUMN public_scope SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.draws DROP COLUMN public_scope`);
    await q.query(`DROP FUNCTION dispatch.public_plan_scope(jsonb, integer)`);
  }
}
