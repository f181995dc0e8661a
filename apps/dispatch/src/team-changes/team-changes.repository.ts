import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { pathLengthKm, type PriorInspection } from '@tianping/planner';

export interface StoredTeamChange {
  id: string;
  visitId: string;
  officerOut: string;
  officerIn: string;
  chosen: 'picked' | 'random';
  seed: string | null;
  candidates: string[] | null;
  reason: string;
  actor: string | null;
  changedAt: string;
}

/** A visit where its route is kept. */
export interface RoutedVisit {
  id: string;
  visitNo: string;
  drawId: string;
  routeKey: string;
}

/** The only place that writes a visit's team after publishing, and reads what a change must respect. */
@Injectable()
export class TeamChangesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One change of a day at a time: the capacity each one checks is then the capacity it leaves. */
  async lockDay(m: EntityManager, date: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('dispatch.visit_team_changes'), hashtext($1))`, [date]);
  }

  /** Visits each officer is on that day, other than cancelled ones. */
  async visitsThatDay(m: EntityManager, date: string): Promise<Map<string, number>> {
    const rows: { officerId: string; visits: number }[] = await m.query(
      `SELECT vo.officer_id AS "officerId", count(*)::int AS visits
         FROM dispatch.visits v JOIN dispatch.visit_officers vo ON vo.visit_id = v.id
        WHERE v.date = $1 AND v.status <> 'cancelled' GROUP BY vo.officer_id`,
      [date],
    );
    return new Map(rows.map((r) => [r.officerId, r.visits]));
  }

  /**
   * The enterprise's inspections in the 12 months before the day, as the draw counts them: intake's cases
   * and dispatch's own visits (done, or scheduled in a published plan), this one left out.
   */
  async priorInspections(m: EntityManager, creditCode: string, date: string, visitId: string): Promise<PriorInspection[]> {
    return m.query(
      `SELECT credit_code AS "creditCode", department, date::text AS date, officer_ids AS "officerIds"
         FROM dispatch.prior_inspections
        WHERE kind = '检查' AND credit_code = $1 AND date >= ($2::date - interval '1 year')::date AND date < $2::date
       UNION ALL
       SELECT v.credit_code, v.departments[1], v.date::text,
              ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id)
         FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
        WHERE v.credit_code = $1 AND v.id <> $3 AND v.date >= ($2::date - interval '1 year')::date AND v.date < $2::date
          AND (v.status = 'done' OR (v.status = 'scheduled' AND d.status = 'published'))`,
      [creditCode, date, visitId],
    );
  }

  /** The enterprise's visits scheduled in published plans in the 12 months after the day, as recusal sees them. */
  async laterVisits(m: EntityManager, creditCode: string, date: string): Promise<PriorInspection[]> {
    return m.query(
      `SELECT v.credit_code AS "creditCode", v.departments[1] AS department, v.date::text AS date,
              ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id) AS "officerIds"
         FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
        WHERE v.credit_code = $1 AND v.date > $2::date AND v.date < ($2::date + interval '1 year')::date
          AND v.status = 'scheduled' AND d.status = 'published'
        ORDER BY v.date`,
      [creditCode, date],
    );
  }

  /**
   * The visit leaves its route for one of its own with the new team (a route is one team's day); a
   * visit already alone on its route keeps it, with the new team.
   */
  async replaceOfficer(m: EntityManager, v: RoutedVisit, out: string, into: string, team: string[]) {
    await m.query(`UPDATE dispatch.visit_officers SET officer_id = $3 WHERE visit_id = $1 AND officer_id = $2`, [v.id, out, into]);
    await this.routeWithTeam(m, v, team);
  }

  /** The visit takes `team` (already its officers) onto a route of its own, or onto its route when alone on it. */
  async routeWithTeam(m: EntityManager, v: RoutedVisit, team: string[]) {
    const [{ others }]: { others: number }[] = await m.query(
      `SELECT count(*)::int AS others FROM dispatch.visits WHERE draw_id = $1 AND route_key = $2 AND id <> $3`,
      [v.drawId, v.routeKey, v.id],
    );
    if (others === 0) {
      await m.query(`UPDATE dispatch.routes SET officer_ids = $3 WHERE draw_id = $1 AND route_key = $2`, [v.drawId, v.routeKey, team]);
      return;
    }
    const routeKey = `${v.routeKey}/${v.visitNo}`;
    await m.query(
      `INSERT INTO dispatch.routes (draw_id, route_key, date, region_code, officer_ids, distance_km)
       SELECT draw_id, $3, date, region_code, $4, 0 FROM dispatch.routes WHERE draw_id = $1 AND route_key = $2`,
      [v.drawId, v.routeKey, routeKey, team],
    );
    await m.query(`UPDATE dispatch.visits SET route_key = $2, route_order = 0 WHERE id = $1`, [v.id, routeKey]);
    // The route left behind keeps its order without a gap, and is as long as its path without that stop.
    await m.query(
      `UPDATE dispatch.visits v SET route_order = o.n - 1
         FROM (SELECT id, row_number() OVER (ORDER BY route_order) AS n FROM dispatch.visits WHERE draw_id = $1 AND route_key = $2) o
        WHERE v.id = o.id`,
      [v.drawId, v.routeKey],
    );
    const stops: { lng: number | null; lat: number | null }[] = await m.query(
      `SELECT e.lng, e.lat FROM dispatch.visits v LEFT JOIN dispatch.enterprises e ON e.credit_code = v.credit_code
        WHERE v.draw_id = $1 AND v.route_key = $2 ORDER BY v.route_order`,
      [v.drawId, v.routeKey],
    );
    const km = pathLengthKm(stops.map((s) => ({ lng: s.lng ?? undefined, lat: s.lat ?? undefined })));
    await m.query(`UPDATE dispatch.routes SET distance_km = $3 WHERE draw_id = $1 AND route_key = $2`, [v.drawId, v.routeKey, km]);
  }

  async record(m: EntityManager, change: Omit<StoredTeamChange, 'changedAt'>): Promise<string> {
    const [row]: { changedAt: Date }[] = await m.query(
      `INSERT INTO dispatch.visit_team_changes (id, visit_id, officer_out, officer_in, chosen, seed, candidates, reason, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING changed_at AS "changedAt"`,
      [change.id, change.visitId, change.officerOut, change.officerIn, change.chosen, change.seed, change.candidates, change.reason, change.actor],
    );
    return new Date(row.changedAt).toISOString();
  }

  async forVisit(visitId: string): Promise<StoredTeamChange[]> {
    return this.dataSource.query(
      `SELECT id, visit_id AS "visitId", officer_out AS "officerOut", officer_in AS "officerIn", chosen, seed, candidates, reason, actor, changed_at AS "changedAt"
         FROM dispatch.visit_team_changes WHERE visit_id = $1 ORDER BY changed_at, id`,
      [visitId],
    );
  }
}
