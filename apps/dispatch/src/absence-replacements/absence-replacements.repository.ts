import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AbsenceDays } from '../absences/absence.util';

/** Reads what covering an absence needs: the absence itself and the visits in its days that still send the officer. */
@Injectable()
export class AbsenceReplacementsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A current (not withdrawn) absence; locked, a withdrawal waits for the replacement to be done. */
  async current(m: EntityManager, id: string, lock = false): Promise<(AbsenceDays & { id: string; kind: string }) | undefined> {
    const [row] = await m.query(
      `SELECT id, officer_id AS "officerId", from_date::text AS "from", to_date::text AS "to", kind FROM dispatch.officer_absences
        WHERE id = $1 AND withdrawn_at IS NULL ${lock ? 'FOR SHARE' : ''}`,
      [id],
    );
    return row;
  }

  /** Scheduled visits of published plans from `from` to `to` whose team names the officer, day by day in route order. */
  async sendingVisits(m: EntityManager, officerId: string, from: string, to: string): Promise<{ id: string; date: string }[]> {
    return m.query(
      `SELECT v.id, v.date::text AS date FROM dispatch.visits v
         JOIN dispatch.visit_officers vo ON vo.visit_id = v.id JOIN dispatch.draws d ON d.id = v.draw_id
        WHERE vo.officer_id = $1 AND v.date BETWEEN $2::date AND $3::date AND v.status = 'scheduled' AND d.status = 'published'
        ORDER BY v.date, v.draw_id, v.route_key, v.route_order, v.id`,
      [officerId, from, to],
    );
  }
}
