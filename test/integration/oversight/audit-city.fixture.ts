import type {
  ChangeBatch,
  ColourPolicyEvent,
  DrawCompleted,
  ModelVersionEvent,
  ScoreRecord,
  ScoresComputed,
  SubjectChange,
  VisitResultRecorded,
} from '@tianping/contracts';

/**
 * A small city for the audits: 80 enterprises in two districts of Foshan, scored by one model, one
 * draw with risk, exploration and complaint tasks, and every visit's result. District 440604 has far
 * more red scores than 440605, so the fairness audit must find a selection gap between them.
 */
export const MODEL = 'm-2026.1';
export const TRAINING_WINDOW = { from: '2025-01-01', to: '2025-06-30' };
export const BASELINE_AS_OF = '2025-06-30';
export const CURRENT_AS_OF = '2026-01-05';
export const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
export const VISIT_DATE = '2026-02-10';
export const RED_P = 0.65;
export const GREEN_P = 0.15;

export interface AuditEnterprise {
  index: number;
  creditCode: string;
  district: '440604' | '440605';
  industry: 'C' | 'F';
  employees: number;
  establishedOn: string;
  /** Colour of the current score (the baseline has its own, see baselineRed). */
  red: boolean;
  baselineRed: boolean;
  abnormalNow: boolean;
  abnormalBaseline: boolean;
  reason: 'risk' | 'exploration' | 'complaint' | null;
  violation: boolean | null;
}

const EXPLORATION = new Set([0, 1, 20, 21, 22, 23, 40, 41, 48, 49, 50, 51]);
const VIOLATIONS = new Set([0, 20, 40, 41, 50, 2, 3, 4, 5, 6, 7, 8, 9, 10, 42, 43, 44, 30]);
const COMPLAINT = 30;

export const ENTERPRISES: AuditEnterprise[] = Array.from({ length: 80 }, (_, i) => {
  const inA = i < 40;
  const red = inA ? i < 20 : i >= 40 && i < 48;
  const reason = EXPLORATION.has(i) ? 'exploration' : red ? 'risk' : i === COMPLAINT ? 'complaint' : null;
  return {
    index: i,
    creditCode: `91440604MA${String(i).padStart(8, '0')}`,
    district: inA ? '440604' : '440605',
    industry: i % 2 === 0 ? 'C' : 'F',
    employees: i % 4 === 0 ? 5 : 50,
    establishedOn: i % 5 === 0 ? '2025-06-01' : '2018-01-01',
    red,
    baselineRed: i % 4 === 0,
    abnormalNow: i % 10 < 3,
    abnormalBaseline: i % 10 === 0,
    reason,
    violation: reason === null ? null : VIOLATIONS.has(i),
  };
});

export function subjectsEvent(): ChangeBatch<SubjectChange> {
  return {
    batchId: 'subjects-1',
    records: ENTERPRISES.map((e) => ({
      creditCode: e.creditCode,
      name: `企业${e.index}`,
      establishedOn: e.establishedOn,
      registeredCapitalWan: 100,
      shareholderSubscribedWan: 100,
      employees: e.employees,
      industryCode: `${e.industry}1711`,
      regionCode: `${e.district}001`,
      address: null,
      addressKey: null,
      lng: null,
      lat: null,
      status: '存续',
      abnormalListed: e.abnormalNow,
      legalRepChanges2y: 0,
      updatedAt: '2025-12-01T00:00:00.000Z',
    })),
  };
}

function score(e: AuditEnterprise, asOf: string, red: boolean, abnormal: boolean): ScoreRecord {
  const probability = red ? RED_P : GREEN_P;
  return {
    scoreId: `${MODEL}:${asOf}:${e.creditCode}`,
    creditCode: e.creditCode,
    asOf,
    modelVersion: MODEL,
    colourPolicyVersion: 'cp-2',
    probability,
    logit: Math.log(probability / (1 - probability)),
    base: -1.5,
    contributions: [
      { factor: 'industry', value: e.industry, contribution: 0.1 },
      { factor: 'employees', value: e.employees, contribution: 0 },
      { factor: 'years_in_operation', value: e.establishedOn.startsWith('2025') ? 0.5 : 7.5, contribution: -0.1 },
      { factor: 'abnormal_listed', value: abnormal, contribution: abnormal ? 0.4 : 0 },
    ],
    colour: red ? 'red' : 'green',
    reasons: [{ factor: 'industry', zh: '行业', en: 'industry' }],
    suggestions: [],
    inputFingerprint: `fp-${e.index}-${asOf}`,
    computedAt: `${asOf}T20:00:00.000Z`,
  };
}

export function baselineScores(): ScoresComputed {
  return { batchId: 'baseline', scores: ENTERPRISES.map((e) => score(e, BASELINE_AS_OF, e.baselineRed, e.abnormalBaseline)) };
}

export function currentScores(): ScoresComputed {
  return { batchId: 'current', scores: ENTERPRISES.map((e) => score(e, CURRENT_AS_OF, e.red, e.abnormalNow)) };
}

export function modelEvents(): ModelVersionEvent[] {
  const base = {
    modelVersion: MODEL,
    specName: 'twelve-factor',
    trainingWindow: TRAINING_WINDOW,
    dataFingerprint: 'data-fp',
    metrics: { validationAuc: 0.72, trainRows: 4000, trainPositives: 700 },
  };
  return [
    { ...base, state: 'draft', actor: 'trainer', reason: 'trained', at: '2025-07-02T00:00:00.000Z' },
    { ...base, state: 'approved', actor: 'officer-legal', at: '2025-07-03T00:00:00.000Z' },
    { ...base, state: 'active', actor: 'officer-tech', at: '2025-07-04T00:00:00.000Z' },
  ];
}

export const COLOUR_POLICY: ColourPolicyEvent = {
  version: 'cp-2',
  thresholds: { yellow: 0.3, red: 0.6 },
  state: 'active',
  actor: 'officer-policy',
  at: '2025-07-04T01:00:00.000Z',
};

export function drawEvent(): DrawCompleted {
  return {
    drawId: '6f1c2a40-0000-4000-8000-000000000001',
    seed: 'seed-feb',
    window: { from: '2026-02-01', to: '2026-02-28' },
    inputsFingerprint: 'b'.repeat(64),
    modelSuspended: false,
    modelVersion: MODEL,
    explorationShare: 0.1,
    tasks: ENTERPRISES.filter((e) => e.reason !== null).map((e) => ({ department: 'SAMR', creditCode: e.creditCode, reason: e.reason as string })),
    planStatus: 'published',
    planViolations: 0,
    at: '2026-01-28T00:00:00.000Z',
  };
}

export function visitResults(): VisitResultRecorded[] {
  return ENTERPRISES.filter((e) => e.reason !== null).map((e) => ({
    visitId: `visit-${e.index}`,
    creditCode: e.creditCode,
    date: VISIT_DATE,
    officerIds: ['officer-1'],
    at: `${VISIT_DATE}T10:00:00.000Z`,
    items: [
      e.violation
        ? { item: '计量器具', department: 'SAMR', result: '责令整改', violation: '未检定' }
        : { item: '计量器具', department: 'SAMR', result: '未发现问题' },
    ],
  }));
}
