import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@tianping/audit-log';
import { AuditLogService } from '../record/audit-log.service';
import { AuditReportsRepository, type ReportSummary, type StoredReport } from './audit-reports.repository';
import { publicMinGroup } from './disclosure.util';
import { publicReport, withheldCells, type AuditReportBody, type PublicAuditReport, type WithheldCells } from './public-report.util';

/** How the record names the public copy of a report published before copies were made at publication. */
export const AUDIT_PUBLIC_COPY_KIND = 'algorithm-audit-public-copy';

/** Headlines kept: the register asks for the latest report's, so a few cover every request. */
const HEADLINES_KEPT = 8;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DerivedCopy {
  body: PublicAuditReport;
  bodyJson: string;
  sha256: string;
  minGroupSize: number;
}

/** The public copy of a stored report with threshold k: canonical JSON and its sha256. The same report and k give the same bytes. */
export function derivePublicCopy(report: Pick<StoredReport, 'bodyJson' | 'sha256'>, k: number): DerivedCopy {
  const body = publicReport(JSON.parse(report.bodyJson) as AuditReportBody, report.sha256, k);
  const bodyJson = canonicalJson(body);
  return { body, bodyJson, sha256: createHash('sha256').update(bodyJson).digest('hex'), minGroupSize: k };
}

/**
 * A published report's envelope: `sha256` is that of the public copy served as `report` (logged in
 * entry `publication.publicCopySeq` with k), `reportSha256` that of the full report oversight keeps
 * (logged in entry `auditSeq`). No officer is named.
 */
export type PublicReportSummary = Omit<ReportSummary, 'requestedBy' | 'publication' | 'publicCopy'> & {
  reportSha256: string;
  publication: { publishedAt: string; auditSeq: number; minGroupSize: number; publicCopySeq: number };
};

/**
 * What the public sees of the audit reports (社会监督): only public copies, with small groups
 * withheld. A report published before copies were made at publication gets its copy when first
 * asked for — derived with today's k and logged in the record (`algorithm-audit-public-copy`) —
 * and is never served whole again.
 */
@Injectable()
export class PublicAuditReportsService {
  /** Headlines already read, by report and k (oldest dropped first). */
  private readonly headlines = new Map<string, unknown>();

  constructor(
    private readonly reports: AuditReportsRepository,
    private readonly record: AuditLogService,
  ) {
    // A bad TIANPING_PUBLIC_MIN_GROUP stops the start, not the first publication.
    publicMinGroup();
  }

  async list(limit: number): Promise<PublicReportSummary[]> {
    const listed = await this.reports.list({ limit, publishedOnly: true });
    const missing = listed.filter((r) => !r.publicCopy);
    for (const report of missing) await this.ensureCopy(report.id);
    const rows = missing.length > 0 ? await this.reports.list({ limit, publishedOnly: true }) : listed;
    return Promise.all(rows.map(async (row) => publicSummary(row, await this.headline(row))));
  }

  async get(id: string): Promise<PublicReportSummary & { report: JsonValue }> {
    const found = UUID.test(id) ? await this.reports.find(id) : null;
    if (!found?.publication) throw new NotFoundException(`no published audit report ${id}`);
    if (!found.publicCopy) await this.ensureCopy(id);
    const summary = (await this.reports.find(id))!;
    const report = JSON.parse((await this.reports.publicCopyBody(id))!) as PublicAuditReport;
    return { ...publicSummary(summary, report.headline), report: report as unknown as JsonValue };
  }

  /** What the public copy withholds: the stored copy's for a published report, else what publishing now would withhold. */
  async withheld(report: StoredReport): Promise<WithheldCells & { stored: boolean }> {
    const stored = report.publicCopy ? await this.reports.publicCopyBody(report.id) : null;
    const copy = stored ? (JSON.parse(stored) as PublicAuditReport) : derivePublicCopy(report, publicMinGroup()).body;
    return { ...withheldCells(copy), stored: stored !== null };
  }

  /**
   * A report's headline as the public may read it (the register names the latest report, published or
   * not). Reports and their copies never change, so each is read and derived once per report and k,
   * not on every request of the public register.
   */
  async headline(report: ReportSummary): Promise<unknown> {
    const key = report.publicCopy ? `${report.id}:copy` : `${report.id}:k=${publicMinGroup()}`;
    if (!this.headlines.has(key)) {
      if (this.headlines.size >= HEADLINES_KEPT) this.headlines.delete(this.headlines.keys().next().value!);
      this.headlines.set(key, await this.readHeadline(report));
    }
    return this.headlines.get(key);
  }

  private async readHeadline(report: ReportSummary): Promise<unknown> {
    if (report.publicCopy) return (JSON.parse((await this.reports.publicCopyBody(report.id))!) as PublicAuditReport).headline;
    const stored = await this.reports.find(report.id);
    return stored ? derivePublicCopy(stored, publicMinGroup()).body.headline : null;
  }

  /** Makes and logs the public copy of a report published without one; another process doing the same first is fine. */
  private async ensureCopy(id: string): Promise<void> {
    const k = publicMinGroup();
    await this.reports.transaction(async (manager) => {
      const report = await this.reports.find(id, manager);
      if (!report?.publication || report.publicCopy) return;
      const copy = derivePublicCopy(report, k);
      const createdAt = new Date().toISOString();
      const data = {
        reportId: id,
        sha256: report.sha256,
        publicSha256: copy.sha256,
        minGroupSize: k,
        reason: 'published before public copies were derived at publication',
      };
      const auditSeq = await this.record.append(AUDIT_PUBLIC_COPY_KIND, id, data, { eventKey: `${AUDIT_PUBLIC_COPY_KIND}:${id}`, manager });
      if (auditSeq === null) return;
      await this.reports.insertPublicCopy(manager, { reportId: id, minGroupSize: k, bodyJson: copy.bodyJson, sha256: copy.sha256, auditSeq, createdAt });
    });
  }
}

/**
 * The envelope names its fields one by one: a stored report also carries the full report's text
 * (`bodyJson`, groups smaller than k included), which must never reach the public beside its copy;
 * and the headline is the public copy's (read from what is published), not the full report's.
 */
function publicSummary(summary: ReportSummary, headline: unknown): PublicReportSummary {
  const { id, trigger, period, createdAt, auditSeq, publication, publicCopy, sha256 } = summary;
  return {
    id,
    trigger,
    period,
    createdAt,
    auditSeq,
    headline,
    sha256: publicCopy!.sha256,
    reportSha256: sha256,
    publication: {
      publishedAt: publication!.publishedAt,
      auditSeq: publication!.auditSeq,
      minGroupSize: publicCopy!.minGroupSize,
      publicCopySeq: publicCopy!.auditSeq,
    },
  };
}
