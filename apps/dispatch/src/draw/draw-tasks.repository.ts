import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InspectionTask } from '@tianping/planner';
import type { DrawTasksQuery } from './dtos/draw.dto';

/** A drawn task with the joint visit that carries it: its day, district and team (null when no team took it, or a newer plan cut it). */
export interface PlacedTask extends InspectionTask {
  visitId: string | null;
  date: string | null;
  regionCode: string | null;
  officerIds: string[];
}

/** A draw's tasks, placed on their visits and narrowed in SQL: the plan page's filters. */
@Injectable()
export class DrawTasksRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(drawId: string, q: DrawTasksQuery): Promise<PlacedTask[]> {
    const rows: { task: InspectionTask; visitId: string | null; date: string | null; regionCode: string | null; officerIds: string[] | null }[] =
      await this.dataSource.query(
        `SELECT t.task, v.id AS "visitId", v.date::text AS date, v.region_code AS "regionCode", v.officer_ids AS "officerIds"
           FROM dispatch.draws d
          CROSS JOIN LATERAL jsonb_array_elements(d.tasks) WITH ORDINALITY AS t(task, n)
           LEFT JOIN LATERAL (
             SELECT v.id, v.date, v.region_code, ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id) AS officer_ids
               FROM dispatch.visits v
              WHERE v.draw_id = d.id AND v.credit_code = t.task->>'creditCode' AND t.task->>'id' = ANY(v.task_ids) AND v.status <> 'cancelled'
              LIMIT 1
           ) v ON true
          WHERE d.id = $1
            AND ($2::date IS NULL OR v.date = $2) AND ($3::text IS NULL OR t.task->>'department' = $3)
            AND ($4::text IS NULL OR $4 = ANY(v.officer_ids)) AND ($5::text IS NULL OR v.region_code = $5)
            AND ($6::text IS NULL OR t.task->>'reason' = $6 OR ($6 = 'follow-up' AND t.task ? 'followUps')) AND ($7::text IS NULL OR t.task->>'colour' = $7)
          ORDER BY t.n`,
        [drawId, q.date ?? null, q.department ?? null, q.officer ?? null, q.region ?? null, q.reason ?? null, q.colour ?? null],
      );
    return rows.map((r) => ({ ...r.task, visitId: r.visitId, date: r.date, regionCode: r.regionCode, officerIds: r.officerIds ?? [] }));
  }
}
