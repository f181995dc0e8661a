import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DepartmentPlan } from '@tianping/planner';
import type { DepartmentPlanDto, PolicyDto } from './dtos/department-plan.dto';

export interface StoredDepartmentPlan extends DepartmentPlan {
  supervisedSections: string[] | null;
  advanceNotice: boolean;
  updatedAt: string;
  /** The dispatcher who last changed the plan; null for plans set by the seed or an operator's call. */
  updatedBy: string | null;
}

export interface DispatchPolicy {
  explorationShare: number;
  officerDailyCapacity: number;
  complaintDueDays: number;
  /** How far before a window's first day a verified complaint may have come in and still be planned. */
  complaintLookbackDays: number;
  unscoredColour: 'red' | 'yellow' | 'green';
  maxTeamSize: number;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
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

  async plans(department?: string): Promise<StoredDepartmentPlan[]> {
    return this.dataSource.query(
      `SELECT department, annual_ratios AS "annualRatios", uniform_annual_ratio AS "uniformAnnualRatio",
              annual_cap_per_enterprise AS "annualCapPerEnterprise", checklist, exemptions, supervised_sections AS "supervisedSections",
              coordinated, advance_notice AS "advanceNotice", updated_at AS "updatedAt", updated_by AS "updatedBy"
         FROM dispatch.department_plans WHERE $1::text IS NULL OR department = $1 ORDER BY department`,
      [department ?? null],
    );
  }

  async savePlan(department: string, p: DepartmentPlanDto): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dispatch.department_plans (department, annual_ratios, uniform_annual_ratio, annual_cap_per_enterprise, checklist, exemptions,
              supervised_sections, coordinated, advance_notice, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10)
       ON CONFLICT (department) DO UPDATE SET annual_ratios = EXCLUDED.annual_ratios, uniform_annual_ratio = EXCLUDED.uniform_annual_ratio,
         annual_cap_per_enterprise = EXCLUDED.annual_cap_per_enterprise, checklist = EXCLUDED.checklist, exemptions = EXCLUDED.exemptions,
         supervised_sections = EXCLUDED.supervised_sections, coordinated = EXCLUDED.coordinated, advance_notice = EXCLUDED.advance_notice, updated_at = now(),
         updated_by = EXCLUDED.updated_by`,
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
  }

  async policy(): Promise<DispatchPolicy> {
    const rows: { key: string; value: unknown }[] = await this.dataSource.query(`SELECT key, value FROM dispatch.policy`);
    return Object.fromEntries(rows.map((r) => [r.key, r.value])) as unknown as DispatchPolicy;
  }

  async savePolicy(p: PolicyDto): Promise<void> {
    for (const [key, value] of Object.entries(p)) {
      if (value === undefined) continue;
      await this.dataSource.query(
        `INSERT INTO dispatch.policy (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [key, JSON.stringify(value)],
      );
    }
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

  /** Declaring again replaces the reason, and who declared it and when. */
  async declareConflict(officerId: string, creditCode: string, reason?: string, actor?: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dispatch.conflicts (officer_id, credit_code, reason, declared_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (officer_id, credit_code) DO UPDATE SET reason = EXCLUDED.reason, declared_by = EXCLUDED.declared_by, declared_at = now()`,
      [officerId, creditCode, reason ?? null, actor ?? null],
    );
  }

  async withdrawConflict(officerId: string, creditCode: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM dispatch.conflicts WHERE officer_id = $1 AND credit_code = $2`, [officerId, creditCode]);
    return count > 0;
  }

  async calendar(from: string, to: string): Promise<CalendarDay[]> {
    return this.dataSource.query(`SELECT date::text AS date, kind, name FROM dispatch.calendar_days WHERE date BETWEEN $1 AND $2 ORDER BY date`, [from, to]);
  }

  async setCalendarDay(date: string, kind: string, name?: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dispatch.calendar_days (date, kind, name) VALUES ($1, $2, $3) ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
      [date, kind, name ?? null],
    );
  }

  async clearCalendarDay(date: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM dispatch.calendar_days WHERE date = $1`, [date]);
    return count > 0;
  }
}
