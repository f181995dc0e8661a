import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { heldBy, orderedCte, notReinspected, reinspectionFrom, wasExtended } from '../draw/follow-up-orders.util';
import type { DispatchPolicy } from '../plans/plans.repository';
import type { FollowUpStatus } from './dtos/follow-up.dto';

export interface TrackedFollowUp {
  creditCode: string;
  department: string;
  regionCode: string;
  source: 'visit' | 'case';
  /** The visit's id when the order came from one of dispatch's visits. */
  visitId: string | null;
  inspectionRef: string;
  inspectedOn: string;
  /** The rectification deadline: the enterprise's last day to rectify. */
  rectifyBy: string;
  /** The first day of the re-inspection: the day after the deadline. */
  notBefore: string;
  dueBy: string;
  extended: boolean;
  status: FollowUpStatus;
  scheduled: { id: string; number: string; date: string } | null;
}

export interface FollowUpFilter {
  on: string;
  statuses: FollowUpStatus[] | null;
  department: string | null;
  region: string | null;
  limit: number;
}

/** The orders to rectify (责令整改) the bureau tracks, by the draw's own definition of open and served. */
@Injectable()
export class TrackedFollowUpsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Every order not re-inspected, each with where it stands on `on`: held by a published scheduled visit after its
   * deadline, on `on` or later (scheduled) or only on a day gone by with no results (missed: the draw plans nothing
   * while it holds the order, so someone must record its results), else cut off as the draw cuts it
   * (stale), on or before its deadline (waiting: the deadline day is the enterprise's), past deadline +
   * `followUpWithinDays` (overdue), or due; with the counts per status before `statuses` narrows.
   */
  async list(
    f: FollowUpFilter,
    policy: Pick<DispatchPolicy, 'rectificationDays' | 'followUpWithinDays' | 'followUpLookbackDays'>,
    liveStatuses: string[],
  ): Promise<{ counts: Record<string, number>; rows: TrackedFollowUp[] }> {
    const [answer]: { counts: Record<string, number>; rows: TrackedFollowUp[] }[] = await this.dataSource.query(
      `WITH ${orderedCte('$1')}, tracked AS (
         SELECT o.*, e.region_code, h.id AS held_id, h.visit_no AS held_no, h.date AS held_on,
                CASE WHEN h.date >= $5::date THEN 'scheduled'
                     WHEN h.id IS NOT NULL THEN 'missed'
                     WHEN o.deadline < $5::date - $6::int THEN 'stale'
                     WHEN ${reinspectionFrom('o.deadline')} > $5::date THEN 'waiting'
                     WHEN o.deadline + $7::int < $5::date THEN 'overdue'
                     ELSE 'due' END AS status
           FROM ordered o JOIN dispatch.enterprises e USING (credit_code)
           -- The first visit to come; else the first one gone by without results.
           LEFT JOIN LATERAL (${heldBy('o')} ORDER BY v.date < $5::date, v.date, v.visit_no LIMIT 1) h ON true
          WHERE e.status = ANY($2) AND ($3::text IS NULL OR o.department = $3) AND ($4::text IS NULL OR e.region_code = $4)
            AND ${notReinspected('o')}
       ), shown AS (
         SELECT t.*, ${wasExtended('t')} AS extended FROM (
           SELECT * FROM tracked WHERE $8::text[] IS NULL OR status = ANY($8) ORDER BY deadline, ref, department LIMIT $9
         ) t
       )
       SELECT (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status, count(*)::int AS n FROM tracked GROUP BY status) c) AS counts,
              (SELECT coalesce(jsonb_agg(jsonb_build_object(
                 'creditCode', credit_code, 'department', department, 'regionCode', region_code, 'source', source, 'visitId', visit_id,
                 'inspectionRef', ref, 'inspectedOn', inspected_on, 'rectifyBy', deadline, 'notBefore', ${reinspectionFrom('deadline')}, 'dueBy', deadline + $7::int,
                 'extended', extended, 'status', status,
                 'scheduled', CASE WHEN held_id IS NULL THEN NULL ELSE jsonb_build_object('id', held_id, 'number', held_no, 'date', held_on) END)
               ORDER BY deadline, ref, department), '[]') FROM shown) AS rows`,
      [policy.rectificationDays, liveStatuses, f.department, f.region, f.on, policy.followUpLookbackDays, policy.followUpWithinDays, f.statuses, f.limit],
    );
    return answer;
  }
}
