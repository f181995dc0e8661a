import {
  IntakeSubjects,
  ScoringSubjects,
  type CaseChange,
  type ChangeBatch,
  type ClueChange,
  type OfficerChange,
  type ScoreRecord,
  type ScoresComputed,
  type SubjectChange,
} from '@tianping/contracts';
import { generateScenario, type PlanningScenario, type RiskColour } from '@tianping/planner';
import type { DispatchHarness } from './dispatch-app.harness';

/** A generated city, as intake and scoring would publish it: what dispatch's projections consume. */
export interface CityEvents {
  scenario: PlanningScenario;
  subjects: SubjectChange[];
  officers: OfficerChange[];
  cases: CaseChange[];
  clues: ClueChange[];
  scores: ScoreRecord[];
  /** Enterprises registered as dissolved (注销): never drawable. */
  dissolved: string[];
}

/** An industry code whose section makes dispatch's default supervision roughly match the scenario's sector. */
function industryFor(departments: string[] = []): string {
  if (departments.includes('AGRI')) return 'A0111';
  if (departments.includes('HEALTH')) return 'H6210';
  if (departments.includes('EMG')) return 'C1391';
  if (departments.includes('CITY')) return 'F5211';
  return 'L7212';
}

export function cityEvents(seed: string, enterprises: number, officers: number, window: { start: string; end: string }): CityEvents {
  const scenario = generateScenario({ seed, enterprises, officers, window });
  const dissolved = scenario.enterprises.filter((_, i) => i % 50 === 7).map((e) => e.creditCode);
  const gone = new Set(dissolved);
  return {
    scenario,
    dissolved,
    subjects: scenario.enterprises.map((e, i) => ({
      creditCode: e.creditCode,
      name: `企业${i}`,
      establishedOn: '2015-06-01',
      registeredCapitalWan: 100,
      shareholderSubscribedWan: 100,
      employees: 10,
      industryCode: industryFor(e.departments),
      regionCode: e.regionCode,
      address: null,
      addressKey: null,
      lng: e.lng ?? null,
      lat: e.lat ?? null,
      status: gone.has(e.creditCode) ? '注销' : i % 2 ? '存续' : '在业',
      abnormalListed: false,
      legalRepChanges2y: 0,
      updatedAt: '2025-01-10T08:00:00+08:00',
    })),
    officers: scenario.officers.map((o) => ({
      officerId: o.id,
      department: o.department,
      certValidUntil: o.certValidUntil,
      domains: o.domains,
      regionCode: o.regionCode,
      status: o.onDuty ? '在岗' : '离岗',
    })),
    cases: scenario.priorInspections.map((p, i) => ({
      caseNo: `CASE-${i}`,
      creditCode: p.creditCode,
      department: p.department,
      kind: '检查',
      origin: '双随机',
      date: p.date,
      items: [],
      result: '未发现问题',
      violationFound: false,
      penaltyYuan: 0,
      officerIds: p.officerIds,
      updatedAt: '2025-02-01T08:00:00+08:00',
    })),
    clues: scenario.triggeredTasks.map((t) => ({
      clueId: t.clueId,
      channel: '12345',
      receivedAt: '2025-02-20T09:00:00+08:00',
      linkedCreditCode: t.creditCode,
      linkMethod: 'credit_code' as const,
      category: 'other',
      department: t.department,
      verified: true,
      status: 'pending',
      updatedAt: '2025-02-21T09:00:00+08:00',
    })),
    // One enterprise in twenty is not scored yet: dispatch draws it in the policy's unscored stratum.
    scores: scenario.enterprises.filter((_, i) => i % 20 !== 3).map((e) => score(e.creditCode, e.colour, '2025-02-28T00:00:00Z')),
  };
}

export function score(creditCode: string, colour: RiskColour, computedAt: string): ScoreRecord {
  return {
    scoreId: `${creditCode}@${computedAt}`,
    creditCode,
    asOf: '2025-02-28',
    modelVersion: 'rm-test-1',
    colourPolicyVersion: 'cp-1',
    probability: 0.1,
    logit: -2.2,
    base: -2.5,
    contributions: [],
    colour,
    reasons: [],
    suggestions: [],
    inputFingerprint: 'x',
    computedAt,
  };
}

/** Splits records into batches of the size intake uses on the wire. */
export function batches<T>(records: T[], size = 500): ChangeBatch<T>[] {
  const out: ChangeBatch<T>[] = [];
  for (let i = 0; i < records.length; i += size) out.push({ batchId: `b-${i}`, records: records.slice(i, i + size) });
  return out;
}

export function scoreBatches(scores: ScoreRecord[], size = 500): ScoresComputed[] {
  return batches(scores, size).map((b) => ({ batchId: b.batchId, scores: b.records }));
}

/** Publishes a city's subjects, officers, complaints and scores to dispatch and waits until its projections hold them all. */
export async function publishCity(h: DispatchHarness, city: CityEvents): Promise<void> {
  for (const b of batches(city.subjects)) await h.publish(IntakeSubjects.subjectsUpserted, b);
  for (const b of batches(city.officers)) await h.publish(IntakeSubjects.officersUpserted, b);
  for (const b of batches(city.clues)) await h.publish(IntakeSubjects.cluesUpserted, b);
  for (const b of scoreBatches(city.scores)) await h.publish(ScoringSubjects.scoresComputed, b);
  await h.settle(
    (c) =>
      c.enterprises === city.subjects.length && c.officers === city.officers.length && c.complaints === city.clues.length && c.scores === city.scores.length,
  );
}

/** A platform inspection case (检查) with its result, as intake publishes it. */
export function inspectionCase(caseNo: string, creditCode: string, department: string, date: string, result: string): CaseChange {
  return {
    caseNo,
    creditCode,
    department,
    kind: '检查',
    origin: '日常检查',
    date,
    items: [],
    result,
    violationFound: result !== '未发现问题',
    penaltyYuan: 0,
    officerIds: [],
    updatedAt: `${date}T17:00:00+08:00`,
  };
}
