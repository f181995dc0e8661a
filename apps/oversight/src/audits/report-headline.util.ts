import type { Gap } from './audit-math.util';
import type { AccuracyAudit, DriftAudit } from './audits.service';

/** What a headline reads of the fairness audit: each dimension's gaps (a public copy's are those of its published groups). */
export interface HeadlineFairness {
  dimensions: { dimension: string; gaps: Gap[] }[];
}

/** A report's figures in one line each: accuracy on the random share, the widest selection gap, the largest shifts. */
export function reportHeadline(
  fairness: HeadlineFairness,
  accuracy: AccuracyAudit,
  drift: Pick<DriftAudit, 'largestFactorShift' | 'score'> & { comparison?: DriftAudit['comparison'] },
) {
  const selectionGaps = fairness.dimensions
    .map((d) => ({ dimension: d.dimension, gap: d.gaps.find((g) => g.metric === 'selectionRate') }))
    .filter((x) => x.gap?.difference !== null && x.gap?.difference !== undefined)
    .sort((a, b) => (b.gap!.difference as number) - (a.gap!.difference as number));
  const widest = selectionGaps[0];
  const random = accuracy.samples.random;
  return {
    randomShare: {
      inspections: random.inspections,
      auc: random.auc?.value ?? null,
      aucMeasured: random.aucReading.measured,
      violationRate: random.violationRate.rate,
    },
    modelChosenViolationRate: accuracy.samples.model.violationRate.rate,
    widestSelectionGap: widest ? { dimension: widest.dimension, ...widest.gap } : null,
    largestFactorShift: drift.largestFactorShift,
    scorePsi: drift.score?.psi ?? null,
    /** False when the baseline lies inside the period: the PSIs then compare the period with itself. */
    driftComparable: drift.comparison?.comparable ?? null,
  };
}
