import type { ModelVersionFacts } from '../audits/audits.repository';
import { REGISTER_TEXTS as T, type Text } from './register-texts';

/** Everything live the register entry is generated from; none of it is typed in by hand. */
export interface RegisterFacts {
  generatedAt: string;
  deployment: { organization: string | null; contactEmail: string | null; area: string | null; adoptingDecision: string | null };
  model:
    | (Pick<ModelVersionFacts, 'version' | 'state' | 'specName' | 'trainingWindow' | 'dataFingerprint' | 'metrics' | 'activatedAt'> & { approved: boolean })
    | null;
  factors: string[];
  scoring: { enterprises: number; latestAsOf: string | null; lastComputedAt: string | null };
  colourPolicy: { version: string; thresholds: { yellow: number; red: number }; since: string } | null;
  killSwitch: { suspended: boolean; since: string | null };
  draws: { lastYear: number; latestExplorationShare: number | null; latestDrawAt: string | null; randomShareInspections: number };
  /** The record's appeal entries by step (filed, decided, withdrawn…); empty while no appeal is recorded. */
  appeals: Record<string, number>;
  audits: {
    latest: AuditReference | null;
    latestPublished: AuditReference | null;
  };
}

export interface AuditReference {
  id: string;
  period: { from: string; to: string };
  createdAt: string;
  sha256: string;
  auditSeq: number;
  headline: unknown;
}

/** A text of the standard with the live facts it rests on. */
function field<F>(text: Text, facts: F): Text & { facts: F } {
  return { zh: text.zh, en: text.en, facts };
}

function configured(value: string | null): Text | { value: string } {
  return value ? { value } : T.notConfigured;
}

/** Operational while a model is active and not suspended. */
function status(facts: RegisterFacts): { value: string } & Text {
  if (!facts.model || facts.model.state !== 'active')
    return { value: 'planned', zh: '未启用（无启用中的模型版本）', en: 'not in use (no active model version)' };
  if (facts.killSwitch.suspended)
    return { value: 'operational', zh: '已熔断：模型暂停，抽查为纯随机', en: 'suspended by the kill switch: draws are purely random' };
  return { value: 'operational', zh: '运行中', en: 'in operation' };
}

/** The newest instant among the live facts: when the entry last changed in substance. */
function lastChange(facts: RegisterFacts): string | null {
  const instants = [facts.model?.activatedAt, facts.colourPolicy?.since, facts.killSwitch.since, facts.audits.latest?.createdAt].filter(
    (x): x is string => !!x,
  );
  return instants.length ? instants.sort().at(-1)!.slice(0, 10) : null;
}

/**
 * The public register entry (算法备案公示) in the attribute names of the Dutch algorithm register
 * standard (Algoritmeregister, "Algorithmic Transparency Standard" v0.3.1), each text in Chinese and
 * English, with the live facts beside the text they support.
 */
export function buildRegisterEntry(facts: RegisterFacts) {
  const { model } = facts;
  return {
    standard_version: '0.3.1',
    standard: 'Algoritmeregister metadata standard (NL), attribute names as in the standard',
    lang: ['zh', 'en'],
    generated_at: facts.generatedAt,
    last_change_date: lastChange(facts),
    name: T.name,
    organization: configured(facts.deployment.organization),
    contact_email: configured(facts.deployment.contactEmail),
    description_short: T.descriptionShort,
    status: status(facts),
    decision_making_process: T.decisionMakingProcess,
    domain: { value: 'economy and entrepreneurship', zh: '经济与企业', en: 'economy and entrepreneurship' },
    area: configured(facts.deployment.area),
    goal: T.goal,
    impact: T.impact,
    risks: field(T.risks, { latestAudit: facts.audits.latest }),
    risk_category: { value: 'high risk', zh: '按高风险对待（引导国家检查力量的分配）', en: 'treated as high risk (it directs state inspections)' },
    proportionality: T.proportionality,
    lawful_basis: field(T.lawfulBasis, { adoptingDecision: facts.deployment.adoptingDecision }),
    training_data: field(
      T.trainingData,
      model
        ? {
            trainingWindow: model.trainingWindow,
            dataFingerprint: model.dataFingerprint,
            trainRows: model.metrics.trainRows ?? null,
            trainPositives: model.metrics.trainPositives ?? null,
          }
        : null,
    ),
    source_data: field(T.sourceData, { factors: facts.factors, scoring: facts.scoring }),
    data_bias: field(T.dataBias, { latestExplorationShare: facts.draws.latestExplorationShare, randomShareInspections: facts.draws.randomShareInspections }),
    connected_data_sources: T.connectedDataSources,
    description: T.description,
    algorithm_type: { value: 'self-learning', zh: '自学习（由历史数据拟合）', en: 'self-learning (fitted to past data)' },
    methods_and_models: field(
      {
        zh: `广义加性模型（${model?.specName ?? '—'}），${facts.factors.length} 个因子`,
        en: `Generalised additive model (${model?.specName ?? '—'}), ${facts.factors.length} factors`,
      },
      model ? { modelVersion: model.version, specName: model.specName, state: model.state, approved: model.approved, activatedAt: model.activatedAt } : null,
    ),
    performance: field(T.performance, {
      validation: model?.metrics ?? null,
      latestAudit: facts.audits.latest?.headline ?? null,
    }),
    type: { value: 'predictive', zh: '预测型', en: 'predictive' },
    monitoring: field(T.monitoring, { schedule: 'quarterly', latestReport: facts.audits.latest, latestPublishedReport: facts.audits.latestPublished }),
    human_intervention: field(T.humanIntervention, { killSwitch: facts.killSwitch, colourPolicy: facts.colourPolicy, modelApproved: model?.approved ?? false }),
    objection_procedure: field(T.objectionProcedure, { appealsRecorded: facts.appeals }),
    rollback: field(T.rollback, { killSwitch: facts.killSwitch, draws: { lastYear: facts.draws.lastYear, latestDrawAt: facts.draws.latestDrawAt } }),
  };
}

export type RegisterEntry = ReturnType<typeof buildRegisterEntry>;
