/** The public copy of an audit report (社会监督): a pure function of the stored report and the threshold k. */
import type { AuditPeriod } from './audit-period.util';
import type { ReportTrigger } from './audit-reports.repository';
import type { AccuracyAudit, DriftAudit, FairnessAudit } from './audits.service';
import type { Withheld } from './disclosure.util';
import type { FactorDrift } from './drift.util';
import { publicFairness, type Family, type PublicFairnessAudit } from './public-fairness.util';
import { reportHeadline } from './report-headline.util';

export const PUBLIC_REPORT_FORMAT = 'tianping.algorithm-audit.public.v1';

/** A stored report, as `AuditReportsService.run` writes it. */
export interface AuditReportBody {
  format: string;
  id: string;
  trigger: ReportTrigger;
  period: AuditPeriod;
  generatedAt: string;
  headline: ReturnType<typeof reportHeadline>;
  model: unknown;
  fairness: FairnessAudit;
  accuracy: AccuracyAudit;
  drift: DriftAudit;
  method: { zh: string; en: string };
}

/** The drift factor whose levels are the fairness audit's industry groups: its bins count each industry's enterprises. */
const GROUP_FACTORS = ['industry'];

export type PublicFactorDrift = FactorDrift & { binsWithheld?: Withheld };

export interface PublicAuditReport extends Omit<AuditReportBody, 'format' | 'fairness' | 'drift'> {
  format: typeof PUBLIC_REPORT_FORMAT;
  fairness: PublicFairnessAudit;
  drift: Omit<DriftAudit, 'factors'> & { factors: PublicFactorDrift[] };
  disclosure: { minGroupSize: number; reportSha256: string; rule: { zh: string; en: string } };
}

function rule(k: number) {
  return {
    zh: `公开版不公布少于 ${k} 家企业（或 ${k} 次检查）的数字，标为“少于 ${k}”；为免从合计中相减推算出这些数字，另有少数较大的组一并隐去，标为“已隐去”。监督人员看到的报告是完整的，其哈希与公开版的哈希都记在防篡改记录中。准确性和漂移是全体企业的汇总，不按可识别的组划分，照常公布；但漂移中“行业”因子的分布即各行业门类的企业数，有门类少于 ${k} 家时不公布其分箱。`,
    en: `The public copy shows no figure counting fewer than ${k} enterprises (or ${k} inspections), marked "fewer than ${k}"; a few larger groups are withheld with them ("withheld") so that those figures cannot be worked out by subtracting from a total. Oversight officers see the full report; the record holds the hashes of both. Accuracy and drift are totals over all enterprises, not split by any group a reader can name, and are published as they are, except the bins of the industry factor's drift: they count each industry section's enterprises, and are withheld when a section has fewer than ${k}.`,
  };
}

/** Bins are shares of each snapshot; the count behind a share is share × snapshot size. */
function binCounts(f: FactorDrift): number[] {
  return f.bins.flatMap((b) => [Math.round(b.baselineShare * f.baselineCount), Math.round(b.currentShare * f.currentCount)]);
}

/** A factor whose bins name fairness groups keeps its PSI but not its bins, when any of them counts 1 to k−1. */
function publicFactor(f: FactorDrift, k: number): PublicFactorDrift {
  if (!GROUP_FACTORS.includes(f.factor)) return f;
  if (!binCounts(f).some((n) => n > 0 && n < k)) return f;
  return { ...f, bins: [], binsWithheld: 'under-k' };
}

/** The public copy: small groups withheld (see disclosure.util), the headline read from what is published, the rule in words. */
export function publicReport(report: AuditReportBody, reportSha256: string, k: number): PublicAuditReport {
  const fairness = publicFairness(report.fairness, k);
  const drift = { ...report.drift, factors: report.drift.factors.map((f) => publicFactor(f, k)) };
  return {
    format: PUBLIC_REPORT_FORMAT,
    id: report.id,
    trigger: report.trigger,
    period: report.period,
    generatedAt: report.generatedAt,
    model: report.model,
    method: report.method,
    headline: reportHeadline(fairness, report.accuracy, drift),
    fairness,
    accuracy: report.accuracy,
    drift,
    disclosure: { minGroupSize: k, reportSha256, rule: rule(k) },
  };
}

/** What the public copy withholds, for the officers' view of the full report. */
export interface WithheldCells {
  minGroupSize: number;
  overall: Partial<Record<Family, Withheld>>;
  /** dimension → group → family → why. */
  groups: Record<string, Record<string, Partial<Record<Family, Withheld>>>>;
  driftFactors: string[];
}

export function withheldCells(copy: PublicAuditReport): WithheldCells {
  const groups: WithheldCells['groups'] = {};
  for (const d of copy.fairness.dimensions) {
    const marked = d.groups.filter((g) => g.withheld);
    if (marked.length > 0) groups[d.dimension] = Object.fromEntries(marked.map((g) => [g.group, g.withheld!]));
  }
  return {
    minGroupSize: copy.disclosure.minGroupSize,
    overall: copy.fairness.overall.withheld ?? {},
    groups,
    driftFactors: copy.drift.factors.filter((f) => f.binsWithheld).map((f) => f.factor),
  };
}
