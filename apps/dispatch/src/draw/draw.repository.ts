import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DrawResult, Plan, PlanFigures, StratumDraw, UnassignedTask, Violation } from '@tianping/planner';
import type { VisitFollowUp } from '../visits/visits.repository';

export type DrawStatus = 'published' | 'rejected' | 'superseded';

/** Verified complaints and orders to rectify a draw left out as older than the policy's look-backs, with those look-backs. */
export interface LookbackFigures {
  complaintLookbackDays: number;
  staleComplaints: number;
  followUpLookbackDays: number;
  staleFollowUps: number;
  /** Years of the window with no day in the work calendar (fixed-date public holidays only); absent on older draws. */
  calendarUnsetYears?: number[];
}

export interface DrawRecord {
  id: string;
  seed: string;
  window: { from: string; to: string };
  /** The first day this plan no longer covers, when a newer plan cut it (its visits from then on cancelled). */
  cutFrom?: string | null;
  status: DrawStatus;
  suspended: boolean;
  /** Recorded for a window that had already begun (a plan carried over from before the system). */
  backfill: boolean;
  modelVersion: string | null;
  explorationShare: number;
  inputsFingerprint: string;
  resultFingerprint: string;
  inputsGz: Buffer;
  /** The look-back figures are missing on draws recorded before there was a look-back. */
  figures: PlanFigures & Partial<LookbackFigures>;
  strata: StratumDraw[];
  unassigned: UnassignedTask[];
  checker: string;
  violationCount: number;
  violations: Violation[];
  createdAt?: string;
}

export interface NewDraw extends Omit<DrawRecord, 'createdAt'> {
  tasks: DrawResult['tasks'];
  /** The visits insertPlan records with it (none for a rejected plan), counted in its public scope. */
  plannedVisits: number;
}

/** SQL: the last day a plan (of the table alias given) covers: the day before its cut, if a newer plan cut it, else its window's end. */
export const effectiveTo = (alias?: string) => (alias ? `coalesce(${alias}.cut_from - 1, ${alias}.window_to)` : `coalesce(cut_from - 1, window_to)`);

