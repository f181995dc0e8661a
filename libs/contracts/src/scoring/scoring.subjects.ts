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

/**
 * Scoring's own work, shared among its instances: on the SCORING_WORK work-queue stream (outside
 * `scoring.>`, which is the SCORING event stream), taken by one shared durable consumer.
 */
export const ScoringWorkSubjects = {
  /** One shard (a range of credit codes) of a full scoring run, to be scored by whichever instance takes it. */
  scoreShardQueued: 'scoring-work.score-shard.v1',
} as const;

/** The durable pull consumer every scoring instance (and `tianping score --all`) binds to. */
export const SCORE_SHARD_CONSUMER = 'scoring-score-shards';
