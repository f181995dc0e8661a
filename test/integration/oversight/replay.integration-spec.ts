import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson } from '@tianping/audit-log';
import type { ScoreRecord } from '@tianping/contracts';
import { scoreBatch, type FactorValues, type GamModel } from '@tianping/risk-model';
import { ColourPolicyService } from '../../../apps/scoring/src/colour/colour-policy.service';
import { ModelRegistryService } from '../../../apps/scoring/src/models/model-registry.service';
import { inputFingerprint } from '../../../apps/scoring/src/scores/score-record.mapper';
import { ScorePublisher } from '../../../apps/scoring/src/scores/score-publisher';
import { ScoringService } from '../../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import type { ReplayResult } from '../../../apps/scoring/src/replay/score-replay.util';
import { startScoringAndOversight, type SuiteHarness } from './scoring-and-oversight.harness';
import { eventually } from '@tianping/testing';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'tianping.js');
const AS_OF = '2026-01-01';

interface ScoreEntry {
  seq: number;
  body: { data: { score: ScoreRecord } };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A logged score, replayed from its pinned model version and input snapshot, is reproduced exactly. */
describe("replaying scores from oversight's record", () => {
  let h: SuiteHarness;
  let model: GamModel;
  let logged: ScoreEntry[];

  const replay = (score: unknown) => h.call<ReplayResult & { message?: string }>(h.scoring.baseUrl, 'POST', '/api/scores/replay', score);

  /** A factor of this score and a value for it that the model scores differently (so tampering shows in its contribution). */
  function tamperable(score: ScoreRecord): { index: number; value: number | string | boolean | null } {
    const values: FactorValues = Object.fromEntries(score.contributions.map((c) => [c.factor, c.value]));
    for (const [index, c] of score.contributions.entries()) {
      for (const value of [null, 0, 1, 5, 1000, true, false]) {
        if (value === c.value) continue;
        const changed = scoreBatch(model, [{ ...values, [c.factor]: value }], { version: 'probe', thresholds: { yellow: 0.2, red: 0.4 } });
        if (changed.contributions[index] !== c.contribution) return { index, value };
      }
    }
    throw new Error('no factor value changes this score');
  }

  beforeAll(async () => {
    h = await startScoringAndOversight({ enterprises: 150, years: 3, seed: 23 });
    model = (await h.scoring.app.get(TrainingService).train({ asOf: AS_OF, seed: 5, createdBy: 'trainer-qian' })).model;
    const path = `/api/approvals/models/${encodeURIComponent(model.version)}`;
    await eventually(async () => (await h.call(h.oversight.baseUrl, 'GET', path)).status === 200, 'oversight to learn of the version');
    const technical = await h.call(h.oversight.baseUrl, 'POST', `${path}/sign-offs`, {
      actor: 'reviewer-li',
      role: 'technical',
      decision: 'approve',
      reasons: 'AUC and calibration checked',
    });
    expect(technical.status).toBe(201);
    // The legal sign-off through the CLI: it writes the grant to the outbox, the running service publishes it.
    const signed = await cli([
      'approval',
      'sign',
      'model',
      model.version,
      '--actor',
      'counsel-wang',
      '--role',
      'legal',
      '--decision',
      'approve',
      '--reasons',
      'every factor has a legal basis',
    ]);
    expect(signed.stderr).toBe('');
    expect(JSON.parse(signed.stdout)).toMatchObject({ command: 'approval sign', status: 'approved' });
    const registry = h.scoring.app.get(ModelRegistryService);
    await eventually(
      async () => (await h.call<{ state: string }>(h.scoring.baseUrl, 'GET', `/api/models/${encodeURIComponent(model.version)}`)).body.state === 'approved',
      'scoring to apply the grant',
    );
    await registry.changeState(model.version, 'active', 'operator-sun');
    const run = await h.scoring.app.get(ScoringService).scoreAll(AS_OF);
    await h.scoring.app.get(ScorePublisher).drain();
    // The run's scores are those as of its date: once a model is active, the re-score loop also scores
    // the enterprises intake marked while there was none, as of today, and those are logged too.
    logged = (await eventually(async () => {
      const entries = (await h.call<ScoreEntry[]>(h.oversight.baseUrl, 'GET', '/api/audit/entries?kind=score&limit=1000')).body;
      const ofRun = entries.filter((e) => e.body.data.score.asOf === AS_OF);
      return ofRun.length === run.enterprises ? ofRun : null;
    }, 'the record to log every score of the run'))!;
  }, 180_000);
  afterAll(async () => h?.close());

  it('reproduces every logged score to the bit from its pinned model version and logged factor values', async () => {
    expect(logged.length).toBeGreaterThan(100);
    const policy = await h.scoring.app.get(ColourPolicyService).active();
    for (const entry of logged) {
      const score = entry.body.data.score;
      expect(score).toMatchObject({ modelVersion: model.version, colourPolicyVersion: policy.version });
      const { status, body } = await replay(score);
      expect(status).toBe(200);
      expect(body.differences).toEqual([]);
      expect(body.identical).toBe(true);
      expect(body.inputFingerprintMatches).toBe(true);
      expect(canonicalJson(body.recomputed)).toBe(canonicalJson(score));
    }
  });

  it('replays a logged score that names the appeal corrections its inputs included, carrying them over', async () => {
    const score = { ...logged[3].body.data.score, correctionBatches: ['batch-of-an-appeal'] };
    const { status, body } = await replay(score);
    expect(status).toBe(200);
    expect(body.identical).toBe(true);
    expect(canonicalJson(body.recomputed)).toBe(canonicalJson(score));
  });

  it('names the factor whose logged value was tampered with, and the fields it changes', async () => {
    const score = logged[0].body.data.score;
    const { index, value } = tamperable(score);
    const factor = score.contributions[index].factor;
    const tampered: ScoreRecord = { ...score, contributions: score.contributions.map((c, i) => (i === index ? { ...c, value } : c)) };
    const { body } = await replay(tampered);
    expect(body.identical).toBe(false);
    expect(body.inputFingerprintMatches).toBe(false);
    const fields = body.differences.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['inputFingerprint', `contributions[${factor}].contribution`, 'logit', 'probability']));
    expect(body.differences.find((d) => d.factor)).toMatchObject({
      factor,
      logged: score.contributions[index].contribution,
      recomputed: body.recomputed.contributions[index].contribution,
    });

    // A tamperer who also recomputes the fingerprint is still caught, at the same factor.
    const refingerprinted = { ...tampered, inputFingerprint: inputFingerprint(tampered.contributions.map((c) => c.value)) };
    const again = (await replay(refingerprinted)).body;
    expect(again.inputFingerprintMatches).toBe(true);
    expect(again.identical).toBe(false);
    expect(again.differences.map((d) => d.field)).toContain(`contributions[${factor}].contribution`);
  });