/** The only place that reads and writes draws, their routes and their visits. */
@Injectable()
export class DrawRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The draw with its public scope, computed once here since its tasks and visits do not change after. */
  async insertDraw(m: EntityManager, d: NewDraw): Promise<void> {
    await m.query(
      `INSERT INTO dispatch.draws (id, seed, window_from, window_to, status, suspended, model_version, exploration_share, inputs_fingerprint,
              result_fingerprint, inputs_gz, tasks, strata, unassigned, figures, checker, violation_count, violations, backfill, public_scope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, dispatch.public_plan_scope($12::jsonb, $20))`,
      [
        d.id,
        d.seed,
        d.window.from,
        d.window.to,
        d.status,
        d.suspended,
        d.modelVersion,
        d.explorationShare,
        d.inputsFingerprint,
        d.resultFingerprint,
        d.inputsGz,
        JSON.stringify(d.tasks),
        JSON.stringify(d.strata),
        JSON.stringify(d.unassigned),
        JSON.stringify(d.figures),
        d.checker,
        d.violationCount,
        JSON.stringify(d.violations),
        d.backfill,
        d.plannedVisits,
      ],
    );
  }

  /**
   * Published plans whose days overlap the new window give way to it. One that began before the window
   * is cut at its start: its visits before it stay scheduled, those from it on are cancelled. One that
   * begins inside the window is superseded whole, all its visits not yet made cancelled. Visits done stay.
   */
  async giveWay(m: EntityManager, drawId: string, from: string, to: string): Promise<{ superseded: string[]; cut: string[] }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [cutRows]: [{ id: string }[], number] = await m.query(
      `UPDATE dispatch.draws SET cut_from = $2 WHERE status = 'published' AND id <> $1 AND window_from < $2 AND ${effectiveTo()} >= $2 RETURNING id`,
      [drawId, from],
    );
    const cut = cutRows.map((r) => r.id);
    if (cut.length > 0) {
      await m.query(`UPDATE dispatch.visits SET status = 'cancelled' WHERE draw_id = ANY($1::uuid[]) AND status = 'scheduled' AND date >= $2`, [cut, from]);
    }
    const [rows]: [{ id: string }[], number] = await m.query(
      `UPDATE dispatch.draws SET status = 'superseded' WHERE status = 'published' AND id <> $1 AND window_from >= $2 AND window_from <= $3 RETURNING id`,
      [drawId, from, to],
    );
    const superseded = rows.map((r) => r.id);
    if (superseded.length > 0)
      await m.query(`UPDATE dispatch.visits SET status = 'cancelled' WHERE draw_id = ANY($1::uuid[]) AND status = 'scheduled'`, [superseded]);
    return { superseded, cut };
  }

  /** Routes, visits and teams in a few set-based statements, whatever the size of the plan. */
  async insertPlan(
    m: EntityManager,
    drawId: string,
    plan: Plan,
    visitIds: Map<string, string>,
    visitFacts: Map<string, { reasons: string[]; clueIds: string[]; followUps: VisitFollowUp[]; noticeAllowed: boolean }>,
  ): Promise<void> {
    const routes = plan.routes.map((r) => ({ route_key: r.id, date: r.date, region_code: r.regionCode, officer_ids: r.officerIds, distance_km: r.distanceKm }));
    await m.query(
      `INSERT INTO dispatch.routes (draw_id, route_key, date, region_code, officer_ids, distance_km)
       SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS x(route_key text, date date, region_code text, officer_ids text[], distance_km double precision)`,
      [drawId, JSON.stringify(routes)],
    );
    const visitNos = await this.numberVisits(m, plan.visits);
    const visits = plan.visits.map((v) => {
      const facts = visitFacts.get(v.id) ?? { reasons: [], clueIds: [], followUps: [], noticeAllowed: false };
      return {
        id: visitIds.get(v.id),
        visit_no: visitNos.get(v.id),
        credit_code: v.creditCode,
        region_code: v.regionCode,
        date: v.date,
        departments: v.departments,
        task_ids: v.taskIds,
        reasons: facts.reasons,
        clue_ids: facts.clueIds,
        follow_ups: facts.followUps,
        checklist: v.checklist,
        exploration: v.exploration,
        route_key: v.routeId,
        route_order: v.routeOrder,
        notice_allowed: facts.noticeAllowed,
      };
    });
    await m.query(
      `INSERT INTO dispatch.visits (id, visit_no, draw_id, credit_code, region_code, date, departments, task_ids, reasons, clue_ids, follow_ups, checklist, exploration, route_key, route_order, notice_allowed)
       SELECT x.id, x.visit_no, $1, x.credit_code, x.region_code, x.date, x.departments, x.task_ids, x.reasons, x.clue_ids, x.follow_ups, x.checklist, x.exploration, x.route_key, x.route_order, x.notice_allowed
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, visit_no text, credit_code text, region_code text, date date, departments text[], task_ids text[], reasons text[],
              clue_ids text[], follow_ups jsonb, checklist jsonb, exploration boolean, route_key text, route_order integer, notice_allowed boolean)`,
      [drawId, JSON.stringify(visits)],
    );
    const team = plan.visits.flatMap((v) => [...new Set(v.officerIds)].map((officerId) => ({ visit_id: visitIds.get(v.id), officer_id: officerId })));
    await m.query(
      `INSERT INTO dispatch.visit_officers (visit_id, officer_id) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(visit_id uuid, officer_id text)`,
      [JSON.stringify(team)],
    );
  }

  /**
   * The plan's visits numbered within their year (检查编号, `TP-2026-000123`) in day and route order, after
   * the last number any earlier plan took: the year's counter row is locked until this plan commits.
   */
  private async numberVisits(m: EntityManager, visits: Plan['visits']): Promise<Map<string, string>> {
    const ordered = [...visits].sort(
      (a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.regionCode, b.regionCode) || byCodePoint(a.routeId, b.routeId) || a.routeOrder - b.routeOrder,
    );
    const perYear = new Map<number, number>();
    for (const v of ordered) perYear.set(yearOf(v.date), (perYear.get(yearOf(v.date)) ?? 0) + 1);
    const next = new Map<number, number>();
    for (const [year, count] of perYear) {
      const [{ last }]: { last: number }[] = await m.query(
        `INSERT INTO dispatch.visit_numbers (year, last) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last = visit_numbers.last + EXCLUDED.last RETURNING last`,
        [year, count],
      );
      next.set(year, last - count + 1);
    }
    const numbers = new Map<string, string>();
    for (const v of ordered) {
      const year = yearOf(v.date);
      const n = next.get(year)!;
      next.set(year, n + 1);
      numbers.set(v.id, visitNumber(year, n));
    }
    return numbers;
  }

  async markComplaintsServed(m: EntityManager, drawId: string, clueIds: string[]): Promise<void> {
    if (clueIds.length > 0) await m.query(`UPDATE dispatch.complaints SET served_by_draw_id = $1 WHERE clue_id = ANY($2::text[])`, [drawId, clueIds]);
  }

  async find(id: string): Promise<DrawRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, seed, json_build_object('from', window_from::text, 'to', window_to::text) AS window, cut_from::text AS "cutFrom", status, suspended, backfill, model_version AS "modelVersion",
              exploration_share AS "explorationShare", inputs_fingerprint AS "inputsFingerprint", result_fingerprint AS "resultFingerprint",
              inputs_gz AS "inputsGz", figures, strata, unassigned, checker, violation_count AS "violationCount", violations, created_at AS "createdAt"
         FROM dispatch.draws WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async tasks(id: string): Promise<DrawResult['tasks']> {
    const [row] = await this.dataSource.query(`SELECT tasks FROM dispatch.draws WHERE id = $1`, [id]);
    return row?.tasks ?? [];
  }

  async list(limit: number): Promise<Omit<DrawRecord, 'inputsGz' | 'strata' | 'unassigned' | 'violations'>[]> {
    return this.dataSource.query(
      `SELECT id, seed, json_build_object('from', window_from::text, 'to', window_to::text) AS window, cut_from::text AS "cutFrom", status, suspended, backfill, model_version AS "modelVersion",
              exploration_share AS "explorationShare", inputs_fingerprint AS "inputsFingerprint", result_fingerprint AS "resultFingerprint",
              figures, checker, violation_count AS "violationCount", created_at AS "createdAt"
         FROM dispatch.draws ORDER BY created_at DESC LIMIT $1`,
      [limit],
    );
  }
}

/** `TP-2026-000123`: the migration that numbered the visits planned before uses the same form. */
export function visitNumber(year: number, n: number): string {
  return `TP-${year}-${String(n).padStart(6, '0')}`;
}

/** Text order as the database's C collation has it, so the migration numbers visits in this same order. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
