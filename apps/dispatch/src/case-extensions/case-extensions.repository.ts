import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notReinspected, orderedCte, ownVisitOfCase, wasExtended } from '../draw/follow-up-orders.util';

export interface InspectionCase {
  caseNo: string;
  creditCode: string;
  department: string;
  kind: string;
  result: string | null;
  date: string;
  /** Whether the case is a Tianping visit's own (its deadline is the visit's). */
  ownVisit: boolean;
  /** The day the latest extension set, if any. */
  extendedTo: string | null;
}

/** A platform case's order to rectify still open, as the enterprise sees it (no reasons). */
export interface OpenCaseOrder {
  caseNo: string;
  department: string;
  date: string;
  rectifyBy: string;
  /** The deadline first given, when an extension has moved it; else null. */
  originalRectifyBy: string | null;
}

export interface StoredCaseExtension {
  id: string;
  caseNo: string;
  creditCode: string;
  department: string;
  from: string;
  to: string;
  reason: string;
  actor: string | null;
  extendedAt: string;
}

const CASE_COLUMNS = `p.case_no AS "caseNo", p.credit_code AS "creditCode", p.department, p.kind, p.result, p.date::text AS date,
  EXISTS (${ownVisitOfCase('p')}) AS "ownVisit",
  (SELECT c.to_day::text FROM dispatch.case_rectification_extensions c WHERE c.case_no = p.case_no
    ORDER BY c.created_at DESC, c.to_day DESC LIMIT 1) AS "extendedTo"`;

/** The only place that keeps the extensions of a platform case's rectification deadline (延期整改). */
@Injectable()
export class CaseExtensionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The case as intake sent it, with the latest extension; `lock` queues two extensions of one case. */
  async found(caseNo: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<InspectionCase | null> {
    const [row] = await m.query(`SELECT ${CASE_COLUMNS} FROM dispatch.prior_inspections p WHERE p.case_no = $1${lock ? ' FOR UPDATE OF p' : ''}`, [caseNo]);
    return row ?? null;
  }

  /**
   * An enterprise's platform-case orders to rectify still open, oldest first, by the draw's own definition
   * (`orderedCte`, `notReinspected`): the department, the case's day, the deadline now and, when extended, the
   * deadline first given (the case's day + `rectificationDays`).
   */
  async openOrdersOf(creditCode: string, rectificationDays: number): Promise<OpenCaseOrder[]> {
    return this.dataSource.query(
      `WITH ${orderedCte('$2')}
       SELECT o.ref AS "caseNo", o.department, o.inspected_on::text AS date, o.deadline::text AS "rectifyBy",
              CASE WHEN ${wasExtended('o')} THEN (o.inspected_on + $2::int)::text END AS "originalRectifyBy"
         FROM ordered o
        WHERE o.credit_code = $1 AND o.source = 'case' AND ${notReinspected('o')}
        ORDER BY o.inspected_on, o.ref`,
      [creditCode, rectificationDays],
    );
  }

  /** Keeps the extension; answers when it was made. */
  async extend(m: EntityManager, e: Omit<StoredCaseExtension, 'extendedAt'>): Promise<string> {
    const [row]: { extendedAt: Date }[] = await m.query(
      `INSERT INTO dispatch.case_rectification_extensions (id, case_no, credit_code, department, from_day, to_day, reason, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING created_at AS "extendedAt"`,
      [e.id, e.caseNo, e.creditCode, e.department, e.from, e.to, e.reason, e.actor],
    );
    return new Date(row.extendedAt).toISOString();
  }

  async forCase(caseNo: string): Promise<StoredCaseExtension[]> {
    return this.dataSource.query(
      `SELECT id, case_no AS "caseNo", credit_code AS "creditCode", department, from_day::text AS "from", to_day::text AS "to",
              reason, actor, created_at AS "extendedAt"
         FROM dispatch.case_rectification_extensions WHERE case_no = $1 ORDER BY created_at, id`,
      [caseNo],
    );
  }
}
