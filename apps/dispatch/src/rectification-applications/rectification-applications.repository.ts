import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationStatus } from './rectification-application.util';

export interface StoredApplication {
  id: string;
  visitId: string;
  visitNo: string;
  creditCode: string;
  visitDate: string;
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
}

const COLUMNS = `a.id, a.visit_id AS "visitId", v.visit_no AS "visitNo", v.credit_code AS "creditCode", v.date::text AS "visitDate",
  a.rectify_by::text AS "rectifyBy", v.rectify_by::text AS "currentRectifyBy", a.reason, a.applicant, a.applied_at AS "appliedAt",
  a.status, a.decided_by AS "decidedBy", a.decided_at AS "decidedAt", a.decision_note AS "decisionNote", a.extension_id AS "extensionId"`;

/** The only place that keeps the enterprise's applications for more time to rectify (延期整改申请). */
@Injectable()
export class RectificationApplicationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, a: { id: string; visitId: string; rectifyBy: string; reason: string; applicant: string | null }): Promise<void> {
    await m.query(`INSERT INTO dispatch.rectification_applications (id, visit_id, rectify_by, reason, applicant) VALUES ($1, $2, $3, $4, $5)`, [
      a.id,
      a.visitId,
      a.rectifyBy,
      a.reason,
      a.applicant,
    ]);
  }

  async pendingOf(m: EntityManager, visitId: string): Promise<string | null> {
    const [row]: { id: string }[] = await m.query(`SELECT id FROM dispatch.rectification_applications WHERE visit_id = $1 AND status = 'pending'`, [visitId]);
    return row?.id ?? null;
  }

  async decide(
    m: EntityManager,
    d: { id: string; status: 'granted' | 'refused'; decidedBy: string | null; note: string | null; extensionId: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE dispatch.rectification_applications SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4, extension_id = $5 WHERE id = $1`,
      [d.id, d.status, d.decidedBy, d.note, d.extensionId],
    );
  }

  async one(id: string, m: EntityManager = this.dataSource.manager): Promise<StoredApplication | null> {
    const [row]: StoredApplication[] = await m.query(
      `SELECT ${COLUMNS} FROM dispatch.rectification_applications a JOIN dispatch.visits v ON v.id = a.visit_id WHERE a.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async forVisit(visitId: string): Promise<StoredApplication[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM dispatch.rectification_applications a JOIN dispatch.visits v ON v.id = a.visit_id
        WHERE a.visit_id = $1 ORDER BY a.applied_at DESC, a.id`,
      [visitId],
    );
  }

  /** The bureau's queue, oldest first: an application waits no longer than it must. */
  async list(status: ApplicationStatus | undefined, limit = 200): Promise<StoredApplication[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM dispatch.rectification_applications a JOIN dispatch.visits v ON v.id = a.visit_id
        WHERE $1::text IS NULL OR a.status = $1 ORDER BY a.applied_at, a.id LIMIT $2`,
      [status ?? null, limit],
    );
  }
}
