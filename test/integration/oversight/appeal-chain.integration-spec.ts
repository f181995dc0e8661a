import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { generateSigningKey } from '@tianping/audit-log';
import { generateCity } from '@tianping/synthetic-city';
import { createTestDatabase, listenTestApp, startTestNats, type TestDatabase, type TestNats, eventually, requestJson } from '@tianping/testing';
import { IngestService } from '../../../apps/intake/src/ingest/ingest.service';
import { IntakeModule } from '../../../apps/intake/src/intake.module';
import type { AppealView } from '../../../apps/oversight/src/reviews/appeals.service';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import { ModelRegistryService } from '../../../apps/scoring/src/models/model-registry.service';
import { ProjectionRepository } from '../../../apps/scoring/src/projection/projection.repository';
import { ScoringModule } from '../../../apps/scoring/src/scoring.module';
import { ScoringService } from '../../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';

type App = { app: NestExpressApplication; baseUrl: string };
const http = requestJson;
const until = <T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 60_000) => eventually(probe, what, timeoutMs, 200);

/**
 * An appeal from filing to decision to re-score over the real intake, scoring and oversight services:
 * a complaint the enterprise says is not about it is unlinked by intake, scoring re-scores the
 * enterprise without it, and the appeal closes showing before and after.
 */
