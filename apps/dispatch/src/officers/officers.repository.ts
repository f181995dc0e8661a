import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AbsenceKind } from '../absences/absence.util';

/** One officer as dispatch holds it: never a name or an ID number, only what planning needs. */
export interface RegisterOfficer {
  officerId: string;
  department: string;
  domains: string[];
  certValidUntil: string;
  onDuty: boolean;
  regionCode: string;
  dailyCapacity: number;
  declaredConflicts: number;
  /** Current absences touching today and the 30 days after. */
  absences: { id: string; from: string; to: string; kind: AbsenceKind }[];
  /** Visits scheduled in published plans from today to 13 days after. */
  visitsNext14Days: number;
}

/** An officer's status (状态) as the platform exports it when on duty; any other is off duty. */
export const ON_DUTY = '在岗';

/** Days ahead the register looks for absences and for scheduled visits. */
export const ABSENCES_AHEAD_DAYS = 30;
export const VISITS_AHEAD_DAYS = 14;

/** The officers register (执法人员名录) as dispatch holds it, for the dispatcher and oversight. */
@Injectable()
export class OfficersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async register(today: string, defaultCapacity: number): Promise<RegisterOfficer[]> {
    return this.dataSource.query(
      `SELECT o.officer_id AS "officerId", o.department, o.domains, o.cert_valid_until::text AS "certValidUntil", o.status = $5 AS "onDuty",
              o.region_code AS "regionCode", COALESCE(o.daily_capacity, $2::int) AS "dailyCapacity",
              (SELECT count(*)::int FROM dispatch.conflicts c WHERE c.officer_id = o.officer_id) AS "declaredConflicts",
              COALESCE((SELECT json_agg(json_build_object('id', a.id, 'from', a.from_date::text, 'to', a.to_date::text, 'kind', a.kind) ORDER BY a.from_date)
                          FROM dispatch.officer_absences a
                         WHERE a.officer_id = o.officer_id AND a.withdrawn_at IS NULL AND a.to_date >= $1::date AND a.from_date <= $1::date + $3::int), '[]') AS absences,
              (SELECT count(*)::int FROM dispatch.visits v JOIN dispatch.visit_officers vo ON vo.visit_id = v.id JOIN dispatch.draws d ON d.id = v.draw_id
                WHERE vo.officer_id = o.officer_id AND v.status = 'scheduled' AND d.status = 'published'
                  AND v.date BETWEEN $1::date AND $1::date + $4::int - 1) AS "visitsNext14Days"
         FROM dispatch.officers o ORDER BY o.department, o.officer_id`,
      [today, defaultCapacity, ABSENCES_AHEAD_DAYS, VISITS_AHEAD_DAYS, ON_DUTY],
    );
  }
}
