import type { Approver, Colour, ModelBuilder } from '../scoring/scoring.messages';

export interface ModelSuspension {
  suspended: boolean;
  actor: string;
  reason: string;
  at: string;
}

/**
 * A person's decision on one score's colour. `confirmed` lets the model's colour take effect;
 * `overridden` replaces it; `carried-over` repeats an earlier decision for a new score computed by
 * the same model from the same inputs (the same machine result, already decided by a person).
 */
export interface ColourDecision {
  decisionId: string;
  creditCode: string;
  scoreId: string;
  modelColour: Colour;
  /** The colour that takes effect. */
  colour: Colour;
  decision: 'confirmed' | 'overridden' | 'carried-over';
  /** Account name of the officer (no personal data beyond the login name). */
  actor: string;
  /** Set when the decision came from an appeal. */
  appealId?: string;
  at: string;
}

/**
 * A correction of an input record that an appeal decision found wrong. Intake applies it to the
 * record and to every later version of it, and publishes the corrected record as usual.
 * - clue `unlink`: the complaint is not about this enterprise; never link it to it again.
 * - clue `mark-false`: the complaint was found untrue (不属实): it no longer counts.
 * - case `revoke`: the finding was revoked (e.g. on reconsideration): it no longer counts as a violation.
 */
export interface RecordCorrection {
  kind: 'clue' | 'case';
  /** clueId or caseNo */
  recordId: string;
  action: 'unlink' | 'mark-false' | 'revoke';
}

export interface AppealDecided {
  appealId: string;
  creditCode: string;
  scoreId: string;
  outcome: 'upheld' | 'corrected' | 'overridden';
  corrections: RecordCorrection[];
  /** Set for `overridden`: the colour the officer put in place of the model's. */
  overrideColour?: Colour;
  actor: string;
  at: string;
}

/** What oversight approves: a model version (technical and legal sign-off) or a colour policy (legal sign-off). */
export type ApprovalSubjectKind = 'model-version' | 'colour-policy';

/**
 * The sign-offs each kind needs, each from a different person who did not propose it. A model
 * version needs a technical and a legal one. A colour policy needs one, the legal one: its
 * thresholds change no computation a technical reviewer could check, but they decide how every
 * enterprise is classed and so how often it is inspected, which is a question of law.
 */
export const REQUIRED_SIGN_OFFS: Record<ApprovalSubjectKind, readonly Approver['role'][]> = {
  'model-version': ['technical', 'legal'],
  'colour-policy': ['legal'],
};

/**
 * Published on `oversight.approval.granted.v1` when a proposal has every sign-off it needs, each by
 * someone other than its proposer and no one in two roles. Scoring then moves it to approved.
 */
export interface ApprovalGranted {
  subjectKind: ApprovalSubjectKind;
  /** The model version or colour-policy version approved. */
  subjectRef: string;
  /** Who trained the model version or proposed the policy. */
  proposedBy: string;
  /** Model versions only: who built it. */
  builtBy?: ModelBuilder;
  approvedBy: Approver[];
  /** The record entry that logged the grant. */
  auditSeq: number;
  at: string;
}
