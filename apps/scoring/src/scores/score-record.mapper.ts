import { createHash } from 'node:crypto';
import type { Colour, ScoreReason, ScoreRecord } from '@tianping/contracts';
import { COLOURS, scoreBatch, type ColourPolicy, type FactorValues, type GamModel, type ScoreExplanation } from '@tianping/risk-model';
import type { StoredScore } from './scores.repository';

/** sha256 of the factor values used, in the model's factor order: the input a replay must reproduce. */
/** A score's id as the other apps know it (oversight's decisions name it): its history row's. */
export function scoreIdOf(historyId: string): string {
  return `scoring-${historyId}`;
}

export function inputFingerprint(values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

function valuesOf(model: GamModel, stored: StoredScore): FactorValues {
  const values: FactorValues = {};
  model.spec.factors.forEach((f, i) => (values[f.name] = stored.factor_values[i] ?? null));
  return values;
}

/** The model's explanation of stored scores (same model, same values: the same numbers as stored). */
export function explainStored(model: GamModel, policy: ColourPolicy, stored: StoredScore[]): ScoreExplanation[] {
  const batch = scoreBatch(
    model,
    stored.map((s) => valuesOf(model, s)),
    policy,
  );
  return stored.map((_, i) => batch.explain(i));
}

/** A stored score as published and served: contributions as stored, reasons and suggestions rendered in zh and en. */
export function toScoreRecord(model: GamModel, stored: StoredScore, explanation: ScoreExplanation): ScoreRecord {
  const percent = (p: number) => Math.round(p * 1000) / 10;
  return {
    scoreId: scoreIdOf(stored.id),
    creditCode: stored.credit_code,
    asOf: stored.as_of,
    modelVersion: stored.model_version,
    colourPolicyVersion: stored.policy_version,
    probability: stored.probability,
    logit: stored.logit,
    base: model.base,
    contributions: model.spec.factors.map((f, i) => ({ factor: f.name, value: stored.factor_values[i] ?? null, contribution: stored.contributions[i] })),
    colour: COLOURS[stored.colour] as Colour,
    reasons: explanation.reasons.map((r) => ({ factor: r.factor, zh: r.zh, en: r.en })),
    suggestions: explanation.suggestions.map((s) => ({
      factor: s.factor,
      zh: `${s.zh}（风险可降至约 ${percent(s.probabilityAfter)}%）`,
      en: `${s.en} (risk could fall to about ${percent(s.probabilityAfter)} %)`,
    })),
    inputFingerprint: inputFingerprint(stored.factor_values),
    computedAt: new Date(stored.computed_at).toISOString(),
    ...(stored.correction_batches?.length ? { correctionBatches: stored.correction_batches } : {}),
  };
}

/** A suggestion as the enterprise's page reads it: the step alone, and the probability once it is taken. */
export interface SuggestionFigure extends ScoreReason {
  /** What to do, without the figure the record's sentence ends with. */
  change: { zh: string; en: string };
  /** The probability of a finding once this step alone is taken, on the score's own (calibrated) scale. */
  probabilityAfter: number;
}

/**
 * The record's suggestions with what the page needs to word them beside the score: the record's
 * sentences stay as published and logged (a replay compares them), the page rounds both figures alike.
 */
export function suggestionFigures(record: ScoreRecord, explanation: ScoreExplanation): SuggestionFigure[] {
  return record.suggestions.map((s, i) => {
    const source = explanation.suggestions[i];
    return { ...s, change: { zh: source.zh, en: source.en }, probabilityAfter: source.probabilityAfter };
  });
}
