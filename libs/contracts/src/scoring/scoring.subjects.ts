/** NATS subjects of scoring. Versioned names; never renamed. */
export const ScoringSubjects = {
  /** A batch of computed scores, each with its explanation. */
  scoresComputed: 'scoring.score.computed.v1',
  /** A model version was trained and registered (state draft). */
  modelRegistered: 'scoring.model.registered.v1',
  /** A model version changed state (approved, active, retired, suspended). */
  modelStateChanged: 'scoring.model.state-changed.v1',
  /** A colour policy (thresholds) was proposed or changed state. */
  colourPolicyChanged: 'scoring.colour-policy.changed.v1',
} as const;
