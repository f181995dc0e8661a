import { createHash } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { canonicalJson } from '@tianping/audit-log';
import { DispatchSubjects, ScoringSubjects, STREAMS } from '@tianping/contracts';
import { connectNats, encodeJson, listDeadLetters } from '@tianping/messaging';
import { AuditReportsService } from '../../../apps/oversight/src/audits/audit-reports.service';
import {
  baselineScores,
  currentScores,
  drawEvent,
  ENTERPRISES,
  GREEN_P,
  MODEL,
  modelEvents,
  PERIOD,
  RED_P,
  TRAINING_WINDOW,
  visitResults,
  type AuditEnterprise,
} from './audit-city.fixture';
import { auditsSettled, drawParts, publishAuditCity, publisher } from './audit-city.publish';
import { eventually, getJson, startOversight, type OversightHarness } from './oversight-app.harness';

interface Share {
  count: number;
  total: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
}
interface Group {
  group: string;
  population: number;
  selectionRate: Share;
  flaggedRate: Share;
  violationFoundRate: Share;
  sample: { inspections: number; truePositiveRate: Share; falsePositiveRate: Share; meanPredicted: number; observed: Share; calibrationGap: number };
}
interface Gap {
  metric: string;
  highest: { group: string; value: number };
  lowest: { group: string; value: number };
  difference: number;
  ratio: number;
  interval: { low: number; high: number };
}
interface Fairness {
  dimensions: { dimension: string; groups: Group[]; gaps: Gap[] }[];
}
interface Accuracy {
  samples: Record<
    string,
    {
      inspections: number;
      violationRate: Share;
      auc: { value: number } | null;
      calibration: { n: number; meanPredicted: number; observed: Share }[];
      atRed: { truePositiveRate: Share; falsePositiveRate: Share };
    }
  >;
  model: { version: string; validation: Record<string, number> };
}
interface FactorDrift {
  factor: string;
  psi: number;
  baselineCount: number;
  currentCount: number;
}
interface Drift {
  modelVersion: string;
  baselines: { factors: { kind: string; from: string; to: string; enterprises: number }; score: { kind: string } };
  factors: FactorDrift[];
  score: FactorDrift;
}
interface Summary {
  id: string;
  trigger: string;
  sha256: string;
  auditSeq: number;
  period: { from: string; to: string };
  publication: unknown;
}

interface EvidenceSample {
  scored: number;
  unscored: number;
  proposed: Record<string, Share>;
  active: Record<string, Share> | null;
}
interface EvidenceBody {
  version: string;
  period: { from: string; to: string };
  samples: { random: EvidenceSample; all: EvidenceSample };
}
const shares = (byColour: Record<string, Share>) => Object.fromEntries(Object.entries(byColour).map(([colour, p]) => [colour, [p.count, p.total]]));

/** Hand counts over the fixture, written out without any of the code under test. */
const inDistrict = (d: string) => ENTERPRISES.filter((e) => e.district === d);
const count = (list: AuditEnterprise[], test: (e: AuditEnterprise) => boolean) => list.filter(test).length;
const algorithmic = (e: AuditEnterprise) => e.reason === 'risk' || e.reason === 'exploration';
const explored = (list: AuditEnterprise[]) => list.filter((e) => e.reason === 'exploration');
const psiTerm = (e: number, a: number) => (a - e) * Math.log(a / e);

