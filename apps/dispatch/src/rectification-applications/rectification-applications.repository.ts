import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationStatus } from './rectification-application.util';

/** Whose order an application asks more time for: a Tianping visit's, or a platform case's. */
export type ApplicationSource = 'visit' | 'case';
export type OrderRef = { visitId: string; caseNo?: undefined } | { caseNo: string; visitId?: undefined };

export interface StoredApplication {
  id: string;
  source: ApplicationSource;
  visitId: string | null;
  visitNo: string | null;
  caseNo: string | null;
  creditCode: string;
  /** The department of a case's order; a visit's are on the visit. */
  department: string | null;
  visitDate: string | null;
  /** The day of the inspection that gave the order: the visit's or the case's. */
  inspectedOn: string;
  rectifyBy: string;
  currentRectifyBy: string | null;
  reason: string;
  applicant: string | null;
  appliedAt: string;
  status: ApplicationStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  extensionId: string | null;
  caseExtensionId: string | null;
}

/** `$1` is the policy's rectificationDays: a case's deadline until extended is its day + those. */
const COLUMNS = `a.id, CASE WHEN a.visit_id IS NULL THEN 'case' ELSE 'visit' END AS source, a.visit_id AS "visitId", v.visit_no AS "visitNo",
  a.case_no AS "caseNo", COALESCE(v.credit_code, p.credit_code) AS "creditCode", p.department, v.date::text AS "visitDate",
  COALESCE(v.date, p.date)::text AS "inspectedOn", a.rectify_by::text AS "rectifyBy",
  (CASE WHEN a.visit_id IS NOT NULL THEN v.rectify_by
        ELSE COALESCE((SELECT c.to_day FROM dispatch.case_rectification_extensions c WHERE c.case_no = a.case_no
                        ORDER BY c.created_at DESC, c.to_day DESC LIMIT 1), p.date + $1::int) END)::text AS "currentRectifyBy",
  a.reason, a.applicant, a.applied_at AS "appliedAt", a.status, a.decided_by AS "decidedBy", a.decided_at AS "decidedAt",
  a.decision_note AS "decisionNote", a.extension_id AS "extensionId", a.case_extension_id AS "caseExtensionId"`;
const FROM = `dispatch.rectification_applications a LEFT JOIN dispatch.visits v ON v.id = a.visit_id
  LEFT JOIN dispatch.prior_inspections p ON p.case_no = a.case_no`;

/** The only place that keeps the enterprise's applications for more time to rectify (延期整改申请), of visits and cases. */
@Injectable()
export class RectificationApplicationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, a: OrderRef & { id: string; rectifyBy: string; reason: string; applicant: string | null }): Promise<void> {
    await m.query(`INSERT INTO dispatch.rectification_applications (id, visit_id, case_no, rectify_by, reason, applicant) VALUES ($1, $2, $3, $4, $5, $6)`, [
      a.id,
      a.visitId ?? null,
      a.caseNo ?? null,
      a.rectifyBy,
      a.reason,
      a.applicant,
    ]);
  }

  async pendingOf(m: EntityManager, order: OrderRef): Promise<string | null> {
    const [row]: { id: string }[] = await m.query(
      `SELECT id FROM dispatch.rectification_applications WHERE (visit_id = $1 OR case_no = $2) AND status = 'pending'`,
      [order.visitId ?? null, order.caseNo ?? null],
    );
    return row?.id ?? null;
  }

  /** Records the decision; a grant names the extension it made, a visit's or a case's. */
  async decide(
    m: EntityManager,
    d: {
      id: string;
      status: 'granted' | 'refused';
      decidedBy: string | null;
      note: string | null;
      extensionId: string | null;
      caseExtensionId?: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE dispatch.rectification_applications
          SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4, extension_id = $5, case_extension_id = $6 WHERE id = $1`,
      [d.id, d.status, d.decidedBy, d.note, d.extensionId, d.caseExtensionId ?? null],
    );
  }

  async one(id: string, days: number, m: EntityManager = this.dataSource.manager): Promise<StoredApplication | null> {
    const [row]: StoredApplication[] = await m.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $2`, [days, id]);
    return row ?? null;
  }

  /** A visit's or a case's applications, newest first. */
  async forOrder(order: OrderRef, days: number): Promise<StoredApplication[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.visit_id = $2 OR a.case_no = $3 ORDER BY a.applied_at DESC, a.id`, [
      days,
      order.visitId ?? null,
      order.caseNo ?? null,
    ]);
  }

  /** The bureau's queue, visits' and cases' together, oldest first: an application waits no longer than it must. */
  async list(status: ApplicationStatus | undefined, days: number, limit = 200): Promise<StoredApplication[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE $2::text IS NULL OR a.status = $2 ORDER BY a.applied_at, a.id LIMIT $3`, [
      days,
      status ?? null,
      limit,
    ]);
  }
}
