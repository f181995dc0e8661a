import type { Gap, Proportion } from './audit-math.util';
import type { FairnessAudit } from './audits.service';
import { withheldRows, withheldTotal, type Withheld } from './disclosure.util';
import { gapsOf, type FairnessGroup } from './fairness.util';

/**
 * The figures of a group that share one count, and so are published or withheld together:
 * `population` the enterprises scored (population, selection and red-flag rates), `inspections`
 * the inspections (violation-found rate), `sample` the random-share inspections (their number,
 * observed rate, mean prediction, calibration gap), and the violations and clean results among
 * those behind the true- and false-positive rates.
 */
export const FAMILIES = ['population', 'inspections', 'sample', 'truePositiveRate', 'falsePositiveRate'] as const;
export type Family = (typeof FAMILIES)[number];

const SIZE: Record<Family, (g: FairnessGroup) => number> = {
  population: (g) => g.population,
  inspections: (g) => g.violationFoundRate.total,
  sample: (g) => g.sample.inspections,
  truePositiveRate: (g) => g.sample.truePositiveRate.total,
  falsePositiveRate: (g) => g.sample.falsePositiveRate.total,
};

/** A group as published: a withheld family's figures are null, and `withheld` says why. */
export interface PublicFairnessGroup {
  group: string;
  population: number | null;
  selectionRate: Proportion | null;
  flaggedRate: Proportion | null;
  violationFoundRate: Proportion | null;
  sample: {
    inspections: number | null;
    truePositiveRate: Proportion | null;
    falsePositiveRate: Proportion | null;
    meanPredicted: number | null;
    observed: Proportion | null;
    calibrationGap: number | null;
  };
  withheld?: Partial<Record<Family, Withheld>>;
}

export interface PublicFairnessAudit extends Omit<FairnessAudit, 'overall' | 'dimensions'> {
  overall: PublicFairnessGroup;
  dimensions: { dimension: string; label: { zh: string; en: string }; groups: PublicFairnessGroup[]; gaps: Gap[] }[];
}

/**
 * Each family is its own table per dimension (its rows add up to the overall figure), withheld by
 * withheldRows. A group of fewer than k enterprises has nothing published. The random-share rates
 * split the sample's inspections (violations + clean results), so a group whose sample is withheld
 * has them withheld too: both published would add up to the sample again.
 */
export function withheldByFamily(groups: readonly FairnessGroup[], k: number): Map<string, Partial<Record<Family, Withheld>>> {
  const table = (family: Family) => groups.map((g) => ({ key: g.group, size: SIZE[family](g) }));
  const population = withheldRows(table('population'), k);
  const few = new Map([...population].filter(([, why]) => why === 'under-k'));
  const sample = withheldRows(table('sample'), k, few);
  const byFamily: Record<Family, Map<string, Withheld>> = {
    population,
    inspections: withheldRows(table('inspections'), k, few),
    sample,
    truePositiveRate: withheldRows(table('truePositiveRate'), k, sample),
    falsePositiveRate: withheldRows(table('falsePositiveRate'), k, sample),
  };
  const out = new Map<string, Partial<Record<Family, Withheld>>>();
  for (const family of FAMILIES) {
    for (const [group, why] of byFamily[family]) out.set(group, { ...out.get(group), [family]: why });
  }
  return out;
}

/** The overall row: withheld only where it counts 1 to k−1 itself (all enterprises fewer than k withhold it all). */
function withheldOverall(overall: FairnessGroup, k: number): Partial<Record<Family, Withheld>> {
  if (withheldTotal(overall.population, k)) return Object.fromEntries(FAMILIES.map((f) => [f, 'under-k']));
  const out: Partial<Record<Family, Withheld>> = {};
  for (const family of FAMILIES) {
    const why = withheldTotal(SIZE[family](overall), k);
    if (why) out[family] = why;
  }
  return out;
}

function publicGroup(g: FairnessGroup, withheld: Partial<Record<Family, Withheld>> = {}): PublicFairnessGroup {
  const shown = <T>(family: Family, value: T): T | null => (withheld[family] ? null : value);
  const sampleShown = !withheld.sample;
  return {
    group: g.group,
    population: shown('population', g.population),
    selectionRate: shown('population', g.selectionRate),
    flaggedRate: shown('population', g.flaggedRate),
    violationFoundRate: shown('inspections', g.violationFoundRate),
    sample: {
      inspections: sampleShown ? g.sample.inspections : null,
      truePositiveRate: shown('truePositiveRate', g.sample.truePositiveRate),
      falsePositiveRate: shown('falsePositiveRate', g.sample.falsePositiveRate),
      meanPredicted: sampleShown ? g.sample.meanPredicted : null,
      observed: sampleShown ? g.sample.observed : null,
      calibrationGap: sampleShown ? g.sample.calibrationGap : null,
    },
    ...(Object.keys(withheld).length > 0 ? { withheld } : {}),
  };
}

/** The fairness audit as published with threshold k: no figure counts 1 to k−1, and none can be worked back. */
export function publicFairness(fairness: FairnessAudit, k: number): PublicFairnessAudit {
  const overall = withheldOverall(fairness.overall, k);
  const awaiting = fairness.redAwaitingConfirmation ?? null;
  return {
    ...fairness,
    overall: publicGroup(fairness.overall, overall),
    // A count of enterprises like any other: none of 1 to k−1, none where the population is withheld.
    redAwaitingConfirmation: awaiting === null || overall.population || withheldTotal(awaiting, k) ? null : awaiting,
    dimensions: fairness.dimensions.map((d) => {
      const withheld = withheldByFamily(d.groups, k);
      const groups = d.groups.map((g) => publicGroup(g, withheld.get(g.group)));
      // Gaps again, between published groups only: a gap names its groups' rates and intervals.
      return { dimension: d.dimension, label: d.label, groups, gaps: gapsOf(groups, fairness.minGroupSize) };
    }),
  };
}
