import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartmentPlan } from '@tianping/planner';
import type { DepartmentPlanDto, PolicyDto } from './dtos/department-plan.dto';
import { checkVersion, enqueueSettingChange, planChange, type Revision } from './setting-change.util';

export interface StoredDepartmentPlan extends DepartmentPlan {
  supervisedSections: string[] | null;
  advanceNotice: boolean;
  updatedAt: string;
  /** The dispatcher who last changed the plan; null for plans set by the seed or an operator's call. */
  updatedBy: string | null;
  /** The plan's revision: a save that sends an older one is refused (409). */
  version: number;
}

export interface DispatchPolicy {
  explorationShare: number;
  officerDailyCapacity: number;
  complaintDueDays: number;
  /** How far before a window's first day a verified complaint may have come in and still be planned. */
  complaintLookbackDays: number;
  unscoredColour: 'red' | 'yellow' | 'green';
  maxTeamSize: number;
  /** Default rectification deadline (整改期限), in days after the inspection that ordered it. */
  rectificationDays: number;
  /** Days after the rectification deadline by which the re-inspection (复查) should happen. */
  followUpWithinDays: number;
  /** How far before a window's first day a rectification deadline may lie and still be followed up. */
  followUpLookbackDays: number;
}

const POLICY_KEYS = [
  'explorationShare',
  'officerDailyCapacity',
  'complaintDueDays',
  'complaintLookbackDays',
  'unscoredColour',
  'maxTeamSize',
  'rectificationDays',
  'followUpWithinDays',
  'followUpLookbackDays',
] as const;

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  /** Who last set the day, and when; null for days set before that was recorded (the seed or an operator). */
  updatedBy: string | null;
  updatedAt: string | null;
}

/** An officer who must not inspect an enterprise (回避), and the visits already scheduled that still name them. */
export interface DeclaredConflict {
  officerId: string;
  creditCode: string;
  reason: string | null;
  declaredAt: string;
  declaredBy: string | null;
  scheduledVisits: { id: string; number: string; date: string }[];
}

