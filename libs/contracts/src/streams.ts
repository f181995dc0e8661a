/**
 * JetStream streams of the suite: one per producing domain, plus the inbox and dead letters, and
 * scoring's work queue (a message there is removed once one scoring instance has done it).
 */
export const STREAMS = {
  intake: { name: 'INTAKE', subjects: ['intake.>'] },
  inbox: { name: 'INBOX', subjects: ['inbox.>'] },
  scoring: { name: 'SCORING', subjects: ['scoring.>'] },
  dispatch: { name: 'DISPATCH', subjects: ['dispatch.>'] },
  oversight: { name: 'OVERSIGHT', subjects: ['oversight.>'] },
  deadLetter: { name: 'DEADLETTER', subjects: ['deadletter.>'] },
  scoringWork: { name: 'SCORING_WORK', subjects: ['scoring-work.>'], workQueue: true },
} as const;

export type StreamDefinition = (typeof STREAMS)[keyof typeof STREAMS];
