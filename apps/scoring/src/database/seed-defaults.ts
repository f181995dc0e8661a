import type { ColourPolicyEvent } from '@tianping/contracts';

/**
 * The first colour policy: fixed probability thresholds. Red at 40 % means an inspection of the
 * enterprise is expected to find a violation more often than not twice in five visits, about twice
 * the rate of an average inspection in the generated city; yellow at 20 % is near that average.
 * Oversight replaces it with a policy it approves; changing it never retrains the model.
 */
export const DEFAULT_COLOUR_POLICY = { version: 'cp-default-1', thresholds: { yellow: 0.2, red: 0.4 } } as const;

export function defaultColourPolicyEvent(at: string): ColourPolicyEvent {
  return { version: DEFAULT_COLOUR_POLICY.version, thresholds: { ...DEFAULT_COLOUR_POLICY.thresholds }, state: 'active', actor: 'migration', at };
}
