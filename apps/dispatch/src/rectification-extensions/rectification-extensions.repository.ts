import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { reinspectionFrom } from '../draw/follow-up-orders.util';

export interface StoredExtension {
  id: string;
  visitId: string;
  from: string;
  to: string;
  reason: string;
  actor: string | null;
  extendedAt: string;
}

/** The only place that moves a rectification deadline and keeps its extensions (延期整改). */
@Injectable()
export class RectificationExtensionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The re-inspections already made, as the draw counts a follow-up served: the department inspected the
   * enterprise after the deadline (a case from intake, or another visit done): one on the deadline day closes nothing. A platform case's order has no visit (`id` null).
   */
  async reinspections(m: EntityManager, v: { id: string | null; creditCode: string }, departments: string[], deadline: string): Promise<string[]> {
    const rows: { ref: string }[] = await m.query(
      `SELECT p.case_no AS ref FROM dispatch.prior_inspections p
        WHERE p.credit_code = $1 AND p.department = ANY($2) AND p.kind = '检查' AND p.date >= ${reinspectionFrom('$3::date')}
       UNION
       SELECT o.visit_no FROM dispatch.visits o
        WHERE o.credit_code = $1 AND o.status = 'done' AND o.departments && $2::text[] AND o.date >= ${reinspectionFrom('$3::date')} AND ($4::uuid IS NULL OR o.id <> $4)
       ORDER BY 1`,
      [v.creditCode, departments, deadline, v.id],
    );
    return rows.map((r) => r.ref);
  }

  /** Moves the visit's deadline and keeps the extension; answers when it was made. */
  async extend(m: EntityManager, e: Omit<StoredExtension, 'extendedAt'>): Promise<string> {
    await m.query(`UPDATE dispatch.visits SET rectify_by = $2 WHERE id = $1`, [e.visitId, e.to]);
    const [row]: { extendedAt: Date }[] = await m.query(
      `INSERT INTO dispatch.rectification_extensions (id, visit_id, from_day, to_day, reason, actor)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING extended_at AS "extendedAt"`,
      [e.id, e.visitId, e.from, e.to, e.reason, e.actor],
    );
    return new Date(row.extendedAt).toISOString();
  }

  async forVisit(visitId: string): Promise<StoredExtension[]> {
    return this.dataSource.query(
      `SELECT id, visit_id AS "visitId", from_day::text AS "from", to_day::text AS "to", reason, actor, extended_at AS "extendedAt"
         FROM dispatch.rectification_extensions WHERE visit_id = $1 ORDER BY extended_at, id`,
      [visitId],
    );
  }
}