describe('an appeal that corrects a record travels through intake and scoring and closes on the new score', () => {
  const today = new Date().toISOString().slice(0, 10);
  let db: TestDatabase;
  let nats: TestNats;
  let cityDir: string;
  let intake: App;
  let scoring: App;
  let oversight: App;
  let sql: DataSource;
  let modelVersion: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-audit-key-')), 'audit-signing-key.pem');
    writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
    cityDir = mkdtempSync(join(tmpdir(), 'tianping-appeal-city-'));
    await generateCity({ enterprises: 250, years: 3, seed: 11, endDate: today, outDir: cityDir });
    intake = await listenTestApp(IntakeModule);
    scoring = await listenTestApp(ScoringModule);
    oversight = await listenTestApp(OversightModule);
    sql = intake.app.get(DataSource);
    await intake.app.get(IngestService).ingestDirectory(cityDir);
    const [expected] = await sql.query(`SELECT (SELECT count(*) FROM intake.subjects)::int AS subjects, (SELECT count(*) FROM intake.clues)::int AS clues`);
    await until(async () => {
      const c = await scoring.app.get(ProjectionRepository).counts();
      return c.subjects === expected.subjects && c.clues === expected.clues;
    }, 'scoring projections');
    const { model } = await scoring.app.get(TrainingService).train({ asOf: today, seed: 3, createdBy: 'trainer-li' });
    modelVersion = model.version;
    const registry = scoring.app.get(ModelRegistryService);
    // Four eyes in oversight: a technical and a legal sign-off by two people who did not train it.
    await until(async () => (await http(oversight.baseUrl, 'GET', `/api/approvals/models/${modelVersion}`)).status === 200, 'oversight to hear of the model');
    for (const [actor, role] of [
      ['approver-wang', 'technical'],
      ['approver-sun', 'legal'],
    ]) {
      const signed = await http(oversight.baseUrl, 'POST', `/api/approvals/models/${modelVersion}/sign-offs`, {
        actor,
        role,
        decision: 'approve',
        reasons: '复核通过 reviewed and approved',
      });
      expect(signed.status).toBe(201);
    }
    await until(
      async () => (await sql.query(`SELECT state FROM scoring.model_versions WHERE version = $1`, [modelVersion]))[0]?.state === 'approved',
      'scoring to apply the grant',
    );
    await registry.changeState(modelVersion, 'active', 'operator-zhou');
    await scoring.app.get(ScoringService).scoreAll(today);
    await until(async () => (await sql.query(`SELECT count(*)::int AS n FROM oversight.current_scores`))[0].n > 200, 'scores in oversight');
    await until(
      async () => (await sql.query(`SELECT count(*)::int AS n FROM oversight.audit_entries WHERE kind = 'model-version'`))[0].n >= 3,
      'model events in the record',
    );
    await sql.query(`DELETE FROM scoring.dirty_enterprises`);
  }, 240_000);

  /** The enterprise's current score in scoring, and its count of complaints in the last 12 months. */
  const complaintsOf = async (creditCode: string) => {
    const score = (await http<{ scoreId: string; contributions: { factor: string; value: number }[] }>(scoring.baseUrl, 'GET', `/api/scores/${creditCode}`))
      .body;
    return { scoreId: String(score.scoreId), value: score.contributions.find((c) => c.factor === 'complaints_12m')!.value };
  };

  /** An enterprise with a recent complaint linked to it (which the complaints factor counts), and no appeal yet. */
  const enterpriseWithComplaint = async (): Promise<{ creditCode: string; clueId: string }> => {
    const [target] = await scoring.app.get(DataSource).query(
      `SELECT k.linked_credit_code AS "creditCode", k.clue_id AS "clueId"
         FROM intake.clues k JOIN scoring.current_scores s ON s.credit_code = k.linked_credit_code
        WHERE k.received_at > now() - interval '300 days' AND k.verified IS NOT FALSE
          AND NOT EXISTS (SELECT 1 FROM oversight.appeals a WHERE a.credit_code = k.linked_credit_code)
        ORDER BY k.clue_id LIMIT 1`,
    );
    expect(target).toBeDefined();
    return target;
  };
  /** The enterprise appeals against its score: the complaint is about another shop of the same name. */
  const appealComplaint = async (target: { creditCode: string; clueId: string }, actor: string) => {
    const filed = await http<AppealView>(oversight.baseUrl, 'POST', '/api/appeals', {
      actor,
      creditCode: target.creditCode,
      grounds: '这条投诉说的是隔壁同名门店，与本企业无关。',
      challenges: [{ kind: 'clue', recordId: target.clueId, claim: '投诉对象不是本企业' }],
    });
    expect(filed.status).toBe(201);
    return filed;
  };

  afterAll(async () => {
    await oversight?.app.close();
    await scoring?.app.close();
    await intake?.app.close();
    await nats?.stop();
    await db?.drop();
    rmSync(cityDir, { recursive: true, force: true });
  });

  it('walks the appeal: filed, refused to those with a part in the score, decided, corrected by intake, re-scored', async () => {
    const target = await enterpriseWithComplaint();
    const complaints = () => complaintsOf(target.creditCode);
    const before = await complaints();
    const filed = await appealComplaint(target, 'ent-user');
    const id = filed.body.id;

    for (const involved of ['trainer-li', 'approver-wang', 'approver-sun', 'operator-zhou']) {
      expect((await http(oversight.baseUrl, 'POST', `/api/appeals/${id}/claim`, { actor: involved })).status).toBe(403);
    }
    expect((await http(oversight.baseUrl, 'POST', `/api/appeals/${id}/claim`, { actor: 'reviewer-chen' })).status).toBe(200);
    const decided = await http<AppealView>(oversight.baseUrl, 'POST', `/api/appeals/${id}/decision`, {
      actor: 'reviewer-chen',
      outcome: 'corrected',
      reasons: '核实投诉地址为另一家门店，解除关联并重新评分。',
      corrections: [{ kind: 'clue', recordId: target.clueId, action: 'unlink' }],
    });
    expect(decided.body).toMatchObject({ status: 'awaiting-rescore', outcome: 'corrected' });

    // Intake applies the correction; scoring re-scores the enterprise; oversight closes the appeal.
    const closed = await until(async () => {
      const view = (await http<AppealView>(oversight.baseUrl, 'GET', `/api/appeals/${id}`)).body;
      return view.status === 'decided' ? view : null;
    }, 'the appeal closed by the re-score');
    const [clue] = await sql.query(`SELECT linked_credit_code FROM intake.clues WHERE clue_id = $1`, [target.clueId]);
    expect(clue.linked_credit_code).toBeNull();
    const after = await complaints();
    expect(closed.steps.map((s) => s.step)).toEqual(['filed', 'in-review', 'decided', 'correction-sent', 'corrections-applied', 'rescored']);
    expect(closed.steps[4].detail).toMatchObject({
      applied: 1,
      verdicts: [{ kind: 'clue', recordId: target.clueId, action: 'unlink', status: 'applied', reason: null }],
    });
    expect(closed.steps[5].detail).toMatchObject({ scoreId: after.scoreId, previousColour: filed.body.colour });
    expect(after.value).toBeLessThan(before.value);

    // The person who decided is none of those the record names for the score's model.
    const named = await sql.query(
      `SELECT DISTINCT a #>> '{}' AS actor FROM oversight.audit_entries e, jsonb_path_query(e.body_json::jsonb, 'strict $.data.**.actor') a WHERE e.subject_ref = $1`,
      [modelVersion],
    );
    const actors = named.map((r: { actor: string }) => r.actor);
    expect(actors).toEqual(expect.arrayContaining(['approver-sun', 'approver-wang', 'operator-zhou', 'trainer-li']));
    expect(actors).not.toContain('reviewer-chen');
    expect(closed.reviewer).toBe('reviewer-chen');
  });

  it('does not close on a score read before intake applied the correction, but on the first score that read it', async () => {
    const data = scoring.app.get(DataSource);
    const target = await enterpriseWithComplaint();
    const before = await complaintsOf(target.creditCode);
    const id = (await appealComplaint(target, 'ent-user-2')).body.id;
    const view = async () => (await http<AppealView>(oversight.baseUrl, 'GET', `/api/appeals/${id}`)).body;

    // Intake is down when the appeal is decided.
    await intake.app.close();
    const decided = await http<AppealView>(oversight.baseUrl, 'POST', `/api/appeals/${id}/decision`, {
      actor: 'reviewer-chen',
      outcome: 'corrected',
      reasons: '投诉地址为另一家门店，解除关联并重新评分。',
      corrections: [{ kind: 'clue', recordId: target.clueId, action: 'unlink' }],
    });
    expect(decided.body).toMatchObject({ status: 'awaiting-rescore' });

    // The day's run scores everyone after the decision, from the records as they still are.
    await scoring.app.get(ScoringService).scoreAll(today);
    const [{ id: stale }] = await data.query(`SELECT score_id::text AS id FROM scoring.current_scores WHERE credit_code = $1`, [target.creditCode]);
    await until(
      async () =>
        (await data.query(`SELECT score_id FROM oversight.current_scores WHERE credit_code = $1`, [target.creditCode]))[0]?.score_id === `scoring-${stale}`,
      "the day's score in oversight",
    );
    expect((await complaintsOf(target.creditCode)).value).toBe(before.value);
    const waiting = await view();
    expect(waiting.status).toBe('awaiting-rescore');
    expect(waiting.steps.map((s) => s.step)).toEqual(['filed', 'decided', 'correction-sent']);

    // Intake comes back: it applies the correction and acknowledges it; scoring re-scores from the corrected record.
    intake = await listenTestApp(IntakeModule);
    const closed = await until(async () => {
      const now = await view();
      return now.status === 'decided' ? now : null;
    }, 'the appeal closed by the score that read the correction');
    const after = await complaintsOf(target.creditCode);
    expect(closed.steps.map((s) => s.step)).toEqual(['filed', 'decided', 'correction-sent', 'corrections-applied', 'rescored']);
    expect(closed.steps[4].detail).toMatchObject({ scoreId: after.scoreId });
    expect(after.scoreId).not.toBe(`scoring-${stale}`);
    expect(after.value).toBeLessThan(before.value);
  });
});
