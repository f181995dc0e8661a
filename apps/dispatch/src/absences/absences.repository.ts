import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AbsenceDays, AbsenceKind } from './absence.util';

/** A visit still scheduled, in a published plan, whose team names the officer. */
export interface SendingVisit {
  id: string;
  number: string;
  date: string;
  creditCode: string;
}

export interface StoredAbsence extends AbsenceDays {
  id: string;
  kind: AbsenceKind;
  createdBy: string | null;
  createdAt: string;
  /** Visits in the absence's days that still send the officer: each wants 更换执法人员. */
  scheduledVisits: SendingVisit[];
}

const COLUMNS = `a.id, a.officer_id AS "officerId", a.from_date::text AS "from", a.to_date::text AS "to", a.kind,
  a.created_by AS "createdBy", a.created_at AS "createdAt"`;

const SENDING_VISITS = `COALESCE((SELECT json_agg(json_build_object('id', v.id, 'number', v.visit_no, 'date', to_char(v.date, 'YYYY-MM-DD'), 'creditCode', v.credit_code)
    ORDER BY v.date, v.visit_no)
  FROM dispatch.visits v JOIN dispatch.visit_officers vo ON vo.visit_id = v.id JOIN dispatch.draws d ON d.id = v.draw_id
 WHERE vo.officer_id = a.officer_id AND v.date BETWEEN a.from_date AND a.to_date AND v.status = 'scheduled' AND d.status = 'published'), '[]')`;

/** The only place that reads and writes officers' absences. */
@Injectable()
export class AbsencesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Current (not withdrawn) absences touching the range, with the visits that still send each officer. */
  async list(filter: { officer?: string; from?: string; to?: string }, m: EntityManager = this.dataSource.manager): Promise<StoredAbsence[]> {
    return m.query(
      `SELECT ${COLUMNS}, ${SENDING_VISITS} AS "scheduledVisits" FROM dispatch.officer_absences a
        WHERE a.withdrawn_at IS NULL AND ($1::text IS NULL OR a.officer_id = $1)
          AND ($2::date IS NULL OR a.to_date >= $2::date) AND ($3::date IS NULL OR a.from_date <= $3::date)
        ORDER BY a.from_date, a.officer_id, a.id`,
      [filter.officer ?? null, filter.from ?? null, filter.to ?? null],
    );
  }

  /** The days of current absences touching a window: what a draw or a replacement reads, in the caller's transaction. */
  async days(m: EntityManager, from: string, to: string): Promise<AbsenceDays[]> {
    return m.query(
      `SELECT officer_id AS "officerId", from_date::text AS "from", to_date::text AS "to" FROM dispatch.officer_absences
        WHERE withdrawn_at IS NULL AND to_date >= $1::date AND from_date <= $2::date`,
      [from, to],
    );
  }

  /** One officer's absences are entered one at a time: the overlap each checks is then the one it leaves. */
  async lockOfficer(m: EntityManager, officerId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('dispatch.officer_absences'), hashtext($1))`, [officerId]);
  }

  async officerExists(m: EntityManager, officerId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM dispatch.officers WHERE officer_id = $1`, [officerId])).length > 0;
  }

  async insert(m: EntityManager, a: AbsenceDays & { id: string; kind: AbsenceKind; actor: string | null }): Promise<void> {
    await m.query(`INSERT INTO dispatch.officer_absences (id, officer_id, from_date, to_date, kind, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      a.id,
      a.officerId,
      a.from,
      a.to,
      a.kind,
      a.actor,
    ]);
  }

  async find(m: EntityManager, id: string): Promise<StoredAbsence | undefined> {
    const [row] = await m.query(`SELECT ${COLUMNS}, ${SENDING_VISITS} AS "scheduledVisits" FROM dispatch.officer_absences a WHERE a.id = $1`, [id]);
    return row;
  }

  /** Marks a current absence withdrawn; undefined when there is none by that id (or it was withdrawn already). */
  async withdraw(m: EntityManager, id: string, actor: string | null): Promise<(AbsenceDays & { kind: AbsenceKind }) | undefined> {
    const [[row]] = await m.query(
      `UPDATE dispatch.officer_absences SET withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1 AND withdrawn_at IS NULL
       RETURNING officer_id AS "officerId", from_date::text AS "from", to_date::text AS "to", kind`,
      [id, actor],
    );
    return row;
  }
}
