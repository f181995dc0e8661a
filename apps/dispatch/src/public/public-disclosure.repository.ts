import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A published plan as the public sees it (抽查计划公示): its scope, never the enterprises drawn. */
export interface PublicPlan {
  from: string;
  to: string;
  /** The first day a newer plan took over from this one; null when it runs its whole window. */
  cutFrom: string | null;
  publishedAt: string;
  seed: string;
  inputsFingerprint: string;
  resultFingerprint: string;
  /** Enterprises drawn and checks planned, across departments. */
  enterprises: number;
  checks: number;
  visits: number;
  departments: { department: string; enterprises: number; items: string[] }[];
}

/** One finished visit as the public sees it (抽查结果公示): what was checked and the result of each item. */
export interface PublicResult {
  date: string;
  /** The visit's number (检查编号), for a reader to quote. */
  visitNo: string;
  creditCode: string;
  departments: string[];
  items: { department: string; item: string; result: string }[];
}

export interface PublicResultFilter {
  from?: string;
  to?: string;
  department?: string;
  /** Only these enterprises' inspections. */
  creditCode?: string[];
  /** The last row of the previous page: `date` and `key` (a visit's id, opaque to the reader). */
  after?: { date: string; key: string };
  limit: number;
}

/**
 * What the bureau discloses of its random inspections (双随机、一公开): plans by their scope, and
 * results once recorded. Nothing that says why an enterprise was drawn (a complaint, its colour),
 * who inspected it, or what an officer wrote of a violation: only each item's result.
 */
@Injectable()
export class PublicDisclosureRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The scope is the one stored when the plan was drawn (dispatch.public_plan_scope); cut and status are read as they are now. */
  async plans(limit: number): Promise<PublicPlan[]> {
    return this.dataSource.query(
      `SELECT d.window_from::text AS "from", d.window_to::text AS "to", d.cut_from::text AS "cutFrom", d.created_at AS "publishedAt", d.seed,
              d.inputs_fingerprint AS "inputsFingerprint", d.result_fingerprint AS "resultFingerprint",
              (d.public_scope->>'enterprises')::int AS enterprises, (d.public_scope->>'checks')::int AS checks,
              (d.public_scope->>'visits')::int AS visits, d.public_scope->'departments' AS departments
         FROM dispatch.draws d
        WHERE d.status = 'published'
        ORDER BY d.window_from DESC, d.created_at DESC
        LIMIT $1`,
      [limit],
    );
  }

  /**
   * Recorded visits, newest first; `key` orders visits of one day and pages on. A visit made under a plan
   * a newer one replaced afterwards took place all the same, so it counts: only a plan the checker refused has none.
   */
  async results(f: PublicResultFilter): Promise<(PublicResult & { key: string })[]> {
    const rows: {
      date: string;
      key: string;
      visitNo: string;
      creditCode: string;
      departments: string[];
      results: { department: string; item: string; result: string }[];
    }[] = await this.dataSource.query(
      `SELECT v.date::text AS date, v.id::text AS key, v.visit_no AS "visitNo", v.credit_code AS "creditCode", v.departments, v.results
           FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id AND d.status <> 'rejected'
          WHERE v.status = 'done' AND v.results IS NOT NULL
            AND ($1::date IS NULL OR v.date >= $1) AND ($2::date IS NULL OR v.date <= $2)
            AND ($3::text IS NULL OR $3 = ANY(v.departments))
            AND ($4::date IS NULL OR (v.date, v.id::text) < ($4, $5::text))
            AND ($7::text[] IS NULL OR v.credit_code = ANY($7))
          ORDER BY v.date DESC, v.id::text DESC
          LIMIT $6`,
      [f.from ?? null, f.to ?? null, f.department ?? null, f.after?.date ?? null, f.after?.key ?? null, f.limit, f.creditCode ?? null],
    );
    // Built field by field: a result's own words (the violation an officer wrote) stay inside the bureau.
    return rows.map((r) => ({
      date: r.date,
      key: r.key,
      visitNo: r.visitNo,
      creditCode: r.creditCode,
      departments: r.departments,
      items: r.results.map(({ department, item, result }) => ({ department, item, result })),
    }));
  }
}
