import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartmentPlan, Enterprise, Officer, PlanningWindow, PriorInspection, RiskColour, TriggeredTask } from '@tianping/planner';
import { absentDatesIn } from '../absences/absence.util';
import { AbsencesRepository } from '../absences/absences.repository';
import { ON_DUTY } from '../officers/officers.repository';
import { PlansRepository, type DispatchPolicy, type StoredDepartmentPlan } from '../plans/plans.repository';
import type { PlanningInputs } from './planning.util';
import { effectiveTo } from './draw.repository';
import { FollowUpsRepository } from './follow-ups.repository';
import { fixedHolidaysIn, yearsOf } from './statutory-holidays.util';

/**
 * The colour that takes effect: a person's decision on the score when there is one; otherwise the
 * model's colour, except that a red (an adverse result) counts as yellow until an officer confirms it.
 */
const EFFECTIVE_COLOUR = `CASE WHEN d.colour IS NOT NULL THEN d.colour WHEN s.colour = 'red' THEN 'yellow' ELSE s.colour END`;

/** Registration states in which an enterprise still trades and can be visited (存续, 在业). */
export const LIVE_STATUSES = ['存续', '在业'];

export interface InputsMeta {
  /** Live enterprises scoring has not reached: drawn in the policy's `unscoredColour` stratum. */
  unscoredEnterprises: number;
  /** The model version behind most colours used (null when suspended or nothing is scored). */
  modelVersion: string | null;
  /** The policy's look-back when drawn, in days before the window's first day. */
  complaintLookbackDays: number;
  /** Verified complaints that would be tasks but came in before the look-back: left out, and said so. */
  staleComplaints: number;
  /** The policy's look-back on orders to rectify when drawn, in days before the window's first day. */
  followUpLookbackDays: number;
  /** Orders to rectify never re-inspected whose deadline came before that look-back: left out, and said so. */
  staleFollowUps: number;
  /** Years of the window with no day entered in the work calendar: only the fixed-date public holidays were kept. */
  calendarUnsetYears: number[];
}

