import { MISSING_BIN, binCount } from '../encoding/bin-encoder.util';
import { GamModel } from '../model/gam.model';
import { FactorDefinition, FactorValue, FactorValues, LocalText } from '../spec/factor-spec.model';
import { ColourPolicy, RiskColour } from './colour-policy.model';

/** Contributions below this (log-odds) are too small to name as a reason. */
export const REASON_THRESHOLD = 0.02;
const TOP_REASONS = 3;

export interface FactorContribution {
  factor: string;
  label: LocalText;
  value: FactorValue;
  bin: number;
  contribution: number;
}

export interface ScoreReason {
  factor: string;
  contribution: number;
  zh: string;
  en: string;
}

export interface ScoreSuggestion {
  factor: string;
  zh: string;
  en: string;
  contributionNow: number;
  /** The best contribution reachable by moving the factor in its lower-risk direction. */
  contributionAfter: number;
  probabilityAfter: number;
}

export interface ScoreExplanation {
  modelVersion: string;
  policyVersion: string;
  base: number;
  logit: number;
  probability: number;
  colour: RiskColour;
  factors: FactorContribution[];
  reasons: ScoreReason[];
  suggestions: ScoreSuggestion[];
}

export interface ExplainInput {
  bins: Int32Array;
  values: FactorValues | null;
  logit: number;
  probability: number;
  colour: RiskColour;
}

export function explainRow(model: GamModel, policy: ColourPolicy, row: ExplainInput): ScoreExplanation {
  const factors = model.spec.factors.map((f, i): FactorContribution => ({
    factor: f.name,
    label: f.label,
    value: row.values ? (row.values[f.name] ?? null) : null,
    bin: row.bins[i],
    contribution: model.terms[i][row.bins[i]],
  }));
  const reasons = factors
    .map((c, i) => ({ c, def: model.spec.factors[i] }))
    .filter(({ c }) => c.contribution >= REASON_THRESHOLD)
    .sort((a, b) => b.c.contribution - a.c.contribution)
    .slice(0, TOP_REASONS)
    .map(({ c, def }) => reason(def, c));
  const suggestions: ScoreSuggestion[] = [];
  model.spec.factors.forEach((def, i) => {
    const s = suggestion(model, def, i, row.bins[i], row.logit);
    if (s) suggestions.push(s);
  });
  suggestions.sort((a, b) => b.contributionNow - b.contributionAfter - (a.contributionNow - a.contributionAfter));
  return {
    modelVersion: model.version,
    policyVersion: policy.version,
    base: model.base,
    logit: row.logit,
    probability: row.probability,
    colour: row.colour,
    factors,
    reasons,
    suggestions,
  };
}

function formatValue(value: FactorValue, language: 'zh' | 'en'): string {
  if (value === null || value === undefined) return language === 'zh' ? '未知' : 'unknown';
  if (typeof value === 'boolean') return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return value;
}

function fill(text: FactorDefinition['reason'], value: FactorValue, language: 'zh' | 'en'): string {
  const shown = formatValue(value, language);
  const template = language === 'en' && shown === '1' && text.enOne ? text.enOne : text[language];
  return template.replace(/\{value\}/g, shown);
}

function reason(def: FactorDefinition, c: FactorContribution): ScoreReason {
  const odds = Math.exp(c.contribution);
  return {
    factor: def.name,
    contribution: c.contribution,
    zh: `${fill(def.reason, c.value, 'zh')}（风险比平均水平高约 ${Math.round((odds - 1) * 100)}%）`,
    en: `${fill(def.reason, c.value, 'en')} (odds about ${Math.round((odds - 1) * 100)}% above average)`,
  };
}

/**
 * Only actionable factors with a positive contribution; the target is the lowest contribution among
 * bins reachable in the factor's lower-risk direction (never the "missing" state). A flag's direction
 * counts too: "leave the abnormal list" is never said to an enterprise that is not on it.
 */
function suggestion(model: GamModel, def: FactorDefinition, f: number, bin: number, logit: number): ScoreSuggestion | null {
  if (!def.actionable || !def.change) return null;
  const term = model.terms[f];
  const now = term[bin];
  if (now <= 0) return null;
  const direction = def.lowerRiskDirection ?? 'any';
  const bins = binCount(model.encoders[f]);
  // Numeric bins run low to high, and a flag's false (1) before true (2): both have a direction.
  const ordered = model.encoders[f].kind !== 'categorical' && bin !== MISSING_BIN;
  let best = now;
  for (let b = 1; b < bins; b++) {
    if (ordered && direction === 'decrease' && b > bin) continue;
    if (ordered && direction === 'increase' && b < bin) continue;
    best = Math.min(best, term[b]);
  }
  if (now - best < 1e-6) return null;
  const z = logit - now + best;
  return {
    factor: def.name,
    zh: def.change.zh,
    en: def.change.en,
    contributionNow: now,
    contributionAfter: best,
    probabilityAfter: 1 / (1 + Math.exp(-z)),
  };
}
