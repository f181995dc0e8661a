import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@tianping/audit-log';
import { AuditLogService } from '../record/audit-log.service';
import { lastCompleteQuarter, type AuditPeriod } from './audit-period.util';
import { AuditReportsRepository, type ReportSummary, type ReportTrigger } from './audit-reports.repository';
import { AuditDriftRepository } from './audit-drift.repository';
import type { ModelVersionFacts } from './audits.repository';
import { AuditsService } from './audits.service';
import { publicMinGroup } from './disclosure.util';
import { derivePublicCopy, PublicAuditReportsService } from './public-audit-reports.service';
import type { AuditReportBody, WithheldCells } from './public-report.util';
import { reportHeadline } from './report-headline.util';

/** How the record names a stored report and its publication. */
export const AUDIT_REPORT_KIND = 'algorithm-audit';
export const AUDIT_PUBLICATION_KIND = 'algorithm-audit-publication';
export const REPORT_FORMAT = 'tianping.algorithm-audit.v1';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReportView extends ReportSummary {
  /** The report exactly as stored: canonicalJson(report) hashes to `sha256`, which the record holds. */
  report: JsonValue;
  /** The cells its public copy withholds (`stored`), or would withhold if it were published now. */
  publicWithheld: WithheldCells & { stored: boolean };
}

export interface DueReportOutcome {
  period: AuditPeriod & { label: string };
  status: 'created' | 'exists' | 'no-scores';
  report: ReportSummary | null;
}

const METHOD = {
  zh: '公平性：按行业门类、区县、规模、存续年限分组，计算抽中率、红色标记率、违法发现率，以及在随机（探索）抽查样本上的真阳性率、假阳性率和校准；比例均附 Wilson 95% 区间，组间差距附 Newcombe 区间（观测数不足的组不参与差距）。准确性：以随机抽查样本为准（不受模型自身选择的反馈影响），同时列出模型选中样本以示偏差。漂移：各因子及分数相对训练期（无训练期评分时为模型首次评分）的群体稳定性指数（PSI，<0.1 稳定，0.1–0.25 中度偏移，>0.25 显著偏移）。',
  en: "Fairness: groups by industry section, district, size band and age band; selection rate, red-flag rate, violation-found rate, and on the random (exploration) share of inspections the true- and false-positive rates and calibration; every share carries a 95 % Wilson interval and every gap between groups a Newcombe interval (groups with too few observations are left out of gaps). Accuracy: read on the random share, free of the feedback loop of the model choosing whom to inspect; the model-chosen share is shown beside it to expose that bias. Drift: population stability index of each factor and of the scores against the training window (or the model's first scoring when none was scored in that window); < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 significant shift.",
};

/**
 * Runs all three audits over a period and stores the result as one report, logged in the record
 * in the same transaction (kind `algorithm-audit`, with the sha256 of the stored text). A report
 * can then be published for outside scrutiny (社会监督) as its public copy. Quarterly reports are made by
 * `runDueReports`, which the schedule calls.
 */
@Injectable()
export class AuditReportsService {
  constructor(
    private readonly audits: AuditsService,
    private readonly driftRepository: AuditDriftRepository,
    private readonly reports: AuditReportsRepository,
    private readonly record: AuditLogService,
    private readonly publicReports: PublicAuditReportsService,
  ) {}

  async run(period: AuditPeriod, trigger: ReportTrigger, requestedBy: string): Promise<ReportSummary> {
    const id = randomUUID();
    const [fairness, accuracy, drift, model] = await Promise.all([
      this.audits.fairness(period),
      this.audits.accuracy(period),
      this.audits.drift(period),
      this.audits.modelFor(period),
    ]);
    const createdAt = new Date().toISOString();
    const body: AuditReportBody = {
      format: REPORT_FORMAT,
      id,
      trigger,
      period,
      generatedAt: createdAt,
      headline: reportHeadline(fairness, accuracy, drift),
      model: model && publicModelFacts(model),
      fairness,
      accuracy,
      drift,
      method: METHOD,
    };
    const bodyJson = canonicalJson(body);
    const sha256 = createHash('sha256').update(bodyJson).digest('hex');
    const eventKey = trigger === 'scheduled' ? `${AUDIT_REPORT_KIND}:scheduled:${period.from}:${period.to}` : `${AUDIT_REPORT_KIND}:${id}`;
    const stored = await this.reports.transaction(async (manager) => {
      const data = { reportId: id, trigger, period: { ...period }, requestedBy, sha256, headline: body.headline } as unknown as JsonValue;
      const auditSeq = await this.record.append(AUDIT_REPORT_KIND, id, data, { eventKey, manager });
      // Another process logged this quarter's scheduled report first: keep that one.
      if (auditSeq === null) return false;
      await this.reports.insert(manager, { id, trigger, period, requestedBy, createdAt, bodyJson, sha256, auditSeq });
      return true;
    });
    const summary = stored ? await this.reports.find(id) : await this.reports.scheduledFor(period);
    if (!summary) throw new Error(`audit report for ${period.from}..${period.to} is missing after it was stored`);
    return stripBody(summary);
  }

