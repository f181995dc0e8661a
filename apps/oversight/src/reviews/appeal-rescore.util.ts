import type { RescoreState } from './appeals.repository';
import type { SeenScore } from './colour-decisions.repository';

/**
 * Whether a new current score closes an appeal waiting for its re-score.
 *
 * The rule is exact, and reads no clock of another service: intake publishes the corrected records
 * in batches marked with the appeal, and names those batches in its acknowledgement. Scoring's
 * projection keeps each such batch id in the transaction that projects its records, and every score
 * reads the batch ids in the same snapshot as its factors and names them. So a score that names all
 * of the appeal's batches was computed from the corrected records (or from newer versions, which
 * intake publishes with the corrections applied), and one that does not name them was not, however
 * late it was computed. Until intake acknowledges, no score closes the appeal.
 *
 * Appeals already waiting before acknowledgements existed get none: they close as they did, on the
 * first other score computed after the decision.
 */
export function rescoreCloses(appeal: Pick<RescoreState, 'scoreId' | 'decidedAt' | 'correctionBatches' | 'closesOnLaterScore'>, score: SeenScore): boolean {
  if (appeal.closesOnLaterScore) return score.scoreId !== appeal.scoreId && !(appeal.decidedAt && score.computedAt <= appeal.decidedAt);
  if (!appeal.correctionBatches || appeal.correctionBatches.length === 0) return false;
  const named = new Set(score.correctionBatches ?? []);
  return appeal.correctionBatches.every((batch) => named.has(batch));
}