/** Gathers a window's planning inputs from dispatch's own projections and settings. */
@Injectable()
export class DrawInputsRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsRepository,
    private readonly settings: PlansRepository,
    private readonly absences: AbsencesRepository,
  ) {}

  async load(window: PlanningWindow): Promise<{ inputs: PlanningInputs; meta: InputsMeta }> {
    const [stored, policy, suspended] = await Promise.all([this.settings.plans(), this.settings.policy(), this.suspended()]);
    const plans: DepartmentPlan[] = stored.map(toDepartmentPlan);
    const departments = plans.map((p) => p.department);
    const { enterprises, meta } = await this.enterprises(stored, policy.unscoredColour);
    const [complaints, followUps, priorInspections, officers, { calendar, unsetYears }] = await Promise.all([
      this.triggeredTasks(window, departments, policy),
      this.followUps.open(window, departments, policy, LIVE_STATUSES),
      this.priorInspections(window),
      this.officers(policy.officerDailyCapacity, window),
      this.calendar(window),
    ]);
    return {
      inputs: {
        window,
        plans,
        enterprises,
        triggeredTasks: [...complaints.tasks, ...followUps.tasks],
        priorInspections,
        officers,
        calendar,
        suspended,
        explorationShare: policy.explorationShare,
        maxTeamSize: policy.maxTeamSize,
      },
      meta: {
        ...meta,
        modelVersion: suspended ? null : meta.modelVersion,
        complaintLookbackDays: policy.complaintLookbackDays,
        staleComplaints: complaints.stale,
        followUpLookbackDays: policy.followUpLookbackDays,
        staleFollowUps: followUps.stale,
        calendarUnsetYears: unsetYears,
      },
    };
  }

  private async suspended(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT suspended FROM dispatch.model_state WHERE id = 1`);
    return row?.suspended ?? false;
  }

  private async enterprises(
    plans: StoredDepartmentPlan[],
    unscoredColour: RiskColour,
  ): Promise<{ enterprises: Enterprise[]; meta: Pick<InputsMeta, 'unscoredEnterprises' | 'modelVersion'> }> {
    const rows: {
      creditCode: string;
      section: string;
      regionCode: string;
      lng: number | null;
      lat: number | null;
      colour: RiskColour | null;
      modelVersion: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.credit_code AS "creditCode", left(e.industry_code, 1) AS section, e.region_code AS "regionCode", e.lng, e.lat,
                ${EFFECTIVE_COLOUR} AS colour, s.model_version AS "modelVersion"
           FROM dispatch.enterprises e LEFT JOIN dispatch.scores s USING (credit_code)
           LEFT JOIN dispatch.colour_decisions d ON d.score_id = s.score_id
          WHERE e.status = ANY($1)`,
      [LIVE_STATUSES],
    );
    const versions = new Map<string, number>();
    let unscored = 0;
    const enterprises = rows.map((r): Enterprise => {
      if (r.modelVersion) versions.set(r.modelVersion, (versions.get(r.modelVersion) ?? 0) + 1);
      else unscored += 1;
      return {
        creditCode: r.creditCode,
        colour: r.colour ?? unscoredColour,
        regionCode: r.regionCode,
        ...(r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : {}),
        departments: plans.filter((p) => !p.supervisedSections || p.supervisedSections.includes(r.section)).map((p) => p.department),
      };
    });
    const modelVersion = [...versions.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    return { enterprises, meta: { unscoredEnterprises: unscored, modelVersion } };
  }

  /**
   * Verified complaints (属实) about live enterprises, not yet served by a published plan: one whose days
   * do not overlap this window, or by a visit before this window of one that does (a plan begun earlier
   * keeps its days before this window; the rest of it gives way, so its complaints come back). A plan
   * already cut serves a complaint only by a visit that was not cancelled with the cut. A complaint its
   * department has inspected the enterprise on or after (a case from intake: the platform's own follow-up
   * before the system, or a visit's result come back) has been served too: another visit would be needless.
   * Of the rest, those received (China time) before the policy's look-back are not planned but counted:
   * a violation reported years ago is no reason for a visit now. One pass: the count costs no second join.
   */
  private async triggeredTasks(window: PlanningWindow, departments: string[], policy: DispatchPolicy): Promise<{ tasks: TriggeredTask[]; stale: number }> {
    const rows: (TriggeredTask & { stale: number | null })[] = await this.dataSource.query(
      `WITH open AS (
         SELECT c.credit_code, c.department, c.clue_id, (c.received_at AT TIME ZONE 'Asia/Shanghai')::date AS received
           FROM dispatch.complaints c JOIN dispatch.enterprises e USING (credit_code)
          WHERE c.verified AND c.status <> 'closed' AND e.status = ANY($5) AND c.department = ANY($3)
            AND (c.received_at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date
            AND NOT EXISTS (SELECT 1 FROM dispatch.draws d WHERE d.id = c.served_by_draw_id AND d.status = 'published'
                              AND ((d.cut_from IS NULL AND NOT (d.window_from <= $2::date AND d.window_to >= $1::date))
                                   OR EXISTS (SELECT 1 FROM dispatch.visits v WHERE v.draw_id = d.id AND c.clue_id = ANY(v.clue_ids) AND v.status <> 'cancelled'
                                                AND (v.date < $1::date OR NOT (d.window_from <= $2::date AND ${effectiveTo('d')} >= $1::date)))))
            AND NOT EXISTS (SELECT 1 FROM dispatch.prior_inspections p
                             WHERE p.credit_code = c.credit_code AND p.department = c.department AND p.kind = '检查'
                               AND p.date >= (c.received_at AT TIME ZONE 'Asia/Shanghai')::date))
       SELECT credit_code AS "creditCode", department, clue_id AS "clueId", to_char(received + $4::int, 'YYYY-MM-DD') AS "dueBy", NULL::int AS stale
         FROM open WHERE received >= $1::date - $6::int
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, count(*)::int FROM open WHERE received < $1::date - $6::int`,
      [window.start, window.end, departments, policy.complaintDueDays, LIVE_STATUSES, policy.complaintLookbackDays],
    );
    const tasks = rows.filter((r) => r.stale === null).map(({ stale: _stale, ...task }) => task);
    return { tasks, stale: rows.find((r) => r.stale !== null)?.stale ?? 0 };
  }

  /**
   * Inspections from a year before the window to its end: enough for recusal and this year's caps.
   * Besides the cases intake reports, dispatch's own visits count, one inspection per department as a
   * case would: those still scheduled in a published plan of another window (the next month is planned
   * while this month's visits are still ahead) and those done whose case (`TP-2026-000123-SAMR`;
   * `TP-<id>-SAMR` if recorded before visits were numbered) has not come back from intake yet. Scheduled
   * visits of a plan this window overlaps count only if they come before this window: publishing this
   * draw cancels the others (cutting or superseding it).
   */
  private async priorInspections(window: PlanningWindow): Promise<PriorInspection[]> {
    return this.dataSource.query(
      `SELECT credit_code AS "creditCode", department, date::text AS date, officer_ids AS "officerIds"
         FROM dispatch.prior_inspections
        WHERE kind = '检查' AND date BETWEEN ($1::date - interval '1 year')::date AND $2::date
       UNION ALL
       SELECT v.credit_code, d.department, v.date::text,
              ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id)
         FROM dispatch.visits v JOIN dispatch.draws dr ON dr.id = v.draw_id
              CROSS JOIN LATERAL unnest(v.departments) AS d(department)
        WHERE v.date BETWEEN ($1::date - interval '1 year')::date AND $2::date
          AND (v.status = 'done'
               OR (v.status = 'scheduled' AND dr.status = 'published'
                   AND (v.date < $1::date OR NOT (dr.window_from <= $2::date AND ${effectiveTo('dr')} >= $1::date))))
          AND NOT EXISTS (SELECT 1 FROM dispatch.prior_inspections p
                           WHERE p.case_no IN (v.visit_no || '-' || d.department, 'TP-' || v.id || '-' || d.department))`,
      [window.start, window.end],
    );
  }

  /**
   * The register as a draw reads it: daily capacity (the policy's unless set), declared conflicts, on duty
   * or not, and the days of `days` each officer is away (part of the draw's stored inputs, so a re-draw
   * sees the same absences). A replacement passes its transaction and the visit's day.
   */
  async officers(defaultCapacity: number, days: PlanningWindow, m: EntityManager = this.dataSource.manager): Promise<Officer[]> {
    const rows: (Omit<Officer, 'onDuty'> & { status: string })[] = await m.query(
      `SELECT o.officer_id AS id, o.department, o.domains, o.cert_valid_until::text AS "certValidUntil", o.region_code AS "regionCode", o.status,
              COALESCE(o.daily_capacity, $1::int) AS "dailyCapacity",
              COALESCE((SELECT array_agg(c.credit_code ORDER BY c.credit_code) FROM dispatch.conflicts c WHERE c.officer_id = o.officer_id), '{}') AS conflicts
         FROM dispatch.officers o`,
      [defaultCapacity],
    );
    const absent = absentDatesIn(await this.absences.days(m, days.start, days.end), days);
    return rows.map(({ status, ...o }) => {
      const absentDates = absent.get(o.id);
      return { ...o, onDuty: status === ON_DUTY, ...(absentDates ? { absentDates } : {}) };
    });
  }

  /**
   * The window's holidays and make-up working days as entered; for a year with nothing entered, the public holidays
   * the law fixes by date stand in (no plan on New Year's Day for want of a calendar), and the year is named so the
   * plan can say that the rest of its holidays are unknown.
   */
  private async calendar(window: PlanningWindow): Promise<{ calendar: { holidays: string[]; makeUpWorkdays: string[] }; unsetYears: number[] }> {
    const years = yearsOf(window);
    const [days, set] = await Promise.all([this.settings.calendar(window.start, window.end), this.settings.calendarYearsSet(years)]);
    const unsetYears = years.filter((y) => !set.includes(y));
    const entered = days.filter((d) => d.kind === 'holiday').map((d) => d.date);
    return {
      calendar: {
        holidays: [...entered, ...fixedHolidaysIn(window, unsetYears)].sort(),
        makeUpWorkdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
      },
      unsetYears,
    };
  }
}

function toDepartmentPlan(p: StoredDepartmentPlan): DepartmentPlan {
  return {
    department: p.department,
    annualRatios: p.annualRatios,
    uniformAnnualRatio: p.uniformAnnualRatio,
    annualCapPerEnterprise: p.annualCapPerEnterprise,
    exemptions: p.exemptions,
    checklist: p.checklist,
    coordinated: p.coordinated,
  };
}
