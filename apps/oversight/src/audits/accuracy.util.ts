import {
  aucReading,
  aucWithInterval,
  brierScore,
  calibrationBins,
  expectedCalibrationError,
  logLoss,
  newcombeDifference,
  proportion,
  type AucEstimate,
  type AucReading,
  type CalibrationBin,
  type Interval,
  type Proportion,
} from './audit-math.util';

/** Why dispatch drew a task (libs/planner TaskReason), as carried by `dispatch.draw.completed.v1`. */
export const RANDOM_REASONS = ['exploration', 'random'] as const;
export const MODEL_REASONS = ['risk'] as const;
export const COMPLAINT_REASONS = ['complaint'] as const;
/** Re-inspections after an order to rectify (整改复查): chosen by an earlier finding, not by the model nor at random. */
export const FOLLOW_UP_REASONS = ['follow-up'] as const;
/** The reasons by which the algorithm (rather than a complaint) put an enterprise on the list. */
export const SELECTION_REASONS = [...MODEL_REASONS, ...RANDOM_REASONS] as const;

export type Sample = 'random' | 'model' | 'complaint' | 'follow-up' | 'unmatched';

/** One inspection (a department's part of a visit) with its outcome and the score in force on its day. */
export interface InspectionOutcome {
  /** The draw task's reason; null when no draw task matches the inspection. */
  reason: string | null;
  probability: number | null;
  colour: string | null;
  violationFound: boolean;
}

export interface ThresholdFigures {
  /** Inspections flagged at this colour or above. */
  flagged: number;
  truePositiveRate: Proportion;
  falsePositiveRate: Proportion;
  /** Share of flagged inspections that found a violation. */
  precision: Proportion;
}

export interface SampleAccuracy {
  inspections: number;
  /** Inspections for which no score was in force (left out of every figure below). */
  unscored: number;
  violationRate: Proportion;
  auc: AucEstimate | null;
  /** Whether `auc` rests on enough inspections of both outcomes to be read as a figure. */
  aucReading: AucReading;
  brier: number | null;
  logLoss: number | null;
  expectedCalibrationError: number | null;
  calibration: CalibrationBin[];
  violationRateByColour: Record<'red' | 'yellow' | 'green', Proportion>;
  atRed: ThresholdFigures;
  atYellowOrRed: ThresholdFigures;
}

export interface AccuracyFigures {
  samples: Record<Sample | 'all', SampleAccuracy>;
  /**
   * The feedback loop in one line: violations per inspection where the model chose, against the
   * random share. Only the random share estimates how the model ranks the whole population.
   */
  selectionEffect: { modelChosen: Proportion; random: Proportion; difference: number | null; interval: Interval | null };
}

export function sampleOf(reason: string | null): Sample {
  if (reason === null) return 'unmatched';
  if ((RANDOM_REASONS as readonly string[]).includes(reason)) return 'random';
  if ((MODEL_REASONS as readonly string[]).includes(reason)) return 'model';
  if ((COMPLAINT_REASONS as readonly string[]).includes(reason)) return 'complaint';
  return (FOLLOW_UP_REASONS as readonly string[]).includes(reason) ? 'follow-up' : 'unmatched';
}

function threshold(scored: InspectionOutcome[], flaggedColours: string[]): ThresholdFigures {
  const flagged = scored.filter((o) => flaggedColours.includes(o.colour ?? ''));
  const positives = scored.filter((o) => o.violationFound).length;
  const truePositives = flagged.filter((o) => o.violationFound).length;
  const falsePositives = flagged.length - truePositives;
  return {
    flagged: flagged.length,
    truePositiveRate: proportion(truePositives, positives),
    falsePositiveRate: proportion(falsePositives, scored.length - positives),
    precision: proportion(truePositives, flagged.length),
  };
}

/** Every accuracy figure of one set of inspections. */
export function sampleAccuracy(outcomes: InspectionOutcome[]): SampleAccuracy {
  const scored = outcomes.filter((o): o is InspectionOutcome & { probability: number } => o.probability !== null);
  const p = scored.map((o) => o.probability);
  const y = scored.map((o): number => (o.violationFound ? 1 : 0));
  const bins = calibrationBins(p, y);
  const byColour = (colour: string) => {
    const inColour = scored.filter((o) => o.colour === colour);
    return proportion(inColour.filter((o) => o.violationFound).length, inColour.length);
  };
  const auc = aucWithInterval(p, y);
  return {
    inspections: outcomes.length,
    unscored: outcomes.length - scored.length,
    violationRate: proportion(
      y.reduce((s, v) => s + v, 0),
      scored.length,
    ),
    auc,
    aucReading: aucReading(auc, y),
    brier: brierScore(p, y),
    logLoss: logLoss(p, y),
    expectedCalibrationError: expectedCalibrationError(bins),
    calibration: bins,
    violationRateByColour: { red: byColour('red'), yellow: byColour('yellow'), green: byColour('green') },
    atRed: threshold(scored, ['red']),
    atYellowOrRed: threshold(scored, ['red', 'yellow']),
  };
}

/** Accuracy on the random share (the honest estimate), on the model's own choices, on complaints, on re-inspections, and overall. */
export function accuracyFigures(outcomes: InspectionOutcome[]): AccuracyFigures {
  const by = (sample: Sample) => outcomes.filter((o) => sampleOf(o.reason) === sample);
  const samples = {
    random: sampleAccuracy(by('random')),
    model: sampleAccuracy(by('model')),
    complaint: sampleAccuracy(by('complaint')),
    'follow-up': sampleAccuracy(by('follow-up')),
    unmatched: sampleAccuracy(by('unmatched')),
    all: sampleAccuracy(outcomes),
  };
  const modelChosen = samples.model.violationRate;
  const random = samples.random.violationRate;
  return {
    samples,
    selectionEffect: {
      modelChosen,
      random,
      difference: modelChosen.rate === null || random.rate === null ? null : modelChosen.rate - random.rate,
      interval: newcombeDifference(modelChosen, random),
    },
  };
}
