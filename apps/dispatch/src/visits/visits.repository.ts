import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChecklistEntry } from '@tianping/planner';
import type { VisitItemResult } from '@tianping/contracts';
import { revokedOnAppeal } from '../draw/follow-up-orders.util';

export interface VisitRow {
  id: string;
  /** The number people quote (检查编号), `TP-2026-000123`. */
  visitNo: string;
  drawId: string;
  creditCode: string;
  regionCode: string;
  date: string;
  departments: string[];
  officerIds: string[];
  checklist: ChecklistEntry[];
  reasons: string[];
  clueIds: string[];
  exploration: boolean;
  routeKey: string;
  routeOrder: number;
  noticeAllowed: boolean;
  status: 'scheduled' | 'done' | 'cancelled';
  results: VisitItemResult[] | null;
  /** The rectification deadline (整改期限) its results set, when an item is 责令整改. */
  rectifyBy: string | null;
  /** The deadline its results first set, when extended (延期整改) since; else null. */
  originalRectifyBy: string | null;
  /** The re-inspections (复查) it carries: which inspection ordered rectification, when, and by when. */
  followUps: VisitFollowUp[];
  recordedAt: string | null;
  rating: { stars: number; comment: string | null; ratedAt: string } | null;
}

export interface VisitFollowUp {
  department: string;
  /** The inspection's case number or visit number. */
  inspectionRef: string;
  inspectedOn: string;
  rectifyBy: string;
}

/** Why a visit was cancelled; `other` for one cancelled before these were told apart. */
export type CancelledBecause = 'follow-up-released' | 'plan-superseded' | 'plan-cut' | 'other';

export interface VisitCancellation {
  visitId: string;
  reason: CancelledBecause;
}

/** An extension's release of re-inspections from a visit planned before the new deadline (follow_up_releases). */
export interface VisitRelease {
  visitId: string;
  cancelled: boolean;
  /** The new deadline the re-inspection now comes after. */
  deadline: string;
  followUps: { department: string; inspectionRef: string; inspectedOn: string | null }[];
  /** The departments that left the visit with the re-inspection (none when it was cancelled whole). */
  departmentsRemoved: string[];
}

export interface VisitFilter {
  from?: string;
  to?: string;
  officerId?: string;
  regionCode?: string;
  drawId?: string;
  creditCode?: string;
  /** Visits this department is on (its checklist among theirs). */
  department?: string;
  /** Visits carrying a task drawn for this reason. */
  reason?: string;
  /** Visits whose plan drew the enterprise in this colour. */
  colour?: string;
  statuses: string[];
  limit: number;
}

/** The follow-ups a visit carries, each with its inspection's deadline as it is now: an extension (延期整改) moves it. */
const FOLLOW_UPS = `(SELECT coalesce(jsonb_agg(CASE WHEN o.rectify_by IS NULL THEN f ELSE f || jsonb_build_object('rectifyBy', o.rectify_by::text) END ORDER BY e.n), '[]')
    FROM jsonb_array_elements(v.follow_ups) WITH ORDINALITY AS e(f, n) LEFT JOIN dispatch.visits o ON o.visit_no = e.f->>'inspectionRef')`;

const VISIT_COLUMNS = `v.id, v.visit_no AS "visitNo", v.draw_id AS "drawId", v.credit_code AS "creditCode", v.region_code AS "regionCode", v.date::text AS date, v.departments,
  ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id) AS "officerIds",
  v.checklist, v.reasons, v.clue_ids AS "clueIds", v.exploration, v.route_key AS "routeKey", v.route_order AS "routeOrder",
  v.notice_allowed AS "noticeAllowed", v.status, v.results, v.rectify_by::text AS "rectifyBy", ${FOLLOW_UPS} AS "followUps", v.recorded_at AS "recordedAt",
  (SELECT x.from_day::text FROM dispatch.rectification_extensions x WHERE x.visit_id = v.id ORDER BY x.extended_at, x.id LIMIT 1) AS "originalRectifyBy",
  (SELECT json_build_object('stars', r.stars, 'comment', r.comment, 'ratedAt', r.rated_at) FROM dispatch.visit_ratings r WHERE r.visit_id = v.id) AS rating`;

