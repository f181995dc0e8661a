import { IntakeSubjects, ScoringSubjects, STREAMS, type CaseChange, type ScoresComputed } from '@tianping/contracts';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { computeFactors, factorRow, industryFailRatesByDay, type FactorContext, type GamModel, type TestWindowMetrics } from '@tianping/risk-model';
import { scoringEventEntries } from '../../../apps/oversight/src/record/scoring-events.mapper';
import { EnterpriseFeaturesRepository } from '../../../apps/scoring/src/features/enterprise-features.repository';
import { EnterpriseHistoryRepository } from '../../../apps/scoring/src/features/enterprise-history.repository';
import { ModelRegistryService, ModelStateError } from '../../../apps/scoring/src/models/model-registry.service';
import { ScorePublisher } from '../../../apps/scoring/src/scores/score-publisher';
import { ScoresRepository } from '../../../apps/scoring/src/scores/scores.repository';
import type { ScorePeriod } from '../../../apps/scoring/src/scores/score-periods.util';
import { ColourPolicyService } from '../../../apps/scoring/src/colour/colour-policy.service';
import { DailyRunScheduler } from '../../../apps/scoring/src/scores/daily-run.scheduler';
import { RESCORE_LOCK } from '../../../apps/scoring/src/scores/rescore.loop';
import { ScoreRunsRepository } from '../../../apps/scoring/src/scores/score-runs.repository';
import { ScoreShardWorkerLoop } from '../../../apps/scoring/src/scores/score-shard-worker.loop';
import { chinaDay } from '@tianping/common';
import { ScoringService, type ScoreRunResult } from '../../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import { projectionsSettled, readSubject, startScoringOnCity, type ScoringHarness } from './scoring-app.harness';
import { withAdvisoryLock } from '@tianping/database';
import { eventually } from '@tianping/testing';
import { activateWithoutOversight } from '../../../tools/bench/scoring.bench';
import { readTruth } from '../../../tools/cli/scoring.commands';

const AS_OF = '2026-01-01';

interface ScoreRow {
  credit_code: string;
  logit: number;
  contributions: number[];
}

