import { generateScenario } from '@tianping/planner';
import { canonicalInputs, canonicalJson, runPlanning, sha256, type PlanningInputs } from './planning.util';

const window = { start: '2025-03-01', end: '2025-03-31' };

function cityInputs(): PlanningInputs {
  const s = generateScenario({ seed: 'unit', enterprises: 600, officers: 24, window });
  return {
    window,
    plans: s.plans,
    enterprises: s.enterprises,
    triggeredTasks: s.triggeredTasks,
    priorInspections: s.priorInspections,
    officers: s.officers,
    calendar: s.calendar,
    suspended: false,
    explorationShare: 0.1,
    maxTeamSize: 4,
  };
}

describe('planning inputs and fingerprints', () => {
  it('serialises objects with sorted keys and leaves undefined fields out', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });

  it('gives the same text and fingerprint whatever order the database returned rows in', () => {
    const inputs = cityInputs();
    const shuffled: PlanningInputs = {
      ...inputs,
      enterprises: [...inputs.enterprises].reverse(),
      officers: [...inputs.officers].reverse().map((o) => ({ ...o, domains: [...o.domains].reverse() })),
      priorInspections: [...inputs.priorInspections].reverse(),
      plans: [...inputs.plans].reverse(),
    };
    expect(sha256(canonicalInputs(shuffled).text)).toBe(sha256(canonicalInputs(inputs).text));
  });

  it('re-draws the same plan from the stored text and seed, and another plan from another seed', () => {
    const { inputs, text } = canonicalInputs(cityInputs());
    const first = runPlanning(inputs, 'seed-a');
    expect(first.violations).toEqual([]);
    expect(runPlanning(JSON.parse(text), 'seed-a').resultFingerprint).toBe(first.resultFingerprint);
    expect(runPlanning(inputs, 'seed-b').resultFingerprint).not.toBe(first.resultFingerprint);
  });
});
