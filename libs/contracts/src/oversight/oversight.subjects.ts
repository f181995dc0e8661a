/** NATS subjects of oversight. Versioned names; never renamed. */
export const OversightSubjects = {
  /** The kill switch: risk-based selection stops (dispatch draws purely at random) until resumed. */
  modelSuspended: 'oversight.model.suspended.v1',
  modelResumed: 'oversight.model.resumed.v1',
  /** A model version or colour policy was approved (four eyes, technical and legal sign-off). */
  approvalGranted: 'oversight.approval.granted.v1',
  /** An appeal decision that corrects data or overrides a score. */
  appealDecided: 'oversight.appeal.decided.v1',
  /** A person confirmed or overrode a score's colour: only then does a red (an adverse result) take effect. */
  colourDecided: 'oversight.colour.decided.v1',
  /**
   * The record's latest signed checkpoint, published outside PostgreSQL as a witness: cutting entries
   * and checkpoints off the end of the record in the database cannot unpublish it.
   */
  checkpointWitnessed: 'oversight.checkpoint.witnessed.v1',
} as const;
