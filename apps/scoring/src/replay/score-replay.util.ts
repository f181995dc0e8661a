import { canonicalJson } from '@tianping/audit-log';
import type { ScoreRecord } from '@tianping/contracts';
import { scoreBatch, type ColourPolicy, type FactorValue, type FactorValues, type GamModel } from '@tianping/risk-model';
import { inputFingerprint, toScoreRecord } from '../scores/score-record.mapper';

/** A logged score that cannot be replayed at all: its factors are not its pinned model's. */
export class ReplayInputError extends Error {}

/** One field the replay did not reproduce; `factor` names the factor when the field is one of its. */
export interface ReplayDifference {
  field: string;
  factor?: string;
  logged: unknown;
  recomputed: unknown;
}

export interface ReplayResult {
  /** Every recomputed field equals the logged one, numbers to the bit. */
  identical: boolean;
  /** The logged factor values hash to the logged inputFingerprint (the input snapshot is the one scored). */
  inputFingerprintMatches: boolean;
  differences: ReplayDifference[];
  recomputed: ScoreRecord;
}

/**
 * Equal to the bit as JSON can carry a number: === on doubles, which only conflates 0 and -0 (JSON
 * writes both as 0) and never holds for NaN (the contract refuses it). No tolerance.
 */
function sameNumber(a: unknown, b: unknown): boolean {
  return a === b;
}

/**
 * Recomputes a logged score from its pinned model and colour policy and the factor values it logged,
 * through the same scoring and rendering code that produced it, and names every field that differs.
 * scoreId, creditCode, asOf, computedAt and correctionBatches identify the score; they are carried over, not recomputed.
 */
export function replayScore(logged: ScoreRecord, model: GamModel, policy: ColourPolicy): ReplayResult {
  if (logged.modelVersion !== model.version) throw new ReplayInputError(`the score was computed with model ${logged.modelVersion}, not ${model.version}`);
  if (logged.colourPolicyVersion !== policy.version)
    throw new ReplayInputError(`the score was coloured by policy ${logged.colourPolicyVersion}, not ${policy.version}`);
  const names = model.spec.factors.map((f) => f.name);
  const loggedNames = logged.contributions.map((c) => c.factor);
  if (loggedNames.join() !== names.join()) {
    throw new ReplayInputError(`the logged factors (${loggedNames.join(', ')}) are not model ${model.version}'s (${names.join(', ')})`);
  }
  const values: FactorValue[] = logged.contributions.map((c) => c.value);
  const row: FactorValues = {};
  names.forEach((name, i) => (row[name] = values[i]));
  const batch = scoreBatch(model, [row], policy);
  const recomputed: ScoreRecord = {
    ...toScoreRecord(
      model,
      {
        id: '',
        credit_code: logged.creditCode,
        as_of: logged.asOf,
        probability: batch.probability[0],
        logit: batch.logit[0],
        colour: batch.colour[0],
        contributions: Array.from(batch.contributions),
        factor_values: values,
        computed_at: new Date(logged.computedAt),
        model_version: model.version,
        policy_version: policy.version,
        run_id: '',
      },
      batch.explain(0),
    ),
    scoreId: logged.scoreId,
    computedAt: logged.computedAt,
    ...(logged.correctionBatches ? { correctionBatches: logged.correctionBatches } : {}),
  };
  const differences = compare(logged, recomputed);
  return { identical: differences.length === 0, inputFingerprintMatches: inputFingerprint(values) === logged.inputFingerprint, differences, recomputed };
}

function compare(logged: ScoreRecord, recomputed: ScoreRecord): ReplayDifference[] {
  const out: ReplayDifference[] = [];
  if (logged.inputFingerprint !== recomputed.inputFingerprint)
    out.push({ field: 'inputFingerprint', logged: logged.inputFingerprint, recomputed: recomputed.inputFingerprint });
  logged.contributions.forEach((c, i) => {
    const r = recomputed.contributions[i];
    if (!sameNumber(c.contribution, r.contribution))
      out.push({ field: `contributions[${c.factor}].contribution`, factor: c.factor, logged: c.contribution, recomputed: r.contribution });
  });
  for (const field of ['base', 'logit', 'probability', 'colour'] as const) {
    if (!sameNumber(logged[field], recomputed[field])) out.push({ field, logged: logged[field], recomputed: recomputed[field] });
  }
  for (const field of ['reasons', 'suggestions'] as const) {
    if (canonicalJson(logged[field]) !== canonicalJson(recomputed[field])) out.push({ field, logged: logged[field], recomputed: recomputed[field] });
  }
  return out;
}
