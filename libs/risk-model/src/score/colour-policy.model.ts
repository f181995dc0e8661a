/** Green / yellow / red is policy an oversight officer approves; it never touches the model. */
export type RiskColour = 'green' | 'yellow' | 'red';

export const COLOURS: readonly RiskColour[] = ['green', 'yellow', 'red'];

export interface ColourPolicy {
  version: string;
  /** A probability at or above `red` is red; at or above `yellow` is yellow; else green. */
  thresholds: { yellow: number; red: number };
}

export function validateColourPolicy(policy: ColourPolicy): ColourPolicy {
  const { yellow, red } = policy.thresholds;
  if (!policy.version) throw new Error('a colour policy needs a version');
  if (!(yellow > 0 && yellow < red && red < 1)) throw new Error(`colour policy ${policy.version}: need 0 < yellow < red < 1`);
  return policy;
}

/** 0 green, 1 yellow, 2 red: an index into COLOURS. */
export function colourIndex(probability: number, policy: ColourPolicy): number {
  if (probability >= policy.thresholds.red) return 2;
  return probability >= policy.thresholds.yellow ? 1 : 0;
}
