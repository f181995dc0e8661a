import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditPeriod } from './audit-period.util';

export type ReportTrigger = 'scheduled' | 'on-demand';

export interface ReportSummary {
  id: string;
  trigger: ReportTrigger;
  period: AuditPeriod;
  requestedBy: string;
  createdAt: string;
  sha256: string;
  /** The record entry that logged the report. */
  auditSeq: number;
  headline: unknown;
  publication: { publishedBy: string; publishedAt: string; auditSeq: number } | null;
  /** What the public is served: its sha256, the threshold k it was derived with, the record entry that logged that hash. */
  publicCopy: { sha256: string; minGroupSize: number; auditSeq: number; createdAt: string } | null;
}

export interface StoredReport extends ReportSummary {
  /** Canonical JSON text, exactly as hashed. */
  bodyJson: string;
}

export interface NewReport {
  id: string;
  trigger: ReportTrigger;
  period: AuditPeriod;
  requestedBy: string;
  createdAt: string;
  bodyJson: string;
  sha256: string;
  auditSeq: number;
}

export interface NewPublicCopy {
  reportId: string;
  minGroupSize: number;
  bodyJson: string;
  sha256: string;
  auditSeq: number;
  createdAt: string;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** Summary columns; `headlineOf` is the body whose headline is shown (`r` the report, `c` its public copy). */
const summary = (
  headlineOf: 'r' | 'c',
) => `r.id::text AS id, r.trigger, to_char(r.period_from, 'YYYY-MM-DD') AS "from", to_char(r.period_to, 'YYYY-MM-DD') AS "to",
  r.requested_by AS "requestedBy", ${ISO('r.created_at')} AS "createdAt", r.body_sha256 AS sha256, r.audit_seq AS "auditSeq",
  (${headlineOf}.body_json::jsonb) -> 'headline' AS headline,
  p.published_by AS "publishedBy", ${ISO('p.published_at')} AS "publishedAt", p.audit_seq AS "publicationSeq",
  c.body_sha256 AS "publicSha256", c.min_group_size AS "publicMinGroup", c.audit_seq AS "publicCopySeq", ${ISO('c.created_at')} AS "publicCopyAt"`;
const SUMMARY = summary('r');
const FROM = `oversight.audit_reports r LEFT JOIN oversight.audit_report_publications p ON p.report_id = r.id
  LEFT JOIN oversight.audit_report_public_copies c ON c.report_id = r.id`;

type Row = Record<string, unknown> & {
  from: string;
  to: string;
  auditSeq: string;
  publishedBy: string | null;
  publishedAt: string | null;
  publicationSeq: string | null;
  publicSha256: string | null;
  publicMinGroup: number | null;
  publicCopySeq: string | null;
  publicCopyAt: string | null;
};

function toSummary(row: Row): ReportSummary {
  const {
    from,
    to,
    auditSeq,
    publishedBy,
    publishedAt,
    publicationSeq,
    publicSha256,
    publicMinGroup,
    publicCopySeq,
    publicCopyAt,
    bodyJson: _body,
    ...rest
  } = row;
  return {
    ...(rest as Omit<ReportSummary, 'period' | 'auditSeq' | 'publication' | 'publicCopy'>),
    period: { from, to },
    auditSeq: Number(auditSeq),
    publication: publishedBy ? { publishedBy, publishedAt: publishedAt as string, auditSeq: Number(publicationSeq) } : null,
    publicCopy: publicSha256
      ? { sha256: publicSha256, minGroupSize: Number(publicMinGroup), auditSeq: Number(publicCopySeq), createdAt: publicCopyAt as string }
      : null,
  };
}

/** The only place that queries stored audit reports and their publications. */
@Injectable()
export class AuditReportsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  async insert(m: EntityManager, r: NewReport): Promise<void> {
    await m.query(
      `INSERT INTO oversight.audit_reports (id, trigger, period_from, period_to, requested_by, created_at, body_json, body_sha256, audit_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.id, r.trigger, r.period.from, r.period.to, r.requestedBy, r.createdAt, r.bodyJson, r.sha256, r.auditSeq],
    );
  }

  async insertPublication(m: EntityManager, reportId: string, publishedBy: string, publishedAt: string, auditSeq: number): Promise<void> {
    await m.query(`INSERT INTO oversight.audit_report_publications (report_id, published_by, published_at, audit_seq) VALUES ($1, $2, $3, $4)`, [
      reportId,
      publishedBy,
      publishedAt,
      auditSeq,
    ]);
  }

  async insertPublicCopy(m: EntityManager, c: NewPublicCopy): Promise<void> {
    await m.query(
      `INSERT INTO oversight.audit_report_public_copies (report_id, min_group_size, body_json, body_sha256, audit_seq, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.reportId, c.minGroupSize, c.bodyJson, c.sha256, c.auditSeq, c.createdAt],
    );
  }

  /** The public copy's canonical JSON text, exactly as hashed; null before there is one. */
  async publicCopyBody(reportId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT body_json AS "bodyJson" FROM oversight.audit_report_public_copies WHERE report_id = $1::uuid`, [
      reportId,
    ]);
    return row ? row.bodyJson : null;
  }

  async scheduledFor(period: AuditPeriod, m?: EntityManager): Promise<ReportSummary | null> {
    const [row] = await (m ?? this.dataSource).query(
      `SELECT ${SUMMARY} FROM ${FROM} WHERE r.trigger = 'scheduled' AND r.period_from = $1 AND r.period_to = $2`,
      [period.from, period.to],
    );
    return row ? toSummary(row) : null;
  }

  /** Newest first. Published only: with the headline of the public copy (null for a report published before copies existed, until it has one). */
  async list(options: { limit: number; publishedOnly: boolean }): Promise<ReportSummary[]> {
    const columns = options.publishedOnly ? summary('c') : SUMMARY;
    const rows = await this.dataSource.query(
      `SELECT ${columns} FROM ${FROM} ${options.publishedOnly ? 'WHERE p.report_id IS NOT NULL' : ''} ORDER BY r.created_at DESC, r.id LIMIT $1`,
      [options.limit],
    );
    return rows.map(toSummary);
  }

  async find(id: string, m?: EntityManager): Promise<StoredReport | null> {
    const [row] = await (m ?? this.dataSource).query(`SELECT ${SUMMARY}, r.body_json AS "bodyJson" FROM ${FROM} WHERE r.id = $1::uuid`, [id]);
    return row ? { ...toSummary(row), bodyJson: row.bodyJson } : null;
  }
}
