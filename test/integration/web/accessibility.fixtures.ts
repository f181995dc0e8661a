import { OWN_CODE } from './web-app.harness';

/** Upstream answers that let the enterprise, review and audit pages draw without the real suite. */
const SCORE = {
  creditCode: OWN_CODE,
  scoreId: 's-1',
  asOf: '2026-11-01',
  modelVersion: 'm-2026.11.1',
  colourPolicyVersion: 'cp-default-1',
  probability: 0.43,
  logit: -0.28,
  colour: 'red',
  contributions: [
    { factor: 'violations_3y', value: 2, contribution: 0.92 },
    { factor: 'complaints_12m', value: 3, contribution: 0.61 },
    { factor: 'years_in_operation', value: 12, contribution: -0.41 },
  ],
  reasons: [{ factor: 'violations_3y', zh: '近三年有 2 次违法记录', en: '2 violations in the last three years' }],
  suggestions: [],
};

const DUE = new Date(Date.now() + 5 * 86_400_000).toISOString();

const APPEAL = {
  id: 'AP-2026-0001',
  creditCode: OWN_CODE,
  colour: 'red',
  probability: 0.43,
  modelVersion: 'm-2026.11.1',
  status: 'filed',
  overdue: false,
  filedAt: '2026-11-02T03:04:05.000Z',
  dueAt: DUE,
  grounds: '记录有误，请复核。',
  challenges: [],
  evidence: [],
  steps: [{ step: 'filed', at: '2026-11-02T03:04:05.000Z', actor: 'ent', auditSeq: null, detail: { colour: 'red' } }],
};

const DEAD_LETTER = {
  seq: 7,
  subject: 'deadletter.DISPATCH.intake-visit-results',
  durable: 'intake-visit-results',
  originalSubject: 'dispatch.visit.result-recorded.v1',
  originalStream: 'DISPATCH',
  originalSequence: 40,
  error: 'visit result lacks visitId, items or officerIds',
  deliveries: 1,
  at: '2026-11-02T03:04:05.000Z',
  bytes: 36,
  truncatedFrom: null,
};

/** A rejected record to discard: a line that was not even a record, with a reason. */
const QUARANTINED = {
  id: 5,
  kind: 'subjects',
  status: 'open',
  source: 'inbox/subjects-2026-11-01.csv',
  line: 12,
  createdAt: '2026-11-02T03:04:05.000Z',
  rawMasked: 'not,a,record',
  reasons: [{ field: '_row', code: 'malformed', message: 'not a CSV record' }],
  resolution: null,
  resolvedAt: null,
};

export const A11Y_ANSWERS: Record<string, unknown> = {
  [`GET /api/scores/${OWN_CODE}`]: SCORE,
  [`GET /api/reviews/enterprises/${OWN_CODE}`]: {
    score: { creditCode: OWN_CODE, scoreId: 's-1', colour: 'red', probability: 0.43 },
    effectiveColour: 'yellow',
    state: 'awaiting-confirmation',
    decision: null,
    scoreSeq: null,
    decisions: [],
    appeals: [],
  },
  [`GET /api/enterprises/${OWN_CODE}`]: {
    subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司', status: '存续' },
    cases: [{ caseNo: 'C-2025-001', date: '2025-03-01', department: 'SAMR', kind: 'inspection', result: 'violation', violationFound: true }],
    clues: [],
  },
  [`GET /api/enterprises/${OWN_CODE}/visits`]: [
    {
      visitId: '11111111-1111-4111-8111-111111111111',
      date: '2026-10-01',
      status: 'done',
      canRate: true,
      departments: ['SAMR'],
      checklist: ['SAMR-01', 'SAMR-02'],
      results: [
        { item: 'SAMR-01', result: '责令整改', violation: '登记事项未按规定公示，已责令限期整改' },
        { item: 'SAMR-02', result: '未发现问题' },
      ],
    },
  ],
  [`GET /api/appeals/${APPEAL.id}`]: APPEAL,
  'GET /api/quarantine/5': QUARANTINED,
  'GET /api/reviews/summary': { pendingConfirmations: 1, appeals: { filed: 1, 'in-review': 0, 'awaiting-rescore': 0, decided: 0, overdue: 0 } },
  'GET /api/reviews/confirmations': {
    pending: 1,
    items: [
      {
        id: 'rq-1',
        scoreId: 's-1',
        creditCode: OWN_CODE,
        modelColour: 'red',
        probability: 0.43,
        modelVersion: 'm-2026.11.1',
        requestedAt: '2026-11-01T00:00:00.000Z',
      },
    ],
  },
  'POST /api/reviews/confirmations/s-1': { status: 'confirmed', colour: 'red', auditSeq: 7 },
  'GET /api/appeals': { items: [APPEAL] },
  'GET /api/reviews/officers': [],
  // The health page: every app answers as this one (the fake suite is one port).
  'GET /ready': { status: 'ready' },
  'GET /ops/status': {
    app: 'intake',
    checkedAt: '2026-11-02T03:04:05.000Z',
    outboxes: [
      {
        name: 'intake.outbox',
        waiting: 120,
        oldestWaitingSeconds: 420,
        refused: 0,
        refusedEvents: [],
        resendable: true,
        warnings: [{ code: 'outbox_behind', waiting: 120, seconds: 420 }],
      },
    ],
    consumers: [
      {
        stream: 'DISPATCH',
        durable: 'intake-visit-results',
        subject: 'dispatch.visit.result-recorded.v1',
        pending: 3,
        awaitingAck: 1,
        redelivered: 1,
        oldestWaitingSeconds: 95,
        lastDeliveredAt: '2026-11-02T03:04:00.000Z',
        sinceStart: { handled: 10, redelivered: 4, deadLettered: 0 },
        lastFailure: { message: 'connect ECONNREFUSED 127.0.0.1:5432', at: '2026-11-02T03:04:00.000Z', inARow: 4 },
        warnings: [{ code: 'consumer_failing', inARow: 4, message: 'connect ECONNREFUSED 127.0.0.1:5432', at: '2026-11-02T03:04:00.000Z' }],
      },
    ],
    natsProblem: null,
  },
  'GET /ops/dead-letters': { total: 1, next: null, deadLetters: [DEAD_LETTER] },
  'GET /ops/dead-letters/7': {
    ...DEAD_LETTER,
    payload: { text: '{\n  "creditCode": "91440604MA4UJ8K20C"\n}', json: true, bytes: 36, cutShort: false },
    payloadProblem: null,
  },
  'POST /ops/dead-letters/7/replay': { seq: 7, republishedTo: 'dispatch.visit.result-recorded.v1', newSequence: 41 },
};

/** A model version's approval waiting for both sign-offs, as oversight answers `GET /api/approvals/models/:version`. */
export function pendingModelApproval(
  version: string,
  proposal: { specName: string; trainingWindow: { from: string; to: string }; metrics: Record<string, number> },
) {
  return {
    subjectKind: 'model-version',
    subjectRef: version,
    status: 'pending',
    required: ['technical', 'legal'],
    missing: ['technical', 'legal'],
    signOffs: [],
    proposedBy: 'trainer-li',
    proposedAt: '2026-12-05T02:00:00.000Z',
    builtBy: { kind: 'bureau', name: 'bureau' },
    proposal,
  };
}