describe("scoring a generated city from intake's events", () => {
  let h: ScoringHarness;
  let model: GamModel;
  let firstRun: string;
  /** Each history row of the first run and its xmin, the transaction that last wrote it, taken as the run ends. */
  let writtenBy: Map<string, string>;

  const runScores = (runId: string): Promise<ScoreRow[]> =>
    h.dataSource.query(`SELECT credit_code, logit, contributions FROM scoring.score_history WHERE run_id = $1 ORDER BY credit_code`, [runId]);

  beforeAll(async () => {
    // Big enough that the backtest below has a few hundred test inspections (with 300, its AUC interval was 0.40–0.59).
    h = await startScoringOnCity({ enterprises: 600, years: 3, seed: 5 });
    await projectionsSettled(h);
    model = (await h.app.get(TrainingService).train({ asOf: AS_OF, seed: 3, createdBy: 'test' })).model;
  }, 120_000);
  afterAll(async () => h?.close());

  it('refuses to activate a model that has not been approved', async () => {
    const registry = h.app.get(ModelRegistryService);
    await expect(registry.changeState(model.version, 'active', 'operator')).rejects.toThrow(ModelStateError);
    await activateWithoutOversight(h.app, model.version, 'test');
    const events = await h.dataSource.query(`SELECT from_state, to_state, actor FROM scoring.model_events WHERE version = $1 ORDER BY id`, [model.version]);
    expect(events.map((e: { to_state: string }) => e.to_state)).toEqual(['draft', 'approved', 'active']);
  });

  it('computes in bulk exactly the factors the risk model computes from each history', async () => {
    const features = h.app.get(EnterpriseFeaturesRepository);
    const context = await features.industryContext(AS_OF);
    const bulk = new Map<string, unknown>();
    for await (const chunk of features.factorChunks(AS_OF, model.spec, context, { chunkSize: 97 }))
      chunk.creditCodes.forEach((c, i) => bulk.set(c, factorRow(model.spec.factors, chunk.factors, i)));
    let compared = 0;
    for await (const chunk of h.app.get(EnterpriseHistoryRepository).historyChunks(500)) {
      chunk.histories.forEach((history, i) => {
        const code = chunk.creditCodes[i];
        if (!bulk.has(code)) return; // closed subjects are not scored
        const expected = computeFactors(history, AS_OF, model.spec, context);
        const got = bulk.get(code) as Record<string, unknown>;
        for (const [name, value] of Object.entries(expected)) {
          if (typeof value === 'number') expect(got[name]).toBeCloseTo(value, 9);
          else expect(got[name]).toEqual(value);
        }
        compared++;
      });
    }
    expect(compared).toBe(bulk.size);
    expect(compared).toBeGreaterThan(200);
  });

  it("gives training rows the fail-rate prior as of each inspection's own date, as the prior as of that date", async () => {
    const features = h.app.get(EnterpriseFeaturesRepository);
    const byDay = industryFailRatesByDay(await features.industryInspectionCounts(AS_OF));
    const prior = (ctx: FactorContext, section: string) => ctx.industryFailRate?.[section] ?? ctx.overallFailRate;
    for (const day of ['2023-03-01', '2024-01-01', '2024-07-15', '2025-06-30', AS_OF]) {
      const asOf = await features.industryContext(day);
      for (const section of [...'ABCEFGHIKLMORS', '?']) expect(prior(byDay(day), section)).toBeCloseTo(prior(asOf, section)!, 12);
    }
  });

  it('scores every enterprise so that base plus contributions equal the log-odds, to 1e-6', async () => {
    const run = await h.app.get(ScoringService).scoreAll(AS_OF);
    firstRun = run.runId;
    const written: { id: string; xmin: string }[] = await h.dataSource.query(
      `SELECT id::text AS id, xmin::text AS xmin FROM scoring.score_history WHERE run_id = $1`,
      [run.runId],
    );
    writtenBy = new Map(written.map((r) => [r.id, r.xmin]));
    const rows = await runScores(run.runId);
    expect(rows.length).toBe(run.enterprises);
    for (const row of rows) {
      const sum = row.contributions.reduce((s, c) => s + c, model.base);
      expect(Math.abs(sum - row.logit)).toBeLessThan(1e-6);
    }
  });

  it('never scores an enterprise riskier for having been inspected more recently', async () => {
    const f = model.spec.factors.findIndex((factor) => factor.name === 'days_since_last_inspection');
    const rows: { days: number | null; contribution: number }[] = (
      await h.dataSource.query(`SELECT factor_values, contributions FROM scoring.score_history WHERE run_id = $1`, [firstRun])
    )
      // factor_values is stored in the spec's factor order, as the contributions are.
      .map((r: { factor_values: (number | null)[]; contributions: number[] }) => ({
        days: r.factor_values[f],
        contribution: r.contributions[f],
      }));
    const inspected = rows.filter((r) => r.days !== null).sort((a, b) => a.days! - b.days!);
    expect(inspected.length).toBeGreaterThan(100);
    // The shape must really vary across these enterprises, or the order below would prove nothing.
    expect(inspected.at(-1)!.contribution - inspected[0].contribution).toBeGreaterThan(0.01);
    for (let i = 1; i < inspected.length; i++) expect(inspected[i].contribution).toBeGreaterThanOrEqual(inspected[i - 1].contribution - 1e-12);
  });

  it('leaves out of a run as of a past day the enterprises not yet established on it', async () => {
    const day = '2024-07-01';
    const [counts]: { live: number; established: number }[] = await h.dataSource.query(
      `SELECT count(*)::int AS live, count(*) FILTER (WHERE established_on IS NULL OR established_on <= $2)::int AS established
         FROM scoring.subjects WHERE status = ANY($1::text[])`,
      [['存续', '在业'], day],
    );
    expect(counts.established).toBeLessThan(counts.live);
    const run = await h.app.get(ScoringService).scoreAll(day);
    expect(run.enterprises).toBe(counts.established);
    const [unborn] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM scoring.score_history x JOIN scoring.subjects s USING (credit_code) WHERE x.run_id = $1 AND s.established_on > $2`,
      [run.runId, day],
    );
    expect(unborn.n).toBe(0);
  });

  it("publishes every score with its explanation, in batches oversight's record accepts", async () => {
    await h.app.get(ScorePublisher).drain();
    const messages = (await readSubject(h.js, STREAMS.scoring.name, ScoringSubjects.scoresComputed)) as ScoresComputed[];
    const scores = messages.flatMap((m) => m.scores);
    expect(scores.length).toBeGreaterThan(200);
    for (const m of messages) {
      expect(m.scores.length).toBeLessThanOrEqual(500);
      // NATS refuses messages over its max_payload (1 MB by default).
      expect(Buffer.byteLength(JSON.stringify(m))).toBeLessThan(1024 * 1024);
      expect(scoringEventEntries(ScoringSubjects.scoresComputed, m).length).toBe(m.scores.length);
    }
    for (const s of scores) {
      expect(Math.abs(s.contributions.reduce((t, c) => t + c.contribution, s.base) - s.logit)).toBeLessThan(1e-6);
      expect(s.modelVersion).toBe(model.version);
      expect(s.inputFingerprint).toMatch(/^[0-9a-f]{64}$/);
      for (const r of s.reasons) expect(r.zh.length * r.en.length).toBeGreaterThan(0);
      const actionable = new Set(model.spec.factors.filter((f) => f.actionable).map((f) => f.name));
      for (const suggestion of s.suggestions) expect(actionable.has(suggestion.factor)).toBe(true);
    }
    expect(scores.some((s) => s.reasons.length > 0)).toBe(true);
    // Every score of the run went out, none waits in the outbox, and publishing rewrote no history row.
    const sent = new Set(scores.map((s) => s.scoreId));
    for (const id of writtenBy.keys()) expect(sent.has(`scoring-${id}`)).toBe(true);
    const waiting = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM scoring.score_outbox o JOIN scoring.score_history h ON h.id BETWEEN o.first_id AND o.last_id WHERE h.run_id = $1`,
      [firstRun],
    );
    expect(waiting[0].n).toBe(0);
    const now: { id: string; xmin: string }[] = await h.dataSource.query(
      `SELECT id::text AS id, xmin::text AS xmin FROM scoring.score_history WHERE run_id = $1`,
      [firstRun],
    );
    expect(new Map(now.map((r) => [r.id, r.xmin]))).toEqual(writtenBy);
    const versions = await readSubject(h.js, STREAMS.scoring.name, ScoringSubjects.modelStateChanged);
    for (const v of versions) expect(scoringEventEntries(ScoringSubjects.modelStateChanged, v)).toHaveLength(1);
  });

  it("backtests on the ingested data: the model's AUC below the truth's own, every figure with its 95 % interval", async () => {
    const truth = readTruth(join(h.cityDir, h.manifest.truth.enterprises));
    const { metrics, rows } = await h.app
      .get(TrainingService)
      .backtest({ trainUntil: '2025-01-01', testFrom: '2025-01-01', testTo: '2025-12-31', seed: 3, truth });
    const m = metrics as unknown as TestWindowMetrics;
    expect(m.testRows).toBe(rows.length);
    expect(m.testRows).toBeGreaterThan(100);
    expect(m.auc).toBeGreaterThan(0.5);
    expect(m.auc).toBeLessThanOrEqual(m.truthAuc!);
    for (const [figure, [low, high]] of [
      [m.auc, m.aucInterval],
      [m.daysEarlier, m.daysEarlierInterval],
    ] as const) {
      expect(low).toBeLessThan(figure);
      expect(high).toBeGreaterThan(figure);
    }
    // A second backtest with the same seed reports the same intervals.
    const again = (await h.app.get(TrainingService).backtest({ trainUntil: '2025-01-01', testFrom: '2025-01-01', testTo: '2025-12-31', seed: 3, truth }))
      .metrics;
    expect(again.daysEarlierInterval).toEqual(m.daysEarlierInterval);
  }, 120_000);

  it('says a backtest window holds nothing to test, or ends before it starts, before training for it', async () => {
    const training = h.app.get(TrainingService);
    // Trained first, the empty window would have been hidden behind the empty training period.
    await expect(training.backtest({ trainUntil: '2010-01-01', testFrom: '2030-01-01', testTo: '2030-06-30', seed: 3 })).rejects.toThrow(
      'no inspections in the test window (2030-01-01 to 2030-06-30)',
    );
    await expect(training.backtest({ trainUntil: '2025-01-01', testFrom: '2025-12-31', testTo: '2025-01-01', seed: 3 })).rejects.toThrow(
      'the test window must not end before it starts',
    );
  });

  it('says how many enterprises it holds when none was inspected before the training day', async () => {
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM scoring.subjects`);
    await expect(h.app.get(TrainingService).train({ asOf: '2010-01-01', seed: 3, createdBy: 'test' })).rejects.toThrow(
      `no inspections before 2010-01-01 to train on (${n} enterprises, none inspected before then)`,
    );
  });

  it('a score as of D does not change when records dated on or after D arrive, nor when other officers are named', async () => {
    const before = await runScores(firstRun);
    const codes = before.slice(0, 40).map((r) => r.credit_code);
    const cases: CaseChange[] = await h.dataSource.query(
      `SELECT case_no AS "caseNo", credit_code AS "creditCode", department, kind, to_char(date, 'YYYY-MM-DD') AS date, violation_found AS "violationFound",
              officer_ids AS "officerIds" FROM scoring.cases WHERE credit_code = ANY($1::text[])`,
      [codes],
    );
    const later = new Date(Date.now() + 60_000).toISOString();
    const reassigned = cases.map((c) => ({
      ...c,
      origin: '其他',
      items: [],
      result: null,
      penaltyYuan: 0,
      officerIds: ['ZZ-OTHER-1', 'ZZ-OTHER-2'],
      updatedAt: later,
    }));
    const late = codes.map((code, i) => ({
      caseNo: `LATE-${i}`,
      creditCode: code,
      department: 'SAMR',
      kind: '检查',
      origin: '其他',
      date: AS_OF,
      items: [],
      result: '立案查处',
      violationFound: true,
      penaltyYuan: 0,
      officerIds: ['X1', 'X2'],
      updatedAt: later,
    }));
    const lateClues = codes.map((code, i) => ({
      clueId: `LATE-CLUE-${i}`,
      channel: '12345',
      receivedAt: `${AS_OF}T00:00:01+08:00`,
      linkedCreditCode: code,
      linkMethod: 'credit_code',
      category: 'other',
      department: 'SAMR',
      verified: true,
      status: 'pending',
      updatedAt: later,
    }));
    await h.publish(IntakeSubjects.casesUpserted, { batchId: 'reassign', records: [...reassigned, ...late] });
    await h.publish(IntakeSubjects.cluesUpserted, { batchId: 'late-clues', records: lateClues });
    await eventually(async () => {
      const [row] = await h.dataSource.query(
        `SELECT (SELECT count(*) FROM scoring.cases WHERE case_no LIKE 'LATE-%')::int AS late,
                (SELECT count(*) FROM scoring.cases WHERE 'ZZ-OTHER-1' = ANY(officer_ids))::int AS reassigned,
                (SELECT count(*) FROM scoring.clues WHERE clue_id LIKE 'LATE-CLUE-%')::int AS clues`,
      );
      return row.late === codes.length && row.reassigned === cases.length && row.clues === codes.length;
    }, 'the late records and re-assigned officers to be projected');
    const rerun = await h.app.get(ScoringService).scoreEnterprises(codes, AS_OF);
    const after = new Map((await runScores(rerun.runId)).map((r) => [r.credit_code, r.logit]));
    expect(after.size).toBe(codes.length);
    for (const row of before.filter((r) => after.has(r.credit_code))) expect(after.get(row.credit_code)).toBe(row.logit);
  });

  it('re-scores an enterprise when intake publishes a change to it', async () => {
    const [subject] = await h.dataSource.query(
      `SELECT s.credit_code, c.score_id::text AS score_id FROM scoring.subjects s JOIN scoring.current_scores c USING (credit_code) WHERE NOT s.abnormal_listed LIMIT 1`,
    );
    const [intakeRow] = await h.dataSource.query(
      `SELECT credit_code AS "creditCode", name, to_char(established_on, 'YYYY-MM-DD') AS "establishedOn", registered_capital_wan::float8 AS "registeredCapitalWan",
              shareholder_subscribed_wan::float8 AS "shareholderSubscribedWan", employees, industry_code AS "industryCode", region_code AS "regionCode",
              status, legal_rep_changes_2y AS "legalRepChanges2y" FROM intake.subjects WHERE credit_code = $1`,
      [subject.credit_code],
    );
    await h.app.get(ScoringService).scoreAll(); // as of today, so the change's re-score replaces a same-day score
    const change = {
      ...intakeRow,
      address: null,
      addressKey: null,
      lng: null,
      lat: null,
      abnormalListed: true,
      updatedAt: new Date(Date.now() + 120_000).toISOString(),
    };
    const [{ score_id: current }] = await h.dataSource.query(`SELECT score_id::text AS score_id FROM scoring.current_scores WHERE credit_code = $1`, [
      subject.credit_code,
    ]);
    await h.publish(IntakeSubjects.subjectsUpserted, { batchId: 'abnormal', records: [change] });
    const rescored = await eventually(async () => {
      const [row] = await h.dataSource.query(`SELECT score_id::text AS score_id, probability FROM scoring.current_scores WHERE credit_code = $1`, [
        subject.credit_code,
      ]);
      return row.score_id !== current ? row : null;
    }, 'the change to be re-scored');
    const { body } = await h.http<{ creditCode: string; contributions: { factor: string; value: unknown }[]; modelVersion: string }>(
      `/api/scores/${subject.credit_code}`,
    );
    expect(body.creditCode).toBe(subject.credit_code);
    expect(body.contributions.find((c) => c.factor === 'abnormal_listed')?.value).toBe(true);
    expect(body.modelVersion).toBe(model.version);
    expect(rescored.probability).toBeGreaterThan(0);

    // Its history: the re-score opens a stretch of its own, and says the listing is what moved.
    const history = await h.http<{ periods: ScorePeriod[]; more: boolean; complete: boolean }>(`/api/scores/${subject.credit_code}/history`);
    expect(history.status).toBe(200);
    const [latest] = history.body.periods;
    expect(latest).toMatchObject({ scoreId: `scoring-${rescored.score_id}`, scores: 1, probability: rescored.probability });
    expect(latest.change?.factors[0]).toMatchObject({ factor: 'abnormal_listed', from: false, to: true });
    expect(latest.change?.factors[0].contributionChange).toBeGreaterThan(0);
    expect(latest.change?.model).toBe(false);
    // Every stored score is in one stretch or another: runs that scored it alike make one.
    const runs = await h.dataSource.query(`SELECT count(*)::int AS n FROM scoring.score_history WHERE credit_code = $1`, [subject.credit_code]);
    expect(history.body.periods.reduce((sum, p) => sum + p.scores, 0)).toBe(runs[0].n);
    expect(history.body.complete).toBe(true);
    expect((await h.http(`/api/scores/${subject.credit_code}/history?limit=0`)).status).toBe(400);
  });

  it('names in every score from the first one that read them the appeal-correction batches its inputs include', async () => {
    const [held] = await h.dataSource.query(
      `SELECT k.case_no AS "caseNo", k.credit_code AS "creditCode", k.department, k.kind, to_char(k.date, 'YYYY-MM-DD') AS date, k.officer_ids AS "officerIds",
              k.updated_at AS "updatedAt", c.score_id::text AS "scoreId"
         FROM scoring.cases k JOIN scoring.current_scores c USING (credit_code) JOIN scoring.subjects s USING (credit_code)
        WHERE k.violation_found AND s.status IN ('存续', '在业') ORDER BY k.case_no LIMIT 1`,
    );
    const { scoreId: before, updatedAt, ...record } = held;
    const revoked: CaseChange = {
      ...record,
      origin: '双随机',
      items: [],
      result: 'revoked on appeal',
      violationFound: false,
      penaltyYuan: 0,
      updatedAt: new Date(new Date(updatedAt).getTime() + 1).toISOString(),
    };
    const correctedOnAppeal = { appealId: 'AP-SCORING-1', creditCode: record.creditCode };
    await h.publish(IntakeSubjects.casesUpserted, { batchId: 'appeal-batch-1', records: [revoked], correctedOnAppeal });
    const named = async (creditCode: string) => {
      const [row] = await h.dataSource.query(
        `SELECT c.score_id::text AS "scoreId", b.batch_ids AS "batchIds" FROM scoring.current_scores c
           LEFT JOIN scoring.score_correction_batches b ON b.score_id = c.score_id WHERE c.credit_code = $1`,
        [creditCode],
      );
      return row as { scoreId: string; batchIds: string[] | null };
    };
    const rescored = await eventually(async () => {
      const row = await named(record.creditCode);
      return row.scoreId !== before ? row : null;
    }, 'the corrected enterprise to be re-scored');
    expect(rescored.batchIds).toEqual(['appeal-batch-1']);

    // A full run (in shards) names it too; the other enterprises' scores name nothing.
    await h.app.get(ScoringService).scoreAll();
    const again = await named(record.creditCode);
    expect(again.scoreId).not.toBe(rescored.scoreId);
    expect(again.batchIds).toEqual(['appeal-batch-1']);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM scoring.score_correction_batches`);
    expect(n).toBe(2);

    // Published with the score, and accepted by oversight's record.
    await h.app.get(ScorePublisher).drain();
    const messages = (await readSubject(h.js, STREAMS.scoring.name, ScoringSubjects.scoresComputed)) as ScoresComputed[];
    const scores = messages.flatMap((m) => m.scores);
    expect(scores.find((sc) => sc.scoreId === `scoring-${again.scoreId}`)?.correctionBatches).toEqual(['appeal-batch-1']);
    expect(scores.filter((sc) => sc.correctionBatches).map((sc) => sc.scoreId)).toEqual([`scoring-${rescored.scoreId}`, `scoring-${again.scoreId}`]);
    for (const m of messages) expect(scoringEventEntries(ScoringSubjects.scoresComputed, m).length).toBe(m.scores.length);

    // Delivered again, the batch is kept once and changes nothing: no mark, no new score.
    await h.publish(IntakeSubjects.casesUpserted, { batchId: 'appeal-batch-1', records: [revoked], correctedOnAppeal });
    await eventually(async () => {
      const info = await (await jetstreamManager(h.client)).consumers.info(STREAMS.intake.name, 'scoring-cases');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, 'the batch delivered again to be taken');
    expect(await h.dataSource.query(`SELECT batch_id, appeal_id, credit_code FROM scoring.appeal_correction_batches`)).toEqual([
      { batch_id: 'appeal-batch-1', appeal_id: 'AP-SCORING-1', credit_code: record.creditCode },
    ]);
    expect(await h.dataSource.query(`SELECT 1 FROM scoring.dirty_enterprises WHERE credit_code = $1`, [record.creditCode])).toEqual([]);
    expect((await named(record.creditCode)).scoreId).toBe(again.scoreId);
  });

  it('re-scores an enterprise whose re-scoring was cut off before its score was written', async () => {
    const [{ credit_code: code, score_id: before }] = await h.dataSource.query(
      `SELECT c.credit_code, c.score_id::text AS score_id FROM scoring.current_scores c JOIN scoring.subjects s USING (credit_code)
       WHERE s.status IN ('存续', '在业') ORDER BY c.credit_code DESC LIMIT 1`,
    );
    const scores = h.app.get(ScoresRepository);
    await scores.markDirty([code]);
    // A re-scorer reads the marks, then dies (SIGKILL) before writing any score.
    expect((await scores.dirtyMarks(20_000)).map((m) => m.creditCode)).toContain(code);
    // The run writes the score first and clears the mark after it (a crash in between re-scores again).
    const after = await eventually(async () => {
      const [row] = await h.dataSource.query(
        `SELECT score_id::text AS score_id, EXISTS (SELECT 1 FROM scoring.dirty_enterprises WHERE credit_code = $1) AS marked
         FROM scoring.current_scores WHERE credit_code = $1`,
        [code],
      );
      return row.score_id !== before && !row.marked ? row.score_id : null;
    }, 'the enterprise to be re-scored by the next run and its mark cleared');
    expect(after).not.toBe(before);
  });

  it('leaves the marks a full run under way as of today will cover to it, and keeps those a run as of a past day cannot', async () => {
    const scores = h.app.get(ScoresRepository);
    const [{ credit_code: before }, { credit_code: during }] = await h.dataSource.query(
      `SELECT credit_code FROM scoring.subjects WHERE status IN ('存续', '在业') ORDER BY credit_code LIMIT 2`,
    );
    const marked = async () => (await scores.dirtyMarks(20_000)).map((m) => m.creditCode);
    /** A full run as planned (no shards needed here), started now and not finished. */
    const startRun = async (asOf: string): Promise<string> => {
      const [run] = await h.dataSource.query(
        `INSERT INTO scoring.score_runs (kind, as_of, model_version, policy_version)
         SELECT 'all', $1, model_version, policy_version FROM scoring.score_runs ORDER BY id DESC LIMIT 1 RETURNING id::text AS id`,
        [asOf],
      );
      return run.id;
    };
    const fail = (runId: string) => h.dataSource.query(`UPDATE scoring.score_runs SET failure = 'test' WHERE id = $1`, [runId]);
    // Holding the loop's lock keeps it from re-scoring (and clearing) the marks while they are looked at.
    await withAdvisoryLock(
      h.dataSource,
      RESCORE_LOCK,
      async () => {
        await scores.markDirty([before]);
        const past = await startRun(AS_OF);
        expect(await marked()).toContain(before);
        await scores.clearDirtyBefore(past); // its scores do not replace today's: the change still needs one
        expect(await marked()).toContain(before);
        await fail(past);

        const today = await startRun(chinaDay());
        await scores.markDirty([during]);
        expect(await marked()).not.toContain(before); // the run reads the change: the loop leaves it
        expect(await marked()).toContain(during); // made after the run started: the loop's
        await fail(today);
        expect(await marked()).toContain(before); // a failed run covers nothing
        await scores.clearDirtyBefore(today);
        expect(await marked()).not.toContain(before);
        expect(await marked()).toContain(during);
      },
      true,
    );
  });

  it('keeps the mark of a change begun before a full run started but committed after, for the loop to score', async () => {
    const scores = h.app.get(ScoresRepository);
    const [{ credit_code: late }] = await h.dataSource.query(
      `SELECT credit_code FROM scoring.subjects WHERE status IN ('存续', '在业') ORDER BY credit_code DESC LIMIT 1 OFFSET 3`,
    );
    const marked = async () => (await scores.dirtyMarks(20_000)).map((m) => m.creditCode);
    await withAdvisoryLock(
      h.dataSource,
      RESCORE_LOCK,
      async () => {
        // A projection's transaction begins (its marks take their time from here)…
        const change = h.dataSource.createQueryRunner();
        await change.startTransaction();
        await change.query(`SELECT 1`);
        await new Promise((r) => setTimeout(r, 20));
        // …a full run as of today starts, and its shards read before the change commits…
        const [run] = await h.dataSource.query(
          `INSERT INTO scoring.score_runs (kind, as_of, model_version, policy_version)
           SELECT 'all', $1, model_version, policy_version FROM scoring.score_runs ORDER BY id DESC LIMIT 1 RETURNING id::text AS id`,
          [chinaDay()],
        );
        await scores.markDirty([late], change.manager);
        await change.commitTransaction();
        await change.release();
        // …so the run's end must not clear it: its shards never saw the change.
        expect(await marked()).toContain(late);
        await scores.clearDirtyBefore(run.id);
        expect(await marked()).toContain(late);
        await h.dataSource.query(`UPDATE scoring.score_runs SET failure = 'test' WHERE id = $1`, [run.id]);
      },
      true,
    );
  });

  it('serves lists, models, colour policies and a summary, and refuses bad queries', async () => {
    const list = await h.http<{ scores: { colour: string }[] }>('/api/scores?colour=green&limit=5');
    expect(list.status).toBe(200);
    for (const s of list.body.scores) expect(s.colour).toBe('green');
    expect((await h.http('/api/scores?colour=purple')).status).toBe(400);
    expect((await h.http('/api/scores?limit=0')).status).toBe(400);
    const models = await h.http<{ version: string; state: string }[]>('/api/models');
    expect(models.body.find((m) => m.version === model.version)?.state).toBe('active');
    const one = await h.http<{ events: unknown[] }>(`/api/models/${encodeURIComponent(model.version)}`);
    expect(one.body.events).toHaveLength(3);
    // What the legal sign-off reads: the twelve factors with the range of each one's contribution.
    const factors = await h.http<{ factors: { name: string; actionable: boolean; effect: { low: number; high: number } }[] }>(
      `/api/models/${encodeURIComponent(model.version)}/factors`,
    );
    expect(factors.body.factors).toHaveLength(12);
    expect(factors.body.factors.find((f) => f.name === 'industry')?.actionable).toBe(false);
    for (const f of factors.body.factors) expect(f.effect.low).toBeLessThanOrEqual(f.effect.high);
    expect((await h.http('/api/models/no-such-version/factors')).status).toBe(404);
    const policies = await h.http<{ state: string }[]>('/api/colour-policies');
    expect(policies.body.filter((p) => p.state === 'active')).toHaveLength(1);
    const summary = await h.http<{ activeModel: string; byColour: Record<string, number> }>('/api/scoring/summary');
    expect(summary.body.activeModel).toBe(model.version);
    expect(Object.values(summary.body.byColour).reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
    // What a proposed policy would change, for whoever signs it off: the current scores under its thresholds beside the active one's.
    type Counts = { total: number; green: number; yellow: number; red: number };
    const proposed = await h.app.get(ColourPolicyService).propose({ yellow: 0.1, red: 0.2 }, 'impact-test');
    const impact = await h.http<{ counts: Counts; active: { version: string; counts: Counts } }>(
      `/api/colour-policies/${encodeURIComponent(proposed.version)}/impact`,
    );
    expect(impact.status).toBe(200);
    const { counts, active } = impact.body;
    expect(counts.total).toBe(active.counts.total);
    expect(counts.green + counts.yellow + counts.red).toBe(counts.total);
    // Lower thresholds colour more enterprises red, fewer green; the active policy's counts are the scores' own colours.
    expect(counts.red).toBeGreaterThanOrEqual(active.counts.red);
    expect(counts.green).toBeLessThanOrEqual(active.counts.green);
    expect(active.counts).toMatchObject({
      green: summary.body.byColour.green ?? 0,
      yellow: summary.body.byColour.yellow ?? 0,
      red: summary.body.byColour.red ?? 0,
    });
    expect((await h.http('/api/colour-policies/no-such-policy/impact')).status).toBe(404);
    // A preview (the CLI's --dry-run) gives the proposal's counts without proposing anything; thresholds a proposal refuses, it refuses.
    const before = (await h.http<unknown[]>('/api/colour-policies')).body.length;
    const preview = await h.app.get(ColourPolicyService).preview({ yellow: 0.1, red: 0.2 });
    expect(preview).toEqual({
      thresholds: { yellow: 0.1, red: 0.2 },
      counts,
      active: { version: active.version, thresholds: expect.any(Object), counts: active.counts },
    });
    await expect(h.app.get(ColourPolicyService).preview({ yellow: 0.5, red: 0.4 })).rejects.toThrow('need 0 < yellow < red < 1');
    expect((await h.http<unknown[]>('/api/colour-policies')).body).toHaveLength(before);
  });

  it("plans the day's full run once its time has come, once a day, and the service scores it", async () => {
    const runs = h.app.get(ScoreRunsRepository);
    const policies = h.app.get(ColourPolicyService);
    const scheduler = new DailyRunScheduler(
      { at: { hour: 2, minute: 0 } },
      h.app.get(ScoringService),
      runs,
      h.app.get(ModelRegistryService),
      policies,
      h.dataSource,
    );
    // Tomorrow, so that no run as of the day exists yet (an earlier test scored as of today).
    const day = new Date(Date.parse(`${chinaDay()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const at = (hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
    expect(await scheduler.runIfDue(at('01:59'))).toBeNull();
    const runId = await scheduler.runIfDue(at('02:00'));
    expect(runId).toEqual(expect.any(String));
    expect(await scheduler.runIfDue(at('02:01'))).toBeNull(); // under way
    const done = await eventually(async () => {
      const progress = await runs.progress(runId!);
      return progress.finished ? progress : null;
    }, "the service's shard worker to score the day's run");
    const [{ live }] = await h.dataSource.query(`SELECT count(*)::int AS live FROM scoring.subjects WHERE status IN ('存续', '在业')`);
    expect(done.enterprises).toBe(live);
    const [{ current }] = await h.dataSource.query(`SELECT count(*)::int AS current FROM scoring.current_scores WHERE as_of = $1 AND run_id = $2`, [
      day,
      runId,
    ]);
    expect(current).toBe(live);
    expect(await scheduler.runIfDue(at('23:59'))).toBeNull(); // made
    // The day's scores are the active model's and policy's: once another is active, they are made again.
    const policy = (await policies.active()).version;
    expect(await runs.fullRunMadeOrUnderWay(day, model.version, policy)).toBe(true);
    expect(await runs.fullRunMadeOrUnderWay(day, `${model.version}-next`, policy)).toBe(false);
    expect(await runs.fullRunMadeOrUnderWay(day, model.version, `${policy}-next`)).toBe(false);
    // Right after an activation the operator's own score --all goes first.
    expect(await runs.activatedSince(model.version, policy, new Date(Date.now() - 3_600_000))).toBe(true);
    expect(await runs.activatedSince(model.version, policy, new Date(Date.now() + 1_000))).toBe(false);
  });

  it('joins a full run as of the same day already under way instead of planning it again', async () => {
    const scoring = h.app.get(ScoringService);
    const day = new Date(Date.parse(`${chinaDay()}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const runsOfDay = async () =>
      (await h.dataSource.query(`SELECT id::text AS id FROM scoring.score_runs WHERE kind = 'all' AND as_of = $1`, [day])).map((r: { id: string }) => r.id);
    // The service's own shard worker is paused, so the planned run waits in the queue, under way.
    const serviceWorker = h.app.get(ScoreShardWorkerLoop);
    await serviceWorker.beforeApplicationShutdown();
    let planned: string;
    let joined: ScoreRunResult;
    try {
      planned = (await scoring.planAll(day, { work: false })).runId;
      joined = await scoring.scoreAll(day);
    } finally {
      serviceWorker.onApplicationBootstrap();
    }
    expect(joined!.runId).toBe(planned!);
    expect(joined!.joined).toBe(true);
    expect(await runsOfDay()).toEqual([planned!]);
    const [{ live }] = await h.dataSource.query(`SELECT count(*)::int AS live FROM scoring.subjects WHERE status IN ('存续', '在业')`);
    expect(joined!.enterprises).toBe(live);
    // Once it is made, asking again scores again: the operator may want today's data read afresh.
    const again = await scoring.scoreAll(day);
    expect(again.joined).toBeUndefined();
    expect(await runsOfDay()).toEqual(expect.arrayContaining([planned!, again.runId]));
  });
});
