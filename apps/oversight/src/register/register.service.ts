import { Injectable } from '@nestjs/common';
import type { ReportSummary } from '../audits/audit-reports.repository';
import { AuditReportsService } from '../audits/audit-reports.service';
import { PublicAuditReportsService, type PublicReportSummary } from '../audits/public-audit-reports.service';
import { AuditsRepository } from '../audits/audits.repository';
import { KillSwitchService } from '../kill-switch/kill-switch.service';
import { RegisterRepository } from './register.repository';
import { buildRegisterEntry, type AuditReference, type RegisterEntry, type RegisterFacts } from './register.util';

function reference(report: ReportSummary | PublicReportSummary | undefined, headline: unknown): AuditReference | null {
  if (!report) return null;
  const { id, period, createdAt, sha256, auditSeq } = report;
  return { id, period, createdAt, sha256, auditSeq, headline };
}

/** Deployment facts an operator sets (who runs it, whom to ask); everything else is read live. */
function deployment(env: NodeJS.ProcessEnv = process.env): RegisterFacts['deployment'] {
  return {
    organization: env.TIANPING_REGISTER_ORGANIZATION || null,
    contactEmail: env.TIANPING_REGISTER_CONTACT_EMAIL || null,
    area: env.TIANPING_REGISTER_AREA || null,
    adoptingDecision: env.TIANPING_REGISTER_DECISION || null,
  };
}

/**
 * A published report as the public reads it: its public copy's sha256 with the record entry that
 * logged that hash (the publication's, or the one that logged a late copy), so a reader can check the
 * one against the other. The report's own entry (`auditSeq` of the envelope) logs the full report's hash.
 */
function publishedReference(report: PublicReportSummary | undefined): AuditReference | null {
  return report ? reference({ ...report, auditSeq: report.publication.publicCopySeq }, report.headline) : null;
}

/** The public register entry of the algorithm, generated on each request from live metadata. */
@Injectable()
export class RegisterService {
  constructor(
    private readonly register: RegisterRepository,
    private readonly audits: AuditsRepository,
    private readonly reports: AuditReportsService,
    private readonly publicReports: PublicAuditReportsService,
    private readonly killSwitch: KillSwitchService,
  ) {}

  async entry(now = new Date()): Promise<RegisterEntry> {
    const version = await this.audits.activeModelVersion();
    const [model, factors, scoring, colourPolicy, killSwitch, draws, appeals, latest, latestPublished] = await Promise.all([
      version ? this.audits.modelVersion(version) : null,
      version ? this.register.factorNames(version) : [],
      version ? this.register.scoring(version) : { enterprises: 0, latestAsOf: null, lastComputedAt: null },
      this.register.activeColourPolicy(),
      this.killSwitch.state(1),
      this.register.draws(),
      this.register.appealCounts(),
      this.reports.list(1),
      this.publicReports.list(1),
    ]);
    // The latest report may not be published: its headline as its public copy would read.
    const latestHeadline = latest[0] ? await this.publicReports.headline(latest[0]) : null;
    return buildRegisterEntry({
      generatedAt: now.toISOString(),
      deployment: deployment(),
      model: model && {
        version: model.version,
        state: model.state,
        specName: model.specName,
        trainingWindow: model.trainingWindow,
        dataFingerprint: model.dataFingerprint,
        metrics: model.metrics,
        approved: model.approvedBy !== null,
        activatedAt: model.activatedAt,
      },
      factors,
      scoring,
      colourPolicy,
      // Who pulled the switch and why stay in the record: the register shows the state and since when.
      killSwitch: { suspended: killSwitch.suspended, since: killSwitch.since?.at ?? null },
      draws,
      appeals,
      audits: { latest: reference(latest[0], latestHeadline), latestPublished: publishedReference(latestPublished[0]) },
    });
  }
}