/** The only place that reads and writes visits after they are planned. */
@Injectable()
export class VisitsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Visits in day and route order: the officers' calendar. */
  async list(f: VisitFilter): Promise<VisitRow[]> {
    return this.dataSource.query(
      `SELECT ${VISIT_COLUMNS} FROM dispatch.visits v
        WHERE v.status = ANY($1) AND ($2::date IS NULL OR v.date >= $2) AND ($3::date IS NULL OR v.date <= $3)
          AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id AND vo.officer_id = $4))
          AND ($5::text IS NULL OR v.region_code = $5) AND ($6::uuid IS NULL OR v.draw_id = $6) AND ($7::text IS NULL OR v.credit_code = $7)
          AND ($9::text IS NULL OR $9 = ANY(v.departments)) AND ($10::text IS NULL OR $10 = ANY(v.reasons))
          AND ($11::text IS NULL OR (v.draw_id, v.credit_code) IN (
                SELECT d.id, t.task->>'creditCode' FROM dispatch.draws d CROSS JOIN LATERAL jsonb_array_elements(d.tasks) AS t(task)
                 WHERE ($6::uuid IS NULL OR d.id = $6) AND t.task->>'colour' = $11))
        ORDER BY v.date, v.region_code, v.route_key, v.route_order LIMIT $8`,
      [
        f.statuses,
        f.from ?? null,
        f.to ?? null,
        f.officerId ?? null,
        f.regionCode ?? null,
        f.drawId ?? null,
        f.creditCode ?? null,
        f.limit,
        f.department ?? null,
        f.reason ?? null,
        f.colour ?? null,
      ],
    );
  }

  async find(id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<VisitRow | null> {
    const [row] = await m.query(`SELECT ${VISIT_COLUMNS} FROM dispatch.visits v WHERE v.id = $1${lock ? ' FOR UPDATE OF v' : ''}`, [id]);
    return row ?? null;
  }

  /** The re-inspections (复查) planned or done after this visit's order to rectify, from published plans, soonest first. */
  async reInspectionsOf(
    creditCode: string,
    visitNo: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; visitNo: string; date: string; status: string }[]> {
    return m.query(
      `SELECT v.id, v.visit_no AS "visitNo", v.date::text AS date, v.status
         FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
        WHERE v.credit_code = $1 AND v.status <> 'cancelled' AND d.status = 'published'
          AND v.follow_ups @> jsonb_build_array(jsonb_build_object('inspectionRef', $2::text))
        ORDER BY v.date, v.visit_no`,
      [creditCode, visitNo],
    );
  }

  /**
   * The findings of these visits revoked on appeal (撤销), per visit and department, with the result intake's case
   * now holds (which names the appeal): such a finding orders nothing any more.
   */
  async revokedFindings(visitIds: string[]): Promise<{ visitId: string; department: string; result: string }[]> {
    if (visitIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT v.id AS "visitId", d.department, p.result
         FROM dispatch.visits v CROSS JOIN LATERAL unnest(v.departments) AS d(department)
         JOIN dispatch.prior_inspections p ON p.case_no IN (v.visit_no || '-' || d.department, 'TP-' || v.id::text || '-' || d.department)
        WHERE v.id = ANY($1::uuid[]) AND ${revokedOnAppeal('p')}`,
      [visitIds],
    );
  }

  /**
   * What became of these visits after they were planned: for a cancelled one, why (an extension released its
   * re-inspection, or its plan was replaced or cut by a newer one); and each release of a re-inspection, with the
   * day of the finding it was to re-inspect and the new deadline it moved after.
   */
  async changesOf(visitIds: string[]): Promise<{ cancellations: VisitCancellation[]; releases: VisitRelease[] }> {
    if (visitIds.length === 0) return { cancellations: [], releases: [] };
    const [cancellations, releases] = await Promise.all([
      this.dataSource.query(
        `SELECT v.id AS "visitId",
                CASE WHEN EXISTS (SELECT 1 FROM dispatch.follow_up_releases r WHERE r.visit_id = v.id AND r.cancelled) THEN 'follow-up-released'
                     WHEN d.status = 'superseded' THEN 'plan-superseded'
                     WHEN d.cut_from IS NOT NULL AND v.date >= d.cut_from THEN 'plan-cut'
                     ELSE 'other' END AS reason
           FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
          WHERE v.id = ANY($1::uuid[]) AND v.status = 'cancelled'`,
        [visitIds],
      ),
      this.dataSource.query(
        `SELECT r.visit_id AS "visitId", r.cancelled, r.deadline::text AS deadline, r.departments AS "departmentsRemoved",
                (SELECT coalesce(jsonb_agg(f || jsonb_build_object('inspectedOn',
                          coalesce((SELECT o.date::text FROM dispatch.visits o WHERE o.visit_no = f->>'inspectionRef'),
                                   (SELECT p.date::text FROM dispatch.prior_inspections p WHERE p.case_no = f->>'inspectionRef'))) ORDER BY e.n), '[]')
                   FROM jsonb_array_elements(r.follow_ups) WITH ORDINALITY AS e(f, n)) AS "followUps"
           FROM dispatch.follow_up_releases r
          WHERE r.visit_id = ANY($1::uuid[]) ORDER BY r.released_at, r.id`,
        [visitIds],
      ),
    ]);
    return { cancellations, releases };
  }

  /** The departments the complaints a visit follows up were routed to. */
  async complaintDepartments(m: EntityManager, clueIds: string[]): Promise<string[]> {
    if (clueIds.length === 0) return [];
    const rows: { department: string }[] = await m.query(`SELECT DISTINCT department FROM dispatch.complaints WHERE clue_id = ANY($1::text[])`, [clueIds]);
    return rows.map((r) => r.department);
  }

  /** The visit's id from the number people quote. */
  async idOfNumber(visitNo: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT id FROM dispatch.visits WHERE visit_no = $1`, [visitNo]);
    return row?.id ?? null;
  }

  /** A route's day, team and length, and its visits and their enterprises in visiting order. */
  async route(
    drawId: string,
    routeKey: string,
  ): Promise<{ date: string; officerIds: string[]; distanceKm: number; visitIds: string[]; creditCodes: string[] } | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.date::text AS date, r.officer_ids AS "officerIds", r.distance_km AS "distanceKm",
              coalesce(v.ids, '{}') AS "visitIds", coalesce(v.codes, '{}') AS "creditCodes"
         FROM dispatch.routes r
         LEFT JOIN LATERAL (
           SELECT array_agg(v.id::text ORDER BY v.route_order) AS ids, array_agg(v.credit_code ORDER BY v.route_order) AS codes
             FROM dispatch.visits v WHERE v.draw_id = r.draw_id AND v.route_key = r.route_key
         ) v ON true
        WHERE r.draw_id = $1 AND r.route_key = $2`,
      [drawId, routeKey],
    );
    return row ?? null;
  }

  async recordResults(m: EntityManager, id: string, results: VisitItemResult[], rectifyBy: string | null): Promise<string> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]]: [{ recordedAt: Date }[], number] = await m.query(
      `UPDATE dispatch.visits SET status = 'done', results = $2, rectify_by = $3, recorded_at = now() WHERE id = $1 RETURNING recorded_at AS "recordedAt"`,
      [id, JSON.stringify(results), rectifyBy],
    );
    return new Date(row.recordedAt).toISOString();
  }

  async rate(m: EntityManager, id: string, stars: number, comment?: string): Promise<void> {
    await m.query(`INSERT INTO dispatch.visit_ratings (visit_id, stars, comment) VALUES ($1, $2, $3)`, [id, stars, comment ?? null]);
  }
}
