import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface EnterpriseSummary {
  creditCode: string;
  name: string;
  industryCode: string;
  regionCode: string;
  status: string;
  /** Where it is registered, for the bureau's risk map. */
  lng: number | null;
  lat: number | null;
}

@Injectable()
export class EnterpriseRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The subject row without its sealed personal data: only the masked ID number leaves. */
  async subject(creditCode: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.dataSource.query(
      `SELECT credit_code AS "creditCode", name, established_on::text AS "establishedOn",
              registered_capital_wan::float AS "registeredCapitalWan", shareholder_subscribed_wan::float AS "shareholderSubscribedWan",
              employees, industry_code AS "industryCode", region_code AS "regionCode", address, lng, lat, status,
              abnormal_listed AS "abnormalListed", legal_rep_changes_2y AS "legalRepChanges2y",
              legal_rep_id_masked AS "legalRepIdMasked", updated_at AS "updatedAt"
         FROM intake.subjects WHERE credit_code = $1`,
      [creditCode],
    );
    return row ?? null;
  }

  async cases(creditCode: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT case_no AS "caseNo", department, kind, origin, date::text AS date, items, result, violation,
              violation_found AS "violationFound", penalty_yuan::float AS "penaltyYuan", updated_at AS "updatedAt"
         FROM intake.cases WHERE credit_code = $1 ORDER BY date DESC, case_no`,
      [creditCode],
    );
  }

  async clues(creditCode: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT clue_id AS "clueId", channel, received_at AS "receivedAt", category, department, verified, status,
              link_method AS "linkMethod", updated_at AS "updatedAt"
         FROM intake.clues WHERE linked_credit_code = $1 ORDER BY received_at DESC`,
      [creditCode],
    );
  }

  async search(query: string | undefined, limit: number, afterCode = ''): Promise<EnterpriseSummary[]> {
    return this.dataSource.query(
      `SELECT credit_code AS "creditCode", name, industry_code AS "industryCode", region_code AS "regionCode", status, lng, lat
         FROM intake.subjects
        WHERE credit_code > $3 AND ($1::text IS NULL OR name LIKE '%' || $1 || '%' OR credit_code = upper($1))
        ORDER BY credit_code LIMIT $2`,
      [query || null, limit, afterCode],
    );
  }

  async unlinkedClues(limit: number): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT clue_id AS "clueId", channel, received_at AS "receivedAt", credit_code_given AS "creditCodeGiven",
              subject_name AS "subjectName", address, category, department, link_candidates AS "candidates"
         FROM intake.clues WHERE linked_credit_code IS NULL ORDER BY received_at DESC LIMIT $1`,
      [limit],
    );
  }

  async totals(): Promise<Record<string, number>> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM intake.subjects)::int AS subjects, (SELECT count(*) FROM intake.cases)::int AS cases,
              (SELECT count(*) FROM intake.officers)::int AS officers, (SELECT count(*) FROM intake.clues)::int AS clues,
              (SELECT count(*) FROM intake.clues WHERE linked_credit_code IS NULL)::int AS "unlinkedClues",
              (SELECT count(*) FROM intake.quarantine WHERE status = 'open')::int AS "quarantineOpen"`,
    );
    return row;
  }
}
