import { proportion, proportionGap, valueGap, type Gap, type Proportion } from './audit-math.util';
import { AGE_BANDS, bandLabel, DIMENSIONS, groupOrder, SIZE_BANDS, UNKNOWN_GROUP, type Dimension } from './audit-groups.util';

/** Counts for one combination of industry, district, size and age (what the repository aggregates in SQL). */
export interface FairnessCell {
  industry: string | null;
  district: string | null;
  sizeBucket: number | null;
  ageBucket: number | null;
  /** Enterprises scored in the period. */
  population: number;
  /** Of those, coloured as flagged (red by default) by their latest score in the period. */
  flagged: number;
  /** Of those, drawn for inspection by the algorithm (risk, exploration or random draw). */
  selected: number;
  /** Inspections (a department's part of a visit) recorded in the period, whatever the reason. */
  inspected: number;
  violations: number;
  /** Inspections in the chosen sample (by default the random share) with a score in force. */
  sampleInspections: number;
  sampleViolations: number;
  /** Sample inspections flagged by the score in force that found a violation / found none. */
  truePositives: number;
  falsePositives: number;
  /** Sum of the predicted probabilities of the sample inspections. */
  predictedSum: number;
}

export interface FairnessGroup {
  group: string;
  population: number;
  selectionRate: Proportion;
  flaggedRate: Proportion;
  violationFoundRate: Proportion;
  sample: {
    inspections: number;
    /** Share of inspections that found a violation which the score had flagged (sensitivity). */
    truePositiveRate: Proportion;
    /** Share of inspections that found nothing which the score had flagged anyway. */
    falsePositiveRate: Proportion;
    meanPredicted: number | null;
    observed: Proportion;
    /** observed − mean predicted: positive means the model under-predicts for this group. */
    calibrationGap: number | null;
  };
}

export interface FairnessDimension {
  dimension: Dimension;
  label: { zh: string; en: string };
  groups: FairnessGroup[];
  gaps: Gap[];
}

type Totals = Omit<FairnessCell, 'industry' | 'district' | 'sizeBucket' | 'ageBucket'>;

/** A cell's counts when nothing was counted. */
export const NO_COUNTS: Totals = {
  population: 0,
  flagged: 0,
  selected: 0,
  inspected: 0,
  violations: 0,
  sampleInspections: 0,
  sampleViolations: 0,
  truePositives: 0,
  falsePositives: 0,
  predictedSum: 0,
};

function groupOf(cell: FairnessCell, dimension: Dimension): string {
  switch (dimension) {
    case 'industry':
      return cell.industry ?? UNKNOWN_GROUP;
    case 'district':
      return cell.district ?? UNKNOWN_GROUP;
    case 'size':
      return bandLabel(SIZE_BANDS, cell.sizeBucket);
    case 'age':
      return bandLabel(AGE_BANDS, cell.ageBucket);
  }
}

function add(a: Totals, b: Totals): Totals {
  const out = { ...a };
  for (const key of Object.keys(NO_COUNTS) as (keyof Totals)[]) out[key] = a[key] + Number(b[key]);
  return out;
}

function toGroup(group: string, t: Totals): FairnessGroup {
  const negatives = t.sampleInspections - t.sampleViolations;
  const meanPredicted = t.sampleInspections > 0 ? t.predictedSum / t.sampleInspections : null;
  const observed = proportion(t.sampleViolations, t.sampleInspections);
  return {
    group,
    population: t.population,
    selectionRate: proportion(t.selected, t.population),
    flaggedRate: proportion(t.flagged, t.population),
    violationFoundRate: proportion(t.violations, t.inspected),
    sample: {
      inspections: t.sampleInspections,
      truePositiveRate: proportion(t.truePositives, t.sampleViolations),
      falsePositiveRate: proportion(t.falsePositives, negatives),
      meanPredicted,
      observed,
      calibrationGap: meanPredicted === null || observed.rate === null ? null : observed.rate - meanPredicted,
    },
  };
}

/** What a gap reads of a group; a figure withheld from publication is null and left out. */
export interface GapInputs {
  group: string;
  selectionRate: Proportion | null;
  flaggedRate: Proportion | null;
  violationFoundRate: Proportion | null;
  sample: { inspections: number | null; truePositiveRate: Proportion | null; falsePositiveRate: Proportion | null; calibrationGap: number | null };
}

/** Each metric's widest gap between groups with at least `minGroupSize` observations behind it. */
export function gapsOf(groups: readonly GapInputs[], minGroupSize: number): Gap[] {
  const of = (pick: (g: GapInputs) => Proportion | null) =>
    groups.flatMap((g) => {
      const value = pick(g);
      return value ? [{ group: g.group, value }] : [];
    });
  const calibration = groups.flatMap((g) =>
    g.sample.inspections === null ? [] : [{ group: g.group, value: g.sample.calibrationGap, total: g.sample.inspections }],
  );
  return [
    proportionGap(
      'selectionRate',
      of((g) => g.selectionRate),
      minGroupSize,
    ),
    proportionGap(
      'flaggedRate',
      of((g) => g.flaggedRate),
      minGroupSize,
    ),
    proportionGap(
      'violationFoundRate',
      of((g) => g.violationFoundRate),
      minGroupSize,
    ),
    proportionGap(
      'truePositiveRate',
      of((g) => g.sample.truePositiveRate),
      minGroupSize,
    ),
    proportionGap(
      'falsePositiveRate',
      of((g) => g.sample.falsePositiveRate),
      minGroupSize,
    ),
    valueGap('calibrationGap', calibration, minGroupSize),
  ];
}

/** Groups per dimension, with rates, Wilson intervals and the gaps between groups. */
export function fairnessByDimension(cells: FairnessCell[], minGroupSize: number): FairnessDimension[] {
  return DIMENSIONS.map(({ dimension, label }) => {
    const totals = new Map<string, Totals>();
    for (const cell of cells) {
      const group = groupOf(cell, dimension);
      totals.set(group, add(totals.get(group) ?? NO_COUNTS, cell));
    }
    const order = groupOrder(dimension);
    const groups = [...totals.entries()].sort(([a], [b]) => order(a, b)).map(([group, t]) => toGroup(group, t));
    return { dimension, label, groups, gaps: gapsOf(groups, minGroupSize) };
  });
}

/** All groups together: the reference the groups are read against. */
export function fairnessOverall(cells: FairnessCell[]): FairnessGroup {
  return toGroup(
    'all',
    cells.reduce<Totals>((t, c) => add(t, c), NO_COUNTS),
  );
}