  it('names a changed result even when the inputs are untouched', async () => {
    const score = logged[1].body.data.score;
    const nudged = { ...score, probability: score.probability + Number.EPSILON * 4 };
    const { body } = await replay(nudged);
    expect(body.identical).toBe(false);
    expect(body.differences).toEqual([{ field: 'probability', logged: nudged.probability, recomputed: score.probability }]);
  });

  it('refuses what cannot be replayed: an unknown model, other factors, a malformed record', async () => {
    const score = logged[2].body.data.score;
    expect((await replay({ ...score, modelVersion: 'm-unknown' })).status).toBe(404);
    expect((await replay({ ...score, colourPolicyVersion: 'cp-unknown' })).status).toBe(404);
    expect((await replay({ ...score, contributions: score.contributions.slice(1) })).status).toBe(422);
    expect((await replay({ ...score, contributions: [{ ...score.contributions[0], value: { nested: 1 } }, ...score.contributions.slice(1)] })).status).toBe(
      400,
    );
    expect((await replay({ ...score, probability: 'high' })).status).toBe(400);
  });

  it('tianping audit replay SEQ checks the entry against the signed record and replays it', async () => {
    const entry = logged[3];
    const ok = await cli(['audit', 'replay', String(entry.seq)]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      command: 'audit replay',
      seq: entry.seq,
      entryVerified: true,
      scoreId: entry.body.data.score.scoreId,
      identical: true,
      inputFingerprintMatches: true,
      differences: [],
    });
    const [notAScore] = (await h.call<{ seq: number }[]>(h.oversight.baseUrl, 'GET', '/api/audit/entries?kind=sign-off')).body;
    const refused = await cli(['audit', 'replay', String(notAScore.seq)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not a score');
  });
});
