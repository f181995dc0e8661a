import { REVOKED_ON_APPEAL } from '@tianping/contracts';

/**
 * What makes an order to rectify (责令整改) open or served, in SQL fragments: the draw's follow-ups and the
 * bureau's tracking list read the same definition. Each fragment names its own tables' aliases; `o` is a
 * row of `ordered` (credit_code, department, ref, source, visit_id, inspected_on, deadline).
 */

/**
 * The enterprise keeps its deadline day (改正期限届满后复查): a re-inspection comes this many days after the deadline at
 * the earliest, and one on the deadline day or before it proves nothing. `firstReinspectionDay` is the same rule in days.
 */
export const REINSPECTION_DAYS_AFTER_DEADLINE = 1;

/** The first day a re-inspection may be for the SQL date `deadline`: the day after it. */
export function reinspectionFrom(deadline: string): string {
  return `(${deadline} + ${REINSPECTION_DAYS_AFTER_DEADLINE})`;
}

/** A visit's id in the case numbers of results recorded before visits were numbered (`TP-<id>-SAMR`). */
const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The Tianping visit whose own case `p` is (intake turns a visit's results into cases `<visit no.>-<department>`). */
export function ownVisitOfCase(p: string): string {
  return `SELECT 1 FROM dispatch.visits v
           WHERE v.visit_no = left(${p}.case_no, -length(${p}.department) - 1)
              OR v.id = CASE WHEN ${p}.case_no ~ '^TP-${UUID_TEXT}-' THEN substr(${p}.case_no, 4, 36)::uuid END`;
}

/**
 * Whether intake's case `p` was revoked on appeal (撤销): its result is then `revoked-on-appeal:<appeal>`
 * (`revokedOnAppealResult`), or, stored before that code, words beginning 已撤销.
 */
export function revokedOnAppeal(p: string): string {
  return `(${p}.result LIKE '${REVOKED_ON_APPEAL}:%' OR ${p}.result LIKE '已撤销%')`;
}

/**
 * Whether the finding of department `department` on visit `v` was revoked on appeal: intake's case of the
 * visit's results for that department (`<visit no.>-<department>`, or `TP-<id>-<department>`) says so.
 */
export function revokedVisitFinding(v: string, department: string): string {
  return `EXISTS (SELECT 1 FROM dispatch.prior_inspections rp
                   WHERE rp.case_no IN (${v}.visit_no || '-' || ${department}, 'TP-' || ${v}.id::text || '-' || ${department})
                     AND ${revokedOnAppeal('rp')})`;
}

/**
 * The CTE `ordered`: every order to rectify, from dispatch's own done visits (the deadline recorded or last
 * extended to, else the visit's day + `rectificationDays`) and from intake's cases 责令整改 (the latest
 * extension's day, else the case's day + `rectificationDays`: the platform exports none), except the cases
 * of dispatch's own visits, counted once already as their visit. A finding revoked on appeal is no order: a
 * revoked case's result is no longer 责令整改, and a visit's department whose case was revoked is left out.
 * `rectificationDays` is a placeholder ($n).
 */
export function orderedCte(rectificationDays: string): string {
  return `ordered AS (
     SELECT v.credit_code, r.department, v.visit_no AS ref, 'visit' AS source, v.id AS visit_id, v.date AS inspected_on,
            coalesce(v.rectify_by, v.date + ${rectificationDays}::int) AS deadline
       FROM dispatch.visits v
      CROSS JOIN LATERAL (SELECT DISTINCT i->>'department' AS department FROM jsonb_array_elements(v.results) AS i WHERE i->>'result' = '责令整改') r
      WHERE v.status = 'done' AND v.results IS NOT NULL AND NOT ${revokedVisitFinding('v', 'r.department')}
     UNION ALL
     SELECT p.credit_code, p.department, p.case_no, 'case', NULL::uuid, p.date,
            coalesce(x.to_day, p.date + ${rectificationDays}::int)
       FROM dispatch.prior_inspections p
       LEFT JOIN (SELECT DISTINCT ON (c.case_no) c.case_no, c.to_day FROM dispatch.case_rectification_extensions c
                   ORDER BY c.case_no, c.created_at DESC, c.to_day DESC) x ON x.case_no = p.case_no
      WHERE p.result = '责令整改' AND p.kind = '检查' AND NOT EXISTS (${ownVisitOfCase('p')})
   )`;
}

/** Whether `o`'s deadline has been extended (延期整改), on the visit or on the platform's case. */
export function wasExtended(o: string): string {
  return `CASE WHEN ${o}.source = 'visit'
               THEN EXISTS (SELECT 1 FROM dispatch.rectification_extensions x WHERE x.visit_id = ${o}.visit_id)
               ELSE EXISTS (SELECT 1 FROM dispatch.case_rectification_extensions c WHERE c.case_no = ${o}.ref) END`;
}

/**
 * True while `o`'s department has not inspected the enterprise after the deadline (a case from intake, or a visit
 * done): an inspection on the deadline day, the enterprise's last day to rectify, closes nothing. Two NOT EXISTS,
 * not NOT (… OR …), so the planner can make anti-joins of them.
 */
export function notReinspected(o: string): string {
  return `NOT EXISTS (SELECT 1 FROM dispatch.prior_inspections p
                      WHERE p.credit_code = ${o}.credit_code AND p.department = ${o}.department AND p.kind = '检查' AND p.date >= ${reinspectionFrom(`${o}.deadline`)})
      AND NOT EXISTS (SELECT 1 FROM dispatch.visits v
                      WHERE v.credit_code = ${o}.credit_code AND v.status = 'done' AND ${o}.department = ANY(v.departments) AND v.date >= ${reinspectionFrom(`${o}.deadline`)})`;
}

/**
 * The scheduled visits `v` of published plans (`d` their draws) of enterprise `creditCode` whose follow-ups meet
 * `carries`, on a day from the first re-inspection day after `deadline` (`from`) or before it (`before`): a visit
 * before it re-inspects nothing (the deadline having been extended since). A FROM … WHERE for callers to select from.
 */
export function scheduledCarrying(creditCode: string, carries: string, deadline: string, days: 'from' | 'before'): string {
  return `FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
           WHERE v.credit_code = ${creditCode} AND v.status = 'scheduled' AND d.status = 'published' AND ${carries}
             AND v.date ${days === 'from' ? '>=' : '<'} ${reinspectionFrom(deadline)}`;
}

/** The scheduled visits of published plans that hold `o`'s follow-up (`v` the visit, `d` its draw, for callers to narrow). */
export function heldBy(o: string): string {
  const carries = `v.follow_ups @> jsonb_build_array(jsonb_build_object('department', ${o}.department, 'inspectionRef', ${o}.ref))`;
  return `SELECT v.id, v.visit_no, v.date ${scheduledCarrying(`${o}.credit_code`, carries, `${o}.deadline`, 'from')}`;
}