describe('algorithm audits: fairness, accuracy on the random share, drift, reports and the register', () => {
  let h: OversightHarness;
  let nc: NatsConnection;

  beforeAll(async () => {
    h = await startOversight();
    nc = await connectNats(h.nats.url, 'oversight-audits-test');
    const publish = publisher(nc);
    await publishAuditCity(publish);
    // Redelivery under new message ids: the projections must not count anything twice.
    await publish(ScoringSubjects.scoresComputed, currentScores(), 'current-again');
    await publish(DispatchSubjects.drawCompleted, drawParts()[1], 'draw-2-again');
    await publish(DispatchSubjects.visitResultRecorded, visitResults()[0], 'visit-again');
    await settled();
  });

  afterAll(async () => {
    await nc?.drain();
    await h?.close();
  });

  async function settled(): Promise<void> {
    expect(await auditsSettled(nc)).toBe(true);
  }

  const query = `from=${PERIOD.from}&to=${PERIOD.to}`;

  it('projects each event once, however often it is delivered', async () => {
    const [row] = await h.dataSource.query(
      `SELECT (SELECT count(*) FROM oversight.audit_scores)::int AS scores, (SELECT count(*) FROM oversight.audit_draw_tasks)::int AS tasks,
              (SELECT count(*) FROM oversight.audit_inspections)::int AS inspections, (SELECT count(*) FROM oversight.audit_enterprises)::int AS enterprises`,
    );
    expect(row).toEqual({ scores: 160, tasks: drawEvent().tasks.length, inspections: visitResults().length, enterprises: 80 });
  });

  it('refuses a malformed draw to the dead letters without projecting any of it', async () => {
    await jetstream(nc).publish(DispatchSubjects.drawCompleted, encodeJson({ drawId: 'broken', tasks: [{ creditCode: 'x' }] }), { msgID: 'broken-draw' });
    await settled();
    const [row] = await h.dataSource.query(`SELECT count(*)::int AS n FROM oversight.audit_draws`);
    expect(row.n).toBe(1);
    const letters = await eventually(async () => {
      const found = (await listDeadLetters(nc)).filter((l) => l.subject === `deadletter.${STREAMS.dispatch.name}.oversight-audits-dispatch`);
      return found.length > 0 ? found : null;
    });
    expect(letters?.[0].error).toBe('draw: malformed window.from, window.to, modelSuspended, at, tasks[0].department, tasks[0].reason');
  });

  it('finds the selection gap between the two districts, with Wilson and Newcombe intervals', async () => {
    const { status, body } = await getJson<Fairness>(`${h.baseUrl}/api/audits/fairness?${query}&minGroupSize=5`);
    expect(status).toBe(200);
    const district = body.dimensions.find((d) => d.dimension === 'district')!;
    const [chancheng, nanhai] = ['440604', '440605'].map((g) => district.groups.find((x) => x.group === g)!);
    const a = inDistrict('440604');
    const b = inDistrict('440605');
    // Selected by the algorithm: 18 risk + 6 exploration of 40, against 6 + 6 of 40.
    expect(chancheng.selectionRate).toMatchObject({ count: count(a, algorithmic), total: 40, rate: 24 / 40 });
    expect(nanhai.selectionRate).toMatchObject({ count: count(b, algorithmic), total: 40, rate: 12 / 40 });
    expect(chancheng.flaggedRate.rate).toBe(count(a, (e) => e.red) / 40);
    // Violations among every inspection, the complaint visit included.
    expect(chancheng.violationFoundRate).toMatchObject({ count: count(a, (e) => e.violation === true), total: count(a, (e) => e.reason !== null) });
    // On the random share only: sensitivity and false alarms of the red flag, and calibration.
    const ea = explored(a);
    expect(chancheng.sample.inspections).toBe(ea.length);
    expect(chancheng.sample.truePositiveRate).toMatchObject({ count: count(ea, (e) => e.red && !!e.violation), total: count(ea, (e) => !!e.violation) });
    expect(chancheng.sample.falsePositiveRate).toMatchObject({ count: count(ea, (e) => e.red && !e.violation), total: count(ea, (e) => !e.violation) });
    const meanA = ea.reduce((s, e) => s + (e.red ? RED_P : GREEN_P), 0) / ea.length;
    expect(chancheng.sample.meanPredicted).toBeCloseTo(meanA, 12);
    expect(chancheng.sample.calibrationGap).toBeCloseTo(count(ea, (e) => !!e.violation) / ea.length - meanA, 12);
    // Wilson interval of 24/40, by its formula.
    const z = 1.959963984540054;
    const p = 0.6;
    const centre = (p + (z * z) / 80) / (1 + (z * z) / 40);
    const half = (z / (1 + (z * z) / 40)) * Math.sqrt((p * (1 - p)) / 40 + (z * z) / (4 * 1600));
    expect(chancheng.selectionRate.interval!.low).toBeCloseTo(centre - half, 12);
    expect(chancheng.selectionRate.interval!.high).toBeCloseTo(centre + half, 12);
    const gap = district.gaps.find((g) => g.metric === 'selectionRate')!;
    expect(gap).toMatchObject({ highest: { group: '440604', value: 0.6 }, lowest: { group: '440605', value: 0.3 } });
    expect(gap.difference).toBeCloseTo(0.3, 12);
    expect(gap.ratio).toBeCloseTo(0.5, 12);
    expect(gap.interval.low).toBeGreaterThan(0);
    // Size and age groups come from intake's subjects: 5 employees is 0-9, established 2025-06-01 is under a year old at the period's end.
    const size = body.dimensions.find((d) => d.dimension === 'size')!;
    expect(size.groups.map((g) => [g.group, g.population])).toEqual([
      ['0-9', count(ENTERPRISES, (e) => e.employees === 5)],
      ['10-99', count(ENTERPRISES, (e) => e.employees === 50)],
    ]);
    const age = body.dimensions.find((d) => d.dimension === 'age')!;
    expect(age.groups.map((g) => [g.group, g.population])).toEqual([
      ['<1y', 16],
      ['5-10y', 64],
    ]);
    expect((await getJson(`${h.baseUrl}/api/audits/fairness?from=2026-02-30`)).status).toBe(400);
  });

  it('measures accuracy on the random share apart from the inspections the model chose', async () => {
    const { body } = await getJson<Accuracy>(`${h.baseUrl}/api/audits/accuracy?${query}`);
    const random = ENTERPRISES.filter((e) => e.reason === 'exploration');
    const positives = random.filter((e) => e.violation);
    const negatives = random.filter((e) => !e.violation);
    // AUC by counting pairs: a violating enterprise scored above a clean one wins, a tie counts half.
    let wins = 0;
    for (const pos of positives) for (const neg of negatives) wins += pos.red === neg.red ? 0.5 : pos.red ? 1 : 0;
    expect(body.samples.random.inspections).toBe(12);
    expect(body.samples.random.violationRate).toMatchObject({ count: positives.length, total: 12 });
    expect(body.samples.random.auc!.value).toBeCloseTo(wins / (positives.length * negatives.length), 12);
    expect(body.samples.random.atRed.truePositiveRate).toMatchObject({ count: count(positives, (e) => e.red), total: positives.length });
    expect(body.samples.random.atRed.falsePositiveRate).toMatchObject({ count: count(negatives, (e) => e.red), total: negatives.length });
    const filled = body.samples.random.calibration.filter((b) => b.n > 0);
    expect(filled.map((b) => [b.n, b.observed.count])).toEqual([
      [count(random, (e) => !e.red), count(random, (e) => !e.red && !!e.violation)],
      [count(random, (e) => e.red), count(random, (e) => e.red && !!e.violation)],
    ]);
    const chosen = ENTERPRISES.filter((e) => e.reason === 'risk');
    expect(body.samples.model.violationRate).toMatchObject({ count: count(chosen, (e) => !!e.violation), total: chosen.length });
    expect(body.samples.complaint.inspections).toBe(1);
    expect(body.model).toEqual({ version: MODEL, validation: { validationAuc: 0.72, trainRows: 4000, trainPositives: 700 } });
  });

  it("shows what past inspections found in each colour under a proposed policy's thresholds, beside the active one", async () => {
    // Proposed: 0.15 and 0.65 both fall between 0.1 and 0.7, so every scored inspection is yellow; the active cp-2 splits them red and green.
    const proposal = { version: 'cp-3', thresholds: { yellow: 0.1, red: 0.7 }, state: 'proposed', actor: 'officer-policy', at: '2026-03-01T01:00:00.000Z' };
    await publisher(nc)(ScoringSubjects.colourPolicyChanged, proposal, 'policy-proposed');
    await settled();
    const { status, body } = await getJson<EvidenceBody>(`${h.baseUrl}/api/audits/colour-policies/cp-3?${query}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      version: 'cp-3',
      thresholds: { yellow: 0.1, red: 0.7 },
      active: { version: 'cp-2', thresholds: { yellow: 0.3, red: 0.6 } },
      period: PERIOD,
    });
    const random = explored(ENTERPRISES);
    const found = (list: AuditEnterprise[]) => count(list, (e) => !!e.violation);
    const reds = random.filter((e) => e.red);
    const greens = random.filter((e) => !e.red);
    expect(body.samples.random.scored).toBe(random.length);
    expect(shares(body.samples.random.proposed)).toEqual({ red: [0, 0], yellow: [found(random), random.length], green: [0, 0] });
    expect(shares(body.samples.random.active!)).toEqual({ red: [found(reds), reds.length], yellow: [0, 0], green: [found(greens), greens.length] });
    expect(body.samples.all.scored + body.samples.all.unscored).toBe(visitResults().length);
    expect(body.samples.all.proposed.yellow.total).toBe(body.samples.all.scored);

    expect((await getJson(`${h.baseUrl}/api/audits/colour-policies/cp-404?${query}`)).status).toBe(404);
    // Without dates: the year to today.
    const year = await getJson<EvidenceBody>(`${h.baseUrl}/api/audits/colour-policies/cp-3`);
    expect(year.status).toBe(200);
    expect(Date.parse(year.body.period.to) - Date.parse(year.body.period.from)).toBe(364 * 86_400_000);
  });

  it('measures drift of each factor and of the scores against the training window', async () => {
    const { body } = await getJson<Drift>(`${h.baseUrl}/api/audits/drift?${query}`);
    expect(body.modelVersion).toBe(MODEL);
    expect(body.baselines.factors).toEqual({ kind: 'training-window', ...TRAINING_WINDOW, enterprises: 80 });
    expect(body.baselines.score.kind).toBe('training-window');
    const factor = (name: string) => body.factors.find((f) => f.factor === name)!;
    expect(factor('industry').psi).toBeCloseTo(0, 12);
    expect(factor('employees').psi).toBeCloseTo(0, 12);
    // abnormal_listed: 10 % listed in the baseline, 30 % now.
    const before = count(ENTERPRISES, (e) => e.abnormalBaseline) / 80;
    const now = count(ENTERPRISES, (e) => e.abnormalNow) / 80;
    expect(factor('abnormal_listed').psi).toBeCloseTo(psiTerm(before, now) + psiTerm(1 - before, 1 - now), 12);
    // Scores: two values, so the baseline deciles cut them into green (0.15) and red (0.65) bins.
    const redBefore = count(ENTERPRISES, (e) => e.baselineRed) / 80;
    const redNow = count(ENTERPRISES, (e) => e.red) / 80;
    expect(body.score.psi).toBeCloseTo(psiTerm(redBefore, redNow) + psiTerm(1 - redBefore, 1 - redNow), 12);
    expect(body.score).toMatchObject({ baselineCount: 80, currentCount: 80 });
    const unknown = await getJson<{ message: string }>(`${h.baseUrl}/api/audits/drift?${query}&modelVersion=no-such-model`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/no-such-model/);
  });

  it('says which gaps to act on, whether the AUC is a measurement, and whether drift can be compared', async () => {
    const fairness = await getJson<{ dimensions: { dimension: string; gaps: (Gap & { finding: string; lowest: { count: number; total: number } })[] }[] }>(
      `${h.baseUrl}/api/audits/fairness?${query}&minGroupSize=5`,
    );
    const district = fairness.body.dimensions.find((d) => d.dimension === 'district')!.gaps.find((g) => g.metric === 'selectionRate')!;
    // 24 of 40 against 12 of 40: real (interval above 0) and under four fifths (0.5).
    expect(district).toMatchObject({ finding: 'act', lowest: { group: '440605', count: 12, total: 40 } });
    // Every share gap carries the audit's finding; red is only ever for a significant gap.
    for (const gap of fairness.body.dimensions.flatMap((d) => d.gaps)) {
      if (gap.finding === 'act') expect(gap.interval.low).toBeGreaterThan(0);
      expect(['act', 'watch', 'not-significant', 'not-compared', 'untested']).toContain(gap.finding);
    }
    // 12 random-share inspections, 5 of them violations: too few of each outcome to read an AUC.
    const accuracy = await getJson<{ samples: { random: { aucReading: Record<string, unknown> } } }>(`${h.baseUrl}/api/audits/accuracy?${query}`);
    const random = explored(ENTERPRISES);
    expect(accuracy.body.samples.random.aucReading).toEqual({
      measured: false,
      reason: 'too-few',
      violations: count(random, (e) => !!e.violation),
      clean: count(random, (e) => !e.violation),
      minEach: 10,
      maxWidth: 0.5,
    });
    // The quarter after the training window compares; a period holding the window does not, and says from when one would.
    const after = await getJson<{ comparison: unknown }>(`${h.baseUrl}/api/audits/drift?${query}`);
    expect(after.body.comparison).toEqual({ comparable: true, reason: null, comparableFrom: '2025-07-01' });
    const holding = await getJson<{ comparison: unknown }>(`${h.baseUrl}/api/audits/drift?from=2025-06-01&to=${PERIOD.to}`);
    expect(holding.body.comparison).toEqual({ comparable: false, reason: 'baseline-in-period', comparableFrom: '2025-07-01' });
  });

  it('stores a report, logs its hash in the record, and publishes its public copy', async () => {
    const created = await fetch(`${h.baseUrl}/api/audits/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...PERIOD, actor: 'officer-audit' }),
    });
    expect(created.status).toBe(201);
    const summary = (await created.json()) as Summary;
    expect(summary).toMatchObject({ trigger: 'on-demand', period: PERIOD, publication: null });

    const { body: stored } = await getJson<Summary & { report: { fairness: Fairness; headline: { randomShare: { inspections: number } } } }>(
      `${h.baseUrl}/api/audits/reports/${summary.id}`,
    );
    expect(createHash('sha256').update(canonicalJson(stored.report)).digest('hex')).toBe(summary.sha256);
    expect(stored.report.headline.randomShare.inspections).toBe(12);
    const { body: entry } = await getJson<{ kind: string; subjectRef: string; body: { data: { sha256: string; reportId: string } } }>(
      `${h.baseUrl}/api/audit/entries/${summary.auditSeq}`,
    );
    expect(entry).toMatchObject({ kind: 'algorithm-audit', subjectRef: summary.id, body: { data: { sha256: summary.sha256, reportId: summary.id } } });

    const { body: list } = await getJson<Summary[]>(`${h.baseUrl}/api/audits/reports`);
    expect(list.map((r) => r.id)).toContain(summary.id);
    expect((await getJson(`${h.baseUrl}/api/public/audit-reports/${summary.id}`)).status).toBe(404);
    const publish = () =>
      fetch(`${h.baseUrl}/api/audits/reports/${summary.id}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ actor: 'officer-audit' }),
      });
    expect((await publish()).status).toBe(201);
    expect((await publish()).status).toBe(409);
    const { status, body: published } = await getJson<Summary & { reportSha256: string; report: { format: string } }>(
      `${h.baseUrl}/api/public/audit-reports/${summary.id}`,
    );
    expect(status).toBe(200);
    // The public copy (small groups withheld), its bytes hashing to the sha256 it comes with; the full report's named beside it.
    expect(published.report.format).toBe('tianping.algorithm-audit.public.v1');
    expect(createHash('sha256').update(canonicalJson(published.report)).digest('hex')).toBe(published.sha256);
    expect(published.reportSha256).toBe(summary.sha256);
    // Who asked, published, approved or activated stays with oversight: the public copy names no officer.
    expect(JSON.stringify(published)).not.toMatch(/officer-/);
    expect((await getJson<Summary[]>(`${h.baseUrl}/api/public/audit-reports`)).body.map((r) => r.id)).toEqual([summary.id]);
    const { body: verified } = await getJson<{ ok: boolean }>(`${h.baseUrl}/api/audit/verify`, { method: 'POST' });
    expect(verified.ok).toBe(true);
    await expect(h.dataSource.query(`DELETE FROM oversight.audit_reports`)).rejects.toThrow(/append-only/);
  });

  it('makes the quarterly report once, and none for a quarter with nothing scored', async () => {
    const reports = h.app.get(AuditReportsService);
    const first = await reports.runDueReports(new Date('2026-04-02T03:00:00Z'));
    expect(first).toMatchObject({ status: 'created', period: { label: '2026Q1', ...PERIOD }, report: { trigger: 'scheduled' } });
    const again = await reports.runDueReports(new Date('2026-05-20T03:00:00Z'));
    expect(again).toMatchObject({ status: 'exists', report: { id: first.report!.id } });
    expect(await reports.runDueReports(new Date('2025-04-10T03:00:00Z'))).toMatchObject({ status: 'no-scores', report: null });
    const { body: entries } = await getJson<{ subjectRef: string }[]>(`${h.baseUrl}/api/audit/entries?kind=algorithm-audit`);
    expect(entries.filter((e) => e.subjectRef === first.report!.id)).toHaveLength(1);
  });

  it('counts an inspection of an enterprise not scored in the period in its group, by its earlier score', async () => {
    const js = jetstream(nc);
    const late = { ...baselineScores().scores[0], scoreId: 'late-1', creditCode: '91440604MA99999999', colour: 'green' as const };
    late.contributions = late.contributions.map((c) => (c.factor === 'industry' ? { ...c, value: 'Q' } : c));
    await js.publish(ScoringSubjects.scoresComputed, encodeJson({ batchId: 'late', scores: [late] }), { msgID: 'late-score' });
    await js.publish(DispatchSubjects.visitResultRecorded, encodeJson({ ...visitResults()[0], visitId: 'visit-late', creditCode: late.creditCode }), {
      msgID: 'late-visit',
    });
    await settled();
    const { body } = await getJson<Fairness>(`${h.baseUrl}/api/audits/fairness?${query}`);
    const industry = body.dimensions.find((d) => d.dimension === 'industry')!;
    // No intake subject: industry from the score's factors, the visit counted, the population untouched.
    expect(industry.groups.find((g) => g.group === 'Q')).toMatchObject({ population: 0, violationFoundRate: { total: 1 } });
    expect(body.dimensions.find((d) => d.dimension === 'district')!.groups.find((g) => g.group === 'unknown')).toMatchObject({ population: 0 });
  });

  it('generates the register entry from the active model, its metrics, the colour policy and the kill switch', async () => {
    type Entry = {
      status: { value: string; en: string };
      methods_and_models: { facts: { modelVersion: string; approved: boolean } };
      training_data: { facts: { trainingWindow: typeof TRAINING_WINDOW; trainRows: number } };
      performance: { facts: { validation: Record<string, number>; latestAudit: unknown } };
      human_intervention: { facts: { killSwitch: { suspended: boolean }; colourPolicy: { version: string; thresholds: unknown } } };
      source_data: { facts: { factors: string[]; scoring: { enterprises: number; latestAsOf: string } } };
      objection_procedure: { zh: string; en: string; facts: { appealsRecorded: Record<string, number> } };
      lawful_basis: { zh: string; en: string };
    };
    const { status, body } = await getJson<Entry>(`${h.baseUrl}/api/register`);
    expect(status).toBe(200);
    expect(body.status).toMatchObject({ value: 'operational', en: 'in operation' });
    expect(body.methods_and_models.facts).toMatchObject({ modelVersion: MODEL, approved: true });
    expect(body.training_data.facts).toMatchObject({ trainingWindow: TRAINING_WINDOW, trainRows: 4000 });
    expect(body.performance.facts.validation).toEqual(modelEvents()[2].metrics);
    expect(body.performance.facts.latestAudit).not.toBeNull();
    expect(body.human_intervention.facts.colourPolicy).toMatchObject({ version: 'cp-2', thresholds: { yellow: 0.3, red: 0.6 } });
    expect(body.source_data.facts).toEqual({
      factors: ['abnormal_listed', 'employees', 'industry', 'years_in_operation'],
      scoring: expect.objectContaining({ enterprises: 80, latestAsOf: '2026-01-05' }),
    });
    expect(body.objection_procedure.facts.appealsRecorded).toEqual({});
    expect(body.lawful_basis.zh).toContain('双随机');
    expect(JSON.stringify(body)).not.toMatch(/officer-(legal|tech|policy)/);

    const suspended = await fetch(`${h.baseUrl}/api/kill-switch/suspend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actor: 'officer-9', reason: 'drift in the scores' }),
    });
    expect(suspended.status).toBe(201);
    const { body: after } = await getJson<Entry>(`${h.baseUrl}/api/register`);
    expect(after.status.en).toMatch(/suspended by the kill switch/);
    expect(after.human_intervention.facts.killSwitch.suspended).toBe(true);
  });

  it('counts the reds that still await an officer, in the audit and in the colour counts, without changing any colour', async () => {
    const reds = ENTERPRISES.filter((e) => e.red).length;
    const fairness = async () => (await getJson<{ redAwaitingConfirmation: number; overall: Group }>(`${h.baseUrl}/api/audits/fairness?${query}`)).body;
    const before = await fairness();
    expect(before.overall.flaggedRate.count).toBe(reds);
    expect(before.redAwaitingConfirmation).toBe(reds);
    expect((await getJson(`${h.baseUrl}/api/reviews/reds`)).body).toEqual({ red: reds, awaitingConfirmation: reds });

    const [pending] = await h.dataSource.query(`SELECT score_id FROM oversight.colour_decisions WHERE status = 'pending' ORDER BY score_id LIMIT 1`);
    const confirmed = await fetch(`${h.baseUrl}/api/reviews/confirmations/${encodeURIComponent(pending.score_id)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actor: 'officer-confirm', reasons: 'the file bears the red out' }),
    });
    expect(confirmed.status).toBe(200);
    const after = await fairness();
    // The model's colours are as they were: one red fewer awaits, none fewer is red.
    expect(after.overall.flaggedRate.count).toBe(reds);
    expect(after.redAwaitingConfirmation).toBe(reds - 1);
    expect((await getJson(`${h.baseUrl}/api/reviews/reds`)).body).toEqual({ red: reds, awaitingConfirmation: reds - 1 });
  });
});
