import type { DataSource } from 'typeorm';
import type { DrawResult, Plan, Violation } from '@tianping/planner';
import { checkAgainstInputs, type PlanningInputs } from '../../../apps/dispatch/src/draw/planning.util';
import type { DispatchHarness } from './dispatch-app.harness';

/**
 * Verifies a stored plan the way an outside auditor would: from the rows in the database and the
 * inputs the service publishes, through the planner's independent checker, not the service's verdict.
 */
export async function checkStoredPlan(h: DispatchHarness, drawId: string): Promise<{ violations: Violation[]; visits: number }> {
  const { body: record } = await h.http<{
    seed: string;
    window: { from: string; to: string };
    suspended: boolean;
    explorationShare: number;
    tasks: DrawResult['tasks'];
    strata: DrawResult['strata'];
    unassigned: Plan['unassigned'];
  }>('GET', `/api/draws/${drawId}`);
  const { body: stored } = await h.http<{ inputs: PlanningInputs }>('GET', `/api/draws/${drawId}/inputs`);
  const plan = await planFromRows(h.dataSource, drawId, record.seed, record.unassigned);
  const draw: DrawResult = {
    seed: record.seed,
    window: { start: record.window.from, end: record.window.to },
    suspended: record.suspended,
    explorationShare: record.explorationShare,
    tasks: record.tasks,
    strata: record.strata,
  };
  return { violations: checkAgainstInputs(plan, draw, stored.inputs), visits: plan.visits.length };
}

/** The plan as drawn: a visit that released a re-inspection after an extension (延期整改) gets back what it gave up, officers too. */
async function planFromRows(ds: DataSource, drawId: string, seed: string, unassigned: Plan['unassigned']): Promise<Plan> {
  const visits = await ds.query(
    `SELECT v.id, v.credit_code AS "creditCode", v.region_code AS "regionCode", v.date::text AS date,
            v.departments || ARRAY(SELECT d FROM dispatch.follow_up_releases r, unnest(r.departments) d WHERE r.visit_id = v.id) AS departments,
            v.task_ids || ARRAY(SELECT t FROM dispatch.follow_up_releases r, unnest(r.task_ids) t WHERE r.visit_id = v.id) AS "taskIds",
            v.checklist || coalesce((SELECT jsonb_agg(c) FROM dispatch.follow_up_releases r, jsonb_array_elements(r.checklist) c WHERE r.visit_id = v.id), '[]') AS checklist,
            v.exploration, v.route_key AS "routeId", v.route_order AS "routeOrder",
            ARRAY(SELECT officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id
                  UNION SELECT o FROM dispatch.follow_up_releases r, unnest(r.officers_removed) o WHERE r.visit_id = v.id ORDER BY 1) AS "officerIds"
       FROM dispatch.visits v WHERE v.draw_id = $1 ORDER BY v.route_key, v.route_order`,
    [drawId],
  );
  const routes = await ds.query(
    `SELECT r.route_key AS id, r.date::text AS date, r.region_code AS "regionCode", ARRAY(SELECT o FROM unnest(r.officer_ids) o UNION SELECT o FROM dispatch.visits v, dispatch.follow_up_releases f, unnest(f.officers_removed) o
                   WHERE v.draw_id = r.draw_id AND v.route_key = r.route_key AND f.visit_id = v.id ORDER BY 1) AS "officerIds", r.distance_km AS "distanceKm",
            ARRAY(SELECT v.id::text FROM dispatch.visits v WHERE v.draw_id = r.draw_id AND v.route_key = r.route_key ORDER BY v.route_order) AS "visitIds"
       FROM dispatch.routes r WHERE r.draw_id = $1`,
    [drawId],
  );
  const [window] = await ds.query(`SELECT window_from::text AS start, window_to::text AS "end" FROM dispatch.draws WHERE id = $1`, [drawId]);
  return { seed, window, workingDays: [], visits, routes, unassigned };
}
