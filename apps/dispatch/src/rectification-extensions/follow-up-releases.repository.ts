import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scheduledCarrying } from '../draw/follow-up-orders.util';
import type { HeldFollowUp, HoldingVisit, Release, TeamMember } from './follow-up-release.util';

export interface HeldVisit extends HoldingVisit {
  id: string;
  visitNo: string;
  date: string;
  drawId: string;
  routeKey: string;
  officerIds: string[];
}

/** The only place that releases re-inspections from visits planned on or before their deadline, and keeps each release. */
@Injectable()
export class FollowUpReleasesRepository {
  /**
   * The scheduled visits of published plans that carry one of `held` (an enterprise's follow-ups) on a day from
   * `today` on or before `deadline` (the enterprise's day: a re-inspection on it proves nothing), with the draw's tasks they carry, locked: a draw or a team change touching them
   * waits. A past day's visit is left alone: its officers may have gone, and its results may still come.
   */
  async holdingBefore(m: EntityManager, creditCode: string, held: HeldFollowUp[], deadline: string, today: string): Promise<HeldVisit[]> {
    return m.query(
      `SELECT v.id, v.visit_no AS "visitNo", v.date::text AS date, v.task_ids AS "taskIds", v.departments, v.checklist, v.follow_ups AS "followUps",
              v.draw_id AS "drawId", v.route_key AS "routeKey",
              ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id) AS "officerIds",
              (SELECT coalesce(jsonb_agg(t.task), '[]') FROM jsonb_array_elements(d.tasks) AS t(task) WHERE t.task->>'id' = ANY(v.task_ids)) AS tasks
         ${scheduledCarrying('$1', 'EXISTS (SELECT 1 FROM jsonb_array_elements($2::jsonb) AS h(f) WHERE v.follow_ups @> jsonb_build_array(h.f))', '$3::date', 'before')}
          AND v.date >= $4::date
        ORDER BY v.date, v.visit_no
        FOR UPDATE OF v`,
      [creditCode, JSON.stringify(held), deadline, today],
    );
  }

  /** The register's certificates of the officers named (by certificate number). */
  async team(m: EntityManager, officerIds: string[]): Promise<TeamMember[]> {
    return m.query(
      `SELECT officer_id AS id, domains, cert_valid_until::text AS "certValidUntil" FROM dispatch.officers WHERE officer_id = ANY($1) ORDER BY officer_id`,
      [officerIds],
    );
  }

  /** Applies the release to the visit and keeps it, with what the visit gave up; answers when it was made. */
  async release(
    m: EntityManager,
    r: { id: string; extensionId: string; visitId: string; deadline: string; release: Release; officersRemoved: string[] },
  ): Promise<string> {
    const { release } = r;
    if (release.cancelled) {
      await m.query(`UPDATE dispatch.visits SET status = 'cancelled' WHERE id = $1 AND status = 'scheduled'`, [r.visitId]);
    } else {
      const k = release.kept;
      await m.query(`UPDATE dispatch.visits SET task_ids = $2, departments = $3, checklist = $4, follow_ups = $5, reasons = $6 WHERE id = $1`, [
        r.visitId,
        k.taskIds,
        k.departments,
        JSON.stringify(k.checklist),
        JSON.stringify(k.followUps),
        k.reasons,
      ]);
      await m.query(`DELETE FROM dispatch.visit_officers WHERE visit_id = $1 AND officer_id = ANY($2)`, [r.visitId, r.officersRemoved]);
    }
    const removed = release.cancelled ? { taskIds: [], departments: [], checklist: [] } : release.removed;
    const [row]: { releasedAt: Date }[] = await m.query(
      `INSERT INTO dispatch.follow_up_releases (id, extension_id, visit_id, follow_ups, deadline, cancelled, task_ids, departments, checklist, officers_removed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING released_at AS "releasedAt"`,
      [
        r.id,
        r.extensionId,
        r.visitId,
        JSON.stringify(release.followUps),
        r.deadline,
        release.cancelled,
        removed.taskIds,
        removed.departments,
        JSON.stringify(removed.checklist),
        r.officersRemoved,
      ],
    );
    return new Date(row.releasedAt).toISOString();
  }
}
