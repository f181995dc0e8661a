import { Inject, Injectable } from '@nestjs/common';
import { instant, newestBy } from '@tianping/database';
import { DataSource } from 'typeorm';
import type { CaseChange, ClueChange, ColourDecision, ModelSuspension, OfficerChange, ScoreRecord, SubjectChange } from '@tianping/contracts';

/**
 * Idempotent upserts of the read models. Redelivery changes nothing; an older version arriving
 * late (by `updatedAt`, or `asOf`/`computedAt` for scores) never overwrites a newer one.
 */
@Injectable()
export class ProjectionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async upsertEnterprises(records: SubjectChange[]): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.creditCode,
      (r) => instant(r.updatedAt),
    ).map((r) => ({
      credit_code: r.creditCode,
      industry_code: r.industryCode,
      region_code: r.regionCode,
      lng: r.lng,
      lat: r.lat,
      status: r.status,
      updated_at: r.updatedAt,
    }));
    await this.dataSource.query(
      `INSERT INTO dispatch.enterprises (credit_code, industry_code, region_code, lng, lat, status, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(credit_code text, industry_code text, region_code text, lng double precision, lat double precision, status text, updated_at timestamptz)
       ON CONFLICT (credit_code) DO UPDATE SET industry_code = EXCLUDED.industry_code, region_code = EXCLUDED.region_code,
         lng = EXCLUDED.lng, lat = EXCLUDED.lat, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
       WHERE dispatch.enterprises.updated_at < EXCLUDED.updated_at`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Officers carry no version: the time intake's stream stored the change (`publishedNanos`) orders
   * them, so a change retried or redelivered after a newer one changes nothing. Dispatch's own daily
   * capacity is kept.
   */
  async upsertOfficers(records: OfficerChange[], publishedNanos: bigint): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.officerId,
      () => '',
    ).map((r) => ({
      officer_id: r.officerId,
      department: r.department,
      domains: r.domains,
      cert_valid_until: r.certValidUntil.slice(0, 10),
      region_code: r.regionCode,
      status: r.status,
      source_published_ns: publishedNanos.toString(),
    }));
    await this.dataSource.query(
      `INSERT INTO dispatch.officers (officer_id, department, domains, cert_valid_until, region_code, status, source_published_ns)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(officer_id text, department text, domains text[], cert_valid_until date, region_code text, status text, source_published_ns bigint)
       ON CONFLICT (officer_id) DO UPDATE SET department = EXCLUDED.department, domains = EXCLUDED.domains,
         cert_valid_until = EXCLUDED.cert_valid_until, region_code = EXCLUDED.region_code, status = EXCLUDED.status,
         source_published_ns = EXCLUDED.source_published_ns, changed_at = now()
       WHERE dispatch.officers.source_published_ns IS NULL OR dispatch.officers.source_published_ns < EXCLUDED.source_published_ns`,
      [JSON.stringify(rows)],
    );
  }

  async upsertCases(records: CaseChange[]): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.caseNo,
      (r) => instant(r.updatedAt),
    ).map((r) => ({
      case_no: r.caseNo,
      credit_code: r.creditCode,
      department: r.department,
      kind: r.kind,
      date: r.date.slice(0, 10),
      officer_ids: r.officerIds,
      // 责令整改 (an order to rectify) is followed up by a re-inspection after its deadline.
      result: r.result ?? null,
      updated_at: r.updatedAt,
    }));
    await this.dataSource.query(
      `INSERT INTO dispatch.prior_inspections (case_no, credit_code, department, kind, date, officer_ids, result, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(case_no text, credit_code text, department text, kind text, date date, officer_ids text[], result text, updated_at timestamptz)
       ON CONFLICT (case_no) DO UPDATE SET credit_code = EXCLUDED.credit_code, department = EXCLUDED.department, kind = EXCLUDED.kind,
         date = EXCLUDED.date, officer_ids = EXCLUDED.officer_ids, result = EXCLUDED.result, updated_at = EXCLUDED.updated_at
       WHERE dispatch.prior_inspections.updated_at < EXCLUDED.updated_at`,
      [JSON.stringify(rows)],
    );
  }

  async upsertComplaints(records: ClueChange[]): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.clueId,
      (r) => instant(r.updatedAt),
    ).map((r) => ({
      clue_id: r.clueId,
      credit_code: r.linkedCreditCode,
      department: r.department,
      verified: r.verified,
      status: r.status,
      received_at: r.receivedAt,
      updated_at: r.updatedAt,
    }));
    await this.dataSource.query(
      `INSERT INTO dispatch.complaints (clue_id, credit_code, department, verified, status, received_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(clue_id text, credit_code text, department text, verified boolean, status text, received_at timestamptz, updated_at timestamptz)
       ON CONFLICT (clue_id) DO UPDATE SET credit_code = EXCLUDED.credit_code, department = EXCLUDED.department, verified = EXCLUDED.verified,
         status = EXCLUDED.status, received_at = EXCLUDED.received_at, updated_at = EXCLUDED.updated_at
       WHERE dispatch.complaints.updated_at < EXCLUDED.updated_at
          -- the same source version linked anew (intake's relink pass): the later link wins, but a late unlinked copy never undoes it
          OR (dispatch.complaints.updated_at = EXCLUDED.updated_at AND EXCLUDED.credit_code IS NOT NULL AND dispatch.complaints.credit_code IS DISTINCT FROM EXCLUDED.credit_code)`,
      [JSON.stringify(rows)],
    );
  }

  /** The latest score per enterprise: a later `asOf` wins, then a later computation of the same day. */
  async upsertScores(records: ScoreRecord[]): Promise<void> {
    const rows = newestBy(
      records,
      (r) => r.creditCode,
      (r) => `${instant(r.asOf)}|${instant(r.computedAt)}`,
    ).map((r) => ({
      credit_code: r.creditCode,
      colour: r.colour,
      model_version: r.modelVersion,
      score_id: r.scoreId,
      as_of: r.asOf,
      computed_at: r.computedAt,
    }));
    await this.dataSource.query(
      `INSERT INTO dispatch.scores (credit_code, colour, model_version, score_id, as_of, computed_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(credit_code text, colour text, model_version text, score_id text, as_of timestamptz, computed_at timestamptz)
       ON CONFLICT (credit_code) DO UPDATE SET colour = EXCLUDED.colour, model_version = EXCLUDED.model_version,
         score_id = EXCLUDED.score_id, as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at
       WHERE (dispatch.scores.as_of, dispatch.scores.computed_at) < (EXCLUDED.as_of, EXCLUDED.computed_at)`,
      [JSON.stringify(rows)],
    );
  }

  /** A later decision on the same score (an appeal's override after a confirmation) replaces the earlier one. */
  async upsertColourDecision(d: ColourDecision): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dispatch.colour_decisions (score_id, credit_code, colour, decision, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (score_id) DO UPDATE SET colour = EXCLUDED.colour, decision = EXCLUDED.decision, at = EXCLUDED.at
       WHERE dispatch.colour_decisions.at < EXCLUDED.at`,
      [d.scoreId, d.creditCode, d.colour, d.decision, d.at],
    );
  }

  async setModelState(state: ModelSuspension): Promise<void> {
    await this.dataSource.query(`UPDATE dispatch.model_state SET suspended = $1, actor = $2, reason = $3, at = $4 WHERE id = 1 AND at < $4::timestamptz`, [
      state.suspended,
      state.actor,
      state.reason,
      state.at,
    ]);
  }

  async counts(): Promise<Record<string, number | boolean>> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM dispatch.enterprises)::int AS enterprises, (SELECT count(*) FROM dispatch.officers)::int AS officers,
              (SELECT count(*) FROM dispatch.prior_inspections)::int AS "priorCases", (SELECT count(*) FROM dispatch.complaints)::int AS complaints,
              (SELECT count(*) FROM dispatch.scores)::int AS scores, (SELECT suspended FROM dispatch.model_state WHERE id = 1) AS "modelSuspended"`,
    );
    return row;
  }
}
