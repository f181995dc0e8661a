import type { InspectionOutcome } from './accuracy.util';
import { colourPolicyEvidence, foundByColour } from './colour-policy-evidence.util';

const outcome = (probability: number | null, violationFound: boolean, reason: string | null = 'risk'): InspectionOutcome => ({
  reason,
  probability,
  colour: null,
  violationFound,
});
const counts = (byColour: ReturnType<typeof foundByColour>) => ({
  red: [byColour.red.count, byColour.red.total],
  yellow: [byColour.yellow.count, byColour.yellow.total],
  green: [byColour.green.count, byColour.green.total],
});

describe('colour policy evidence', () => {
  const policy = { version: 'cp-9', thresholds: { yellow: 0.2, red: 0.4 } };

  it('colours a probability at a threshold as the higher colour, as scoring does', () => {
    const found = foundByColour([outcome(0.4, true), outcome(0.39999, false), outcome(0.2, true), outcome(0.19999, false)], policy);
    expect(counts(found)).toEqual({ red: [1, 1], yellow: [1, 2], green: [0, 1] });
    expect(found.yellow.rate).toBe(0.5);
    expect(found.green.interval).toEqual(expect.objectContaining({ low: 0 }));
  });

  it('reads the random draws apart and leaves inspections without a score out of every share', () => {
    const outcomes = [
      outcome(0.5, true, 'exploration'),
      outcome(0.1, false, 'random'),
      outcome(0.5, true, 'risk'),
      outcome(0.5, false, 'complaint'),
      outcome(null, true, 'exploration'),
      outcome(0.3, false, null),
    ];
    const active = { version: 'cp-1', thresholds: { yellow: 0.05, red: 0.45 } };
    const evidence = colourPolicyEvidence({ from: '2026-01-01', to: '2026-12-31' }, outcomes, policy, active);
    expect(evidence.samples.random).toMatchObject({ scored: 2, unscored: 1 });
    expect(counts(evidence.samples.random.proposed)).toEqual({ red: [1, 1], yellow: [0, 0], green: [0, 1] });
    expect(counts(evidence.samples.random.active!)).toEqual({ red: [1, 1], yellow: [0, 1], green: [0, 0] });
    expect(evidence.samples.all).toMatchObject({ scored: 5, unscored: 1 });
    expect(counts(evidence.samples.all.proposed)).toEqual({ red: [2, 3], yellow: [0, 1], green: [0, 1] });
    expect(evidence.active).toEqual({ version: 'cp-1', thresholds: active.thresholds });
  });

  it('has nothing to set beside the proposal when no policy is active', () => {
    const evidence = colourPolicyEvidence({ from: '2026-01-01', to: '2026-12-31' }, [outcome(0.5, true, 'random')], policy, null);
    expect(evidence.active).toBeNull();
    expect(evidence.samples.random.active).toBeNull();
  });
});
