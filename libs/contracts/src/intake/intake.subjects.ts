/** NATS subjects of intake. Versioned names; never renamed. */
export const IntakeSubjects = {
  /** Accepted new or newer versions of market subjects (no personal data). */
  subjectsUpserted: 'intake.subjects.upserted.v1',
  casesUpserted: 'intake.cases.upserted.v1',
  officersUpserted: 'intake.officers.upserted.v1',
  cluesUpserted: 'intake.clues.upserted.v1',
  /** What intake did with an appeal decision's record corrections: each one's verdict, and the batches that carried them. */
  correctionsApplied: 'intake.corrections.applied.v1',
  /** Platform B pushes clues here, one object or an array per message (durable, in the INBOX stream). */
  cluesPush: 'inbox.platform-b.clues.v1',
} as const;