/** Department plans, the dispatch policy, declared conflicts and the holiday calendar. */
@Injectable()
export class PlansRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async plans(department?: string, m: EntityManager = this.dataSource.manager, forUpdate = false): Promise<StoredDepartmentPlan[]> {
    return m.query(
      `SELECT department, annual_ratios AS "annualRatios", uniform_annual_ratio AS "uniformAnnualRatio",
              annual_cap_per_enterprise AS "annualCapPerEnterprise", checklist, exemptions, supervised_sections AS "supervisedSections",
              coordinated, advance_notice AS "advanceNotice", updated_at AS "updatedAt", updated_by AS "updatedBy", revision AS version
         FROM dispatch.department_plans WHERE $1::text IS NULL OR department = $1 ORDER BY department${forUpdate ? ' FOR UPDATE' : ''}`,
      [department ?? null],
    );
  }

  /** Saves a plan and sends the change to oversight's record, in one transaction; a stale `version` is refused. */
  async savePlan(department: string, p: DepartmentPlanDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await this.plans(department, m, true);
      checkVersion(`the plan of ${department}`, before, p.version);
      // A save that changes nothing (the page saved as it was read) keeps the version, who and when, and tells the record nothing.
      const written: unknown[] = await m.query(
        `INSERT INTO dispatch.department_plans (department, annual_ratios, uniform_annual_ratio, annual_cap_per_enterprise, checklist, exemptions,
                supervised_sections, coordinated, advance_notice, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10)
         ON CONFLICT (department) DO UPDATE SET annual_ratios = EXCLUDED.annual_ratios, uniform_annual_ratio = EXCLUDED.uniform_annual_ratio,
           annual_cap_per_enterprise = EXCLUDED.annual_cap_per_enterprise, checklist = EXCLUDED.checklist, exemptions = EXCLUDED.exemptions,
           supervised_sections = EXCLUDED.supervised_sections, coordinated = EXCLUDED.coordinated, advance_notice = EXCLUDED.advance_notice, updated_at = now(),
           updated_by = EXCLUDED.updated_by, revision = department_plans.revision + 1
         WHERE (department_plans.annual_ratios, department_plans.uniform_annual_ratio, department_plans.annual_cap_per_enterprise, department_plans.checklist,
                department_plans.exemptions, department_plans.supervised_sections, department_plans.coordinated, department_plans.advance_notice)
               IS DISTINCT FROM (EXCLUDED.annual_ratios, EXCLUDED.uniform_annual_ratio, EXCLUDED.annual_cap_per_enterprise, EXCLUDED.checklist,
                EXCLUDED.exemptions, EXCLUDED.supervised_sections, EXCLUDED.coordinated, EXCLUDED.advance_notice)
         RETURNING department`,
        [
          department,
          JSON.stringify(p.annualRatios),
          p.uniformAnnualRatio,
          p.annualCapPerEnterprise,
          p.checklist,
          [...new Set(p.exemptions ?? [])].sort(),
          p.supervisedSections ?? null,
          p.coordinated ?? true,
          p.advanceNotice ?? true,
          p.actor ?? null,
        ],
      );
      if (written.length === 0) return;
      const [after] = await this.plans(department, m);
      const values = ({ updatedAt: _at, updatedBy: _by, ...plan }: StoredDepartmentPlan) => plan;
      await enqueueSettingChange(m, {
        setting: 'plan',
        key: department,
        ...planChange(before && values(before), values(after)),
        actor: p.actor ?? null,
      });
    });
  }

  async policy(m: EntityManager = this.dataSource.manager): Promise<DispatchPolicy> {
    return (await this.versionedPolicy(m)).values;
  }

  /** The policy with its version: the highest revision of its keys, and who set that one and when. */
  async versionedPolicy(m: EntityManager = this.dataSource.manager, forUpdate = false): Promise<{ values: DispatchPolicy; revision: Revision }> {
    const rows: { key: string; value: unknown; revision: number; updatedBy: string | null; updatedAt: string }[] = await m.query(
      `SELECT key, value, revision, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM dispatch.policy
        ORDER BY revision DESC, updated_at DESC, key${forUpdate ? ' FOR UPDATE' : ''}`,
    );
    const last = rows[0];
    return {
      values: Object.fromEntries(rows.map((r) => [r.key, r.value])) as unknown as DispatchPolicy,
      revision: { version: last?.revision ?? 0, updatedBy: last?.updatedBy ?? null, updatedAt: last?.updatedAt ?? null },
    };
  }

  /** Saves the keys given that differ from those stored; they take the policy's next revision. A stale `version` is refused. */
  async savePolicy(p: PolicyDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.versionedPolicy(m, true);
      checkVersion('the dispatch policy', before.revision, p.version);
      // Keys sent as they already are change nothing: a page saved as it was read makes no new version and no record entry.
      const changed = POLICY_KEYS.filter((key) => p[key] !== undefined && JSON.stringify(p[key]) !== JSON.stringify(before.values[key]));
      if (changed.length === 0) return;
      const next = before.revision.version + 1;
      for (const key of changed) {
        await m.query(
          `INSERT INTO dispatch.policy (key, value, updated_at, revision, updated_by) VALUES ($1, $2, now(), $3, $4)
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), revision = EXCLUDED.revision, updated_by = EXCLUDED.updated_by`,
          [key, JSON.stringify(p[key]), next, p.actor ?? null],
        );
      }
      const after = await this.versionedPolicy(m);
      await enqueueSettingChange(m, {
        setting: 'policy',
        key: 'policy',
        before: { ...before.values, version: before.revision.version },
        after: { ...after.values, version: after.revision.version },
        actor: p.actor ?? null,
      });
    });
  }

  /**
   * Declared conflicts, each with the visits still scheduled at that enterprise whose team names the
   * officer: a declaration steers the next draw, it does not change a plan already published.
   */
  async conflicts(officerId?: string, creditCode?: string): Promise<DeclaredConflict[]> {
    return this.dataSource.query(
      `SELECT c.officer_id AS "officerId", c.credit_code AS "creditCode", c.reason, c.declared_at AS "declaredAt", c.declared_by AS "declaredBy",
              COALESCE((SELECT json_agg(json_build_object('id', v.id, 'number', v.visit_no, 'date', to_char(v.date, 'YYYY-MM-DD')) ORDER BY v.date)
                          FROM dispatch.visits v JOIN dispatch.visit_officers vo ON vo.visit_id = v.id
                         WHERE v.credit_code = c.credit_code AND vo.officer_id = c.officer_id AND v.status = 'scheduled'), '[]') AS "scheduledVisits"
         FROM dispatch.conflicts c
        WHERE ($1::text IS NULL OR c.officer_id = $1) AND ($2::text IS NULL OR c.credit_code = $2) ORDER BY c.officer_id, c.credit_code`,
      [officerId ?? null, creditCode ?? null],
    );
  }

  /** Declaring again replaces the reason, and who declared it and when. The record hears of it without the reason. */
  async declareConflict(officerId: string, creditCode: string, reason?: string, actor?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT ${CONFLICT_COLUMNS} FROM dispatch.conflicts WHERE officer_id = $1 AND credit_code = $2 FOR UPDATE`, [
        officerId,
        creditCode,
      ]);
      const [after] = await m.query(
        `INSERT INTO dispatch.conflicts (officer_id, credit_code, reason, declared_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (officer_id, credit_code) DO UPDATE SET reason = EXCLUDED.reason, declared_by = EXCLUDED.declared_by, declared_at = now()
         RETURNING ${CONFLICT_COLUMNS}`,
        [officerId, creditCode, reason ?? null, actor ?? null],
      );
      const key = `${officerId}/${creditCode}`;
      await enqueueSettingChange(m, { setting: 'conflict-declared', key, before: before ?? null, after, actor: actor ?? null });
    });
  }

  async withdrawConflict(officerId: string, creditCode: string, actor?: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [[before]] = await m.query(`DELETE FROM dispatch.conflicts WHERE officer_id = $1 AND credit_code = $2 RETURNING ${CONFLICT_COLUMNS}`, [
        officerId,
        creditCode,
      ]);
      if (!before) return false;
      const key = `${officerId}/${creditCode}`;
      await enqueueSettingChange(m, { setting: 'conflict-withdrawn', key, before, after: null, actor: actor ?? null });
      return true;
    });
  }

  async calendar(from: string, to: string): Promise<CalendarDay[]> {
    return this.dataSource.query(
      `SELECT ${CALENDAR_COLUMNS}, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM dispatch.calendar_days WHERE date BETWEEN $1 AND $2 ORDER BY date`,
      [from, to],
    );
  }

  /** Which of `years` have any day entered in the calendar (a year without is one nobody has set up yet). */
  async calendarYearsSet(years: number[]): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query(
      `SELECT DISTINCT extract(year FROM date)::int AS year FROM dispatch.calendar_days WHERE extract(year FROM date)::int = ANY($1::int[])`,
      [years],
    );
    return rows.map((r) => r.year);
  }

  /** Sets a day with who set it; the record hears of it with what the day was before. */
  async setCalendarDay(date: string, kind: string, name?: string, actor?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT ${CALENDAR_COLUMNS} FROM dispatch.calendar_days WHERE date = $1 FOR UPDATE`, [date]);
      const [after] = await m.query(
        `INSERT INTO dispatch.calendar_days (date, kind, name, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()
           WHERE (calendar_days.kind, calendar_days.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
         RETURNING ${CALENDAR_COLUMNS}`,
        [date, kind, name ?? null, actor ?? null],
      );
      // The day set as it already was: nothing changed, nothing to record.
      if (!after) return;
      await enqueueSettingChange(m, { setting: 'calendar-day', key: date, before: before ?? null, after, actor: actor ?? null });
    });
  }

  async clearCalendarDay(date: string, actor?: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [[before]] = await m.query(`DELETE FROM dispatch.calendar_days WHERE date = $1 RETURNING ${CALENDAR_COLUMNS}`, [date]);
      if (!before) return false;
      await enqueueSettingChange(m, { setting: 'calendar-day', key: date, before, after: null, actor: actor ?? null });
      return true;
    });
  }
}

/** What the record keeps of a conflict of interest: never its reason, which may name a relative. */
const CONFLICT_COLUMNS = `officer_id AS "officerId", credit_code AS "creditCode", declared_by AS "declaredBy", declared_at AS "declaredAt"`;
const CALENDAR_COLUMNS = `date::text AS date, kind, name`;
