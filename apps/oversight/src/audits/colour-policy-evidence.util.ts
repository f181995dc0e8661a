import { COLOURS, colourIndex, type ColourPolicy, type RiskColour } from '@tianping/risk-model';
import { RANDOM_REASONS, type InspectionOutcome } from './accuracy.util';
import { proportion, type Proportion } from './audit-math.util';
import type { AuditPeriod } from './audit-period.util';

/** Each colour's inspections under one policy, and the share of them that found a violation. */
export type FoundByColour = Record<RiskColour, Proportion>;

export interface EvidenceSample {
  /** Inspections of the sample with a score in force on their day (the only ones a policy colours). */
  scored: number;
  /** Inspections of the sample with no score in force on their day. */
  unscored: number;
  proposed: FoundByColour;
  active: FoundByColour | null;
}

/**
 * What past inspections found in each colour had a policy's thresholds applied to the scores in force
 * on their days, beside the active policy: whether red would mean more violations than yellow, and
 * yellow than green. The random draws are the fair reading; the model's own picks lean to its errors.
 */
export interface ColourPolicyEvidence {
  period: AuditPeriod;
  version: string;
  thresholds: ColourPolicy['thresholds'];
  active: { version: string; thresholds: ColourPolicy['thresholds'] } | null;
  samples: { random: EvidenceSample; all: EvidenceSample };
}

/** Colours each scored inspection by the policy and counts those that found a violation. */
export function foundByColour(scored: InspectionOutcome[], policy: ColourPolicy): FoundByColour {
  const inspected = [0, 0, 0];
  const found = [0, 0, 0];
  for (const o of scored) {
    const i = colourIndex(o.probability as number, policy);
    inspected[i]++;
    if (o.violationFound) found[i]++;
  }
  return Object.fromEntries(COLOURS.map((colour, i) => [colour, proportion(found[i], inspected[i])])) as FoundByColour;
}

function sample(outcomes: InspectionOutcome[], proposed: ColourPolicy, active: ColourPolicy | null): EvidenceSample {
  const scored = outcomes.filter((o) => o.probability !== null);
  return {
    scored: scored.length,
    unscored: outcomes.length - scored.length,
    proposed: foundByColour(scored, proposed),
    active: active ? foundByColour(scored, active) : null,
  };
}

export function colourPolicyEvidence(
  period: AuditPeriod,
  outcomes: InspectionOutcome[],
  proposed: ColourPolicy,
  active: ColourPolicy | null,
): ColourPolicyEvidence {
  const random = outcomes.filter((o) => o.reason !== null && (RANDOM_REASONS as readonly string[]).includes(o.reason));
  return {
    period,
    version: proposed.version,
    thresholds: proposed.thresholds,
    active: active ? { version: active.version, thresholds: active.thresholds } : null,
    samples: { random: sample(random, proposed, active), all: sample(outcomes, proposed, active) },
  };
}
