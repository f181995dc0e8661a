import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FollowUpTrigger, PlanningWindow } from '@tianping/planner';
import type { DispatchPolicy } from '../plans/plans.repository';
import { effectiveTo } from './draw.repository';
import { heldBy, orderedCte, notReinspected, reinspectionFrom } from './follow-up-orders.util';

/**
 * Orders to rectify (责令整改) still waiting for their re-inspection (整改复查): one per enterprise,
 * department and inspection that gave the order.
 */
@Injectable()
export class FollowUpsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Open follow-ups whose first re-inspection day (the day after the deadline) falls by the window's last day. They come from dispatch's own visits
   * with an item 责令整改 (the deadline recorded with the results or last extended to, or the visit's day + `rectificationDays`
   * for results recorded before deadlines were) and from intake's cases 责令整改 (the day last extended to, else the case's
   * day + `rectificationDays`: the platform exports none), except the cases of dispatch's own visits, counted
   * once already as their visit. A follow-up is served once its department inspected the enterprise
   * after the deadline (a case from intake, or a visit done), or while a visit carrying it is
   * scheduled in a published plan that keeps it: one of another window, or before this one's first day
   * (publishing this draw cancels the rest, and those follow-ups come back to it), after the deadline: one
   * on or before it, the deadline having been extended since (延期整改), would prove nothing. The deadline day is
   * the enterprise's: `notBefore` is the day after it. A deadline more than the
   * policy's `followUpLookbackDays` before the window is history, not open work: not planned, but counted
   * (`stale`), so the cut shows. Only enterprises in `liveStatuses` are followed up: one struck off is not visited.
   */
  async open(
    window: PlanningWindow,
    departments: string[],
    policy: Pick<DispatchPolicy, 'rectificationDays' | 'followUpWithinDays' | 'followUpLookbackDays'>,
    liveStatuses: string[],
  ): Promise<{ tasks: FollowUpTrigger[]; stale: number }> {
    type Row = {
      creditCode: string;
      department: string;
      inspectionRef: string;
      inspectedOn: string;
      rectifyBy: string;
      notBefore: string;
      dueBy: string;
      stale: number | null;
    };
    const rows: Row[] = await this.dataSource.query(
      `WITH ${orderedCte('$3')}, open AS (
         SELECT o.* FROM ordered o JOIN dispatch.enterprises e USING (credit_code)
          WHERE e.status = ANY($5) AND o.department = ANY($6) AND ${reinspectionFrom('o.deadline')} <= $2::date
            AND ${notReinspected('o')}
            AND NOT EXISTS (${heldBy('o')}
                               AND (v.date < $1::date OR NOT (d.window_from <= $2::date AND ${effectiveTo('d')} >= $1::date)))
         )
         (SELECT credit_code AS "creditCode", department, ref AS "inspectionRef", inspected_on::text AS "inspectedOn",
                 deadline::text AS "rectifyBy", ${reinspectionFrom('deadline')}::text AS "notBefore", (deadline + $4::int)::text AS "dueBy", NULL::int AS stale
            FROM open WHERE deadline >= $1::date - $7::int ORDER BY ref, department)
         UNION ALL
         SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int FROM open WHERE deadline < $1::date - $7::int`,
      [window.start, window.end, policy.rectificationDays, policy.followUpWithinDays, liveStatuses, departments, policy.followUpLookbackDays],
    );
    const tasks = rows.filter((r) => r.stale === null).map(({ stale: _stale, ...r }) => ({ kind: 'follow-up' as const, ...r }));
    return { tasks, stale: rows.find((r) => r.stale !== null)?.stale ?? 0 };
  }
}
