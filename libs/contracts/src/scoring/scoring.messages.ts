export type Colour = 'green' | 'yellow' | 'red';

export interface FactorContribution {
  factor: string;
  /** The factor's value as used (numbers, categories, or null for unknown). */
  value: number | string | boolean | null;
  /** Its additive contribution on the log-odds scale. */
  contribution: number;
}

export interface ScoreReason {
  factor: string;
  zh: string;
  en: string;
}

/** One enterprise's score: everything needed to explain it, replay it and contest it. */
export interface ScoreRecord {
  scoreId: string;
  creditCode: string;
  asOf: string;
  modelVersion: string;
  colourPolicyVersion: string;
  probability: number;
  logit: number;
  base: number;
  contributions: FactorContribution[];
  colour: Colour;
  reasons: ScoreReason[];
  suggestions: ScoreReason[];
  /** sha256 of the factor values used: the input snapshot a replay must reproduce. */
  inputFingerprint: string;
  computedAt: string;
  /**
   * Batches of appeal corrections (`ChangeBatch.batchId` with `correctedOnAppeal`) that scoring's
   * projections held when this score read its inputs. Absent when none, and on scores published before it.
   */
  correctionBatches?: string[];
}

export interface ScoresComputed {
  batchId: string;
  scores: ScoreRecord[];
}

/** Who built a model version: the bureau itself or a contracted vendor (responsibility is traced to it). */
export interface ModelBuilder {
  kind: 'bureau' | 'vendor';
  name: string;
}

/** One person's approving sign-off, as oversight granted it. */
export interface Approver {
  actor: string;
  role: 'technical' | 'legal';
  /** The record entry of the sign-off in oversight's tamper-evident record. */
  auditSeq: number;
}

export interface ModelVersionEvent {
  modelVersion: string;
  state: 'draft' | 'approved' | 'active' | 'retired' | 'suspended';
  /** Who made this change; on registration (draft), who trained it. */
  actor: string;
  reason?: string;
  /** Absent only on events published before builders were recorded. */
  builtBy?: ModelBuilder;
  /** On the change to approved: the sign-offs oversight granted it with. */
  approvedBy?: Approver[];
  specName: string;
  trainingWindow: { from: string; to: string };
  dataFingerprint: string;
  metrics: Record<string, number>;
  at: string;
}

export interface ColourPolicyEvent {
  version: string;
  thresholds: { yellow: number; red: number };
  state: 'proposed' | 'approved' | 'active' | 'retired';
  /** Who made this change; on a proposal, the proposer. */
  actor: string;
  /** On the change to approved: the sign-off oversight granted it with. */
  approvedBy?: Approver[];
  at: string;
}

/**
 * One shard of a full scoring run: the live enterprises whose credit codes lie in [fromCode, toCode)
 * (null: unbounded). The run's as-of date, model, policy and factor context are in its run record.
 */
export interface ScoreShardQueued {
  runId: string;
  shard: number;
  shards: number;
  fromCode: string | null;
  toCode: string | null;
}