  /** The quarterly audit: makes the last complete quarter's report unless it exists (or nothing was scored then). */
  async runDueReports(now: Date): Promise<DueReportOutcome> {
    const period = lastCompleteQuarter(now);
    const existing = await this.reports.scheduledFor(period);
    if (existing) return { period, status: 'exists', report: existing };
    const scored = await this.driftRepository.hasScores({ from: period.from, to: period.to, modelVersion: null, of: 'factors' });
    if (!scored) return { period, status: 'no-scores', report: null };
    return { period, status: 'created', report: await this.run({ from: period.from, to: period.to }, 'scheduled', 'quarterly schedule') };
  }

  list(limit: number): Promise<ReportSummary[]> {
    return this.reports.list({ limit: clampLimit(limit), publishedOnly: false });
  }

  async get(id: string): Promise<ReportView> {
    const found = UUID.test(id) ? await this.reports.find(id) : null;
    if (!found) throw new NotFoundException(`no audit report ${id}`);
    const { bodyJson, ...summary } = found;
    return { ...summary, report: JSON.parse(bodyJson) as JsonValue, publicWithheld: await this.publicReports.withheld(found) };
  }

  /**
   * Publishes a stored report: the public is served its public copy (groups of fewer than k
   * enterprises withheld), derived from the report and k alone. The publication's record entry logs
   * the report's sha256, the copy's and k, so a copy can be checked against the record and derived
   * again from the report. 409 when already published.
   */
  async publish(id: string, publishedBy: string): Promise<ReportSummary> {
    if (!UUID.test(id) || !(await this.reports.find(id))) throw new NotFoundException(`no audit report ${id}`);
    const k = publicMinGroup();
    const published = await this.reports.transaction(async (manager) => {
      const report = await this.reports.find(id, manager);
      if (!report) throw new NotFoundException(`no audit report ${id}`);
      const copy = derivePublicCopy(report, k);
      const publishedAt = new Date().toISOString();
      const data = { reportId: id, sha256: report.sha256, publicSha256: copy.sha256, minGroupSize: k, publishedBy, publishedAt };
      const auditSeq = await this.record.append(AUDIT_PUBLICATION_KIND, id, data, { eventKey: `${AUDIT_PUBLICATION_KIND}:${id}`, manager });
      if (auditSeq === null) return false;
      await this.reports.insertPublication(manager, id, publishedBy, publishedAt, auditSeq);
      await this.reports.insertPublicCopy(manager, {
        reportId: id,
        minGroupSize: k,
        bodyJson: copy.bodyJson,
        sha256: copy.sha256,
        auditSeq,
        createdAt: publishedAt,
      });
      return true;
    });
    if (!published) throw new ConflictException(`audit report ${id} is already published`);
    return stripBody((await this.reports.find(id))!);
  }
}

/** The model as a report names it: who signed it off stays in the record, not in a report meant for the public. */
function publicModelFacts(model: ModelVersionFacts) {
  const { approvedBy, activatedBy: _activatedBy, ...facts } = model;
  return { ...facts, approved: approvedBy !== null };
}

function clampLimit(limit: number): number {
  return Math.min(Math.max(limit, 1), 500);
}

function stripBody<T extends ReportSummary>(report: T): ReportSummary {
  const { bodyJson: _body, ...summary } = report as T & { bodyJson?: string };
  return summary;
}
