import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { generateSigningKey, verifyReceipt, type Receipt } from '@tianping/audit-log';
import {
  IntakeSubjects,
  OversightSubjects,
  ScoringSubjects,
  STREAMS,
  type AppealDecided,
  type CorrectionsApplied,
  type ModelVersionEvent,
  type ScoreRecord,
} from '@tianping/contracts';
import type { RiskColour } from '@tianping/planner';
import { chinaDay, CLUE_REF_SHAPE } from '@tianping/common';
import { createTestDatabase, listenTestApp, startTestNats, type TestDatabase, type TestNats, eventually, requestJson } from '@tianping/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DispatchModule } from '../../../apps/dispatch/src/dispatch.module';
import { DrawInputsRepository } from '../../../apps/dispatch/src/draw/draw-inputs.repository';
import { ProjectionRepository } from '../../../apps/dispatch/src/projection/projection.repository';
import { CloseAppealsOnCorrectedInputs1765700000001 } from '../../../apps/oversight/src/database/migrations/1765700000001-CloseAppealsOnCorrectedInputs';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import type { AppealView } from '../../../apps/oversight/src/reviews/appeals.service';
import { batches, cityEvents, score, scoreBatches, type CityEvents } from '../dispatch/city-events.fixture';

const WINDOW = { start: '2025-03-01', end: '2025-03-31' };
type Json = Record<string, unknown>;
const http = <T = Json>(baseUrl: string, method: string, path: string, body?: unknown) => requestJson<T>(baseUrl, method, path, body);
const until = <T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000) => eventually(probe, what, timeoutMs);

function modelEvent(state: ModelVersionEvent['state'], actor: string): ModelVersionEvent {
  return {
    modelVersion: 'rm-test-1',
    state,
    actor,
    specName: 'default',
    trainingWindow: { from: '2022-01-01', to: '2025-01-01' },
    dataFingerprint: 'f'.repeat(64),
    metrics: { auc: 0.7 },
    at: new Date().toISOString(),
  };
}

/** Human review over the real oversight and dispatch services: confirmations of red, overrides, and appeals. */
describe('a red takes effect only once a person confirms it, and an appeal is decided by someone with no part in the score', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let client: NatsConnection;
  let oversight: { app: NestExpressApplication; baseUrl: string };
  let dispatch: { app: NestExpressApplication; baseUrl: string };
  let city: CityEvents;
  let reds: ScoreRecord[];
  let yellows: ScoreRecord[];
  let publicKeyPem: string;

  const publish = (subject: string, payload: unknown) => jetstream(client).publish(subject, new TextEncoder().encode(JSON.stringify(payload)));
  const effectiveColours = async () => {
    const { inputs } = await dispatch.app.get(DrawInputsRepository).load(WINDOW);
    return new Map(inputs.enterprises.map((e) => [e.creditCode, e.colour]));
  };
  const colourInDispatch = (creditCode: string, colour: RiskColour) =>
    until(async () => (await effectiveColours()).get(creditCode) === colour, `${creditCode} ${colour} in dispatch`);
  const oversightEvents = async (subject: string): Promise<unknown[]> => {
    const jsm = await jetstreamManager(client);
    const info = await jsm.streams.info(STREAMS.oversight.name);
    const out: unknown[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await jsm.streams.getMessage(STREAMS.oversight.name, { seq }).catch(() => null);
      if (msg?.subject === subject) out.push(msg.json());
    }
    return out;
  };
  const appeal = (creditCode: string, extra: Json = {}) =>
    http<AppealView>(oversight.baseUrl, 'POST', '/api/appeals', {
      actor: `ent-${creditCode.slice(-4)}`,
      creditCode,
      grounds: '该投诉并非针对本企业，本企业已于去年完成整改。',
      ...extra,
    });

  /** What intake acknowledges for a revoked case: applied, carried by one batch, unless told otherwise. */
  const acknowledgement = (appealId: string, creditCode: string, fields: Partial<CorrectionsApplied> = {}): CorrectionsApplied => ({
    appealId,
    creditCode,
    verdicts: [{ kind: 'case', recordId: 'CASE-7', action: 'revoke', status: 'applied', reason: null }],
    batchIds: [`cases-of-${appealId}`],
    at: new Date().toISOString(),
    ...fields,
  });
  /** An appeal against the score, decided at once: revoke CASE-7. */
  const correctedAppeal = async (creditCode: string): Promise<string> => {
    const filed = await appeal(creditCode, { challenges: [{ kind: 'case', recordId: 'CASE-7', claim: '该处罚已经行政复议撤销' }] });
    const decided = await http<AppealView>(oversight.baseUrl, 'POST', `/api/appeals/${filed.body.id}/decision`, {
      actor: 'officer-d',
      outcome: 'corrected',
      reasons: '行政复议决定书已撤销该处罚，更正数据后重新评分。',
      corrections: [{ kind: 'case', recordId: 'CASE-7', action: 'revoke' }],
    });
    expect(decided.body).toMatchObject({ status: 'awaiting-rescore', outcome: 'corrected' });
    return filed.body.id;
  };
  const appealNow = async (id: string) => (await http<AppealView>(oversight.baseUrl, 'GET', `/api/appeals/${id}`)).body;
  const closed = (id: string) => until(async () => ((await appealNow(id)).status === 'decided' ? appealNow(id) : null), `appeal ${id} closed`);
  /** Publishes a score and waits until oversight holds it as the enterprise's current one (its appeals judged in that transaction). */
  const scoreSeen = async (s: ScoreRecord) => {
    await publish(ScoringSubjects.scoresComputed, { batchId: `batch-${s.scoreId}`, scores: [s] });
    await until(
      async () =>
        (await http<{ score: { scoreId: string } | null }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${s.creditCode}`)).body.score?.scoreId ===
        s.scoreId,
      `score ${s.scoreId} current`,
    );
  };
  /** Until oversight's consumer of acknowledgements has taken every one published so far. */
  const acknowledgementsTaken = () =>
    until(async () => {
      const info = await (await jetstreamManager(client)).consumers.info(STREAMS.intake.name, 'oversight-appeal-corrections').catch(() => null);
      return info !== null && info.num_pending === 0 && info.num_ack_pending === 0;
    }, 'acknowledgements taken');
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    const key = generateSigningKey();
    publicKeyPem = key.publicKeyPem;
    const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-audit-key-')), 'audit-signing-key.pem');
    writeFileSync(keyFile, key.privateKeyPem, { mode: 0o600 });
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
    dispatch = await listenTestApp(DispatchModule);
    oversight = await listenTestApp(OversightModule);
    client = await connect({ servers: nats.url });
    city = cityEvents('reviews-it', 300, 16, WINDOW);
    for (const b of batches(city.subjects)) await publish(IntakeSubjects.subjectsUpserted, b);
    for (const b of batches(city.officers)) await publish(IntakeSubjects.officersUpserted, b);
    // Who built and approved the model, as scoring publishes it: the record names them.
    await publish(ScoringSubjects.modelRegistered, modelEvent('draft', 'trainer-li'));
    await publish(ScoringSubjects.modelStateChanged, modelEvent('approved', 'approver-wang'));
    await publish(ScoringSubjects.colourPolicyChanged, {
      version: 'cp-1',
      thresholds: { yellow: 0.2, red: 0.5 },
      state: 'active',
      actor: 'policy-zhao',
      at: new Date().toISOString(),
    });
    for (const b of scoreBatches(city.scores)) await publish(ScoringSubjects.scoresComputed, b);
    reds = city.scores.filter((s) => s.colour === 'red' && !city.dissolved.includes(s.creditCode));
    yellows = city.scores.filter((s) => s.colour === 'yellow' && !city.dissolved.includes(s.creditCode));
    const projections = dispatch.app.get(ProjectionRepository);
    await until(async () => (await projections.counts()).scores === city.scores.length, 'dispatch scores');
    await until(
      async () =>
        (await http<{ pending: number }>(oversight.baseUrl, 'GET', '/api/reviews/confirmations')).body.pending ===
        city.scores.filter((s) => s.colour === 'red').length,
      'confirmation queue',
    );
    await until(async () => (await http<Json[]>(oversight.baseUrl, 'GET', '/api/audit/entries?kind=colour-policy')).body.length === 1, 'model events logged');
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await oversight?.app.close();
    await dispatch?.app.close();
    await nats?.stop();
    await db?.drop();
  });

  it('holds every red as yellow in dispatch until an officer confirms it, and an override replaces it', async () => {
    expect(reds.length).toBeGreaterThan(4);
    const before = await effectiveColours();
    expect(reds.every((s) => before.get(s.creditCode) === 'yellow')).toBe(true);

    const [first, second] = reds;
    expect(
      (await http(oversight.baseUrl, 'POST', `/api/reviews/confirmations/${encodeURIComponent(first.scoreId)}`, { actor: 'officer-a', reasons: 'no' })).status,
    ).toBe(400);
    const confirmed = await http(oversight.baseUrl, 'POST', `/api/reviews/confirmations/${encodeURIComponent(first.scoreId)}`, {
      actor: 'officer-a',
      reasons: '近三年两次立案，投诉属实，确认红色。',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', colour: 'red', actor: 'officer-a' });
    expect(
      (
        await http(oversight.baseUrl, 'POST', `/api/reviews/confirmations/${encodeURIComponent(first.scoreId)}`, {
          actor: 'officer-b',
          reasons: 'confirm again please',
        })
      ).status,
    ).toBe(409);
    // The second is decided after its file was opened: time to decide counts from the first opening.
    const opening = `/api/reviews/confirmations/${encodeURIComponent(second.scoreId)}/opened`;
    const opened = await http<{ openedAt: string }>(oversight.baseUrl, 'POST', opening, { actor: 'officer-a' });
    expect(opened).toMatchObject({ status: 200, body: { scoreId: second.scoreId, openedAt: expect.stringMatching(/Z$/) } });
    expect((await http(oversight.baseUrl, 'POST', opening, { actor: 'officer-a' })).body).toEqual(opened.body);
    expect((await http(oversight.baseUrl, 'POST', opening, {})).status).toBe(400);
    const overridden = await http(oversight.baseUrl, 'POST', `/api/reviews/confirmations/${encodeURIComponent(second.scoreId)}`, {
      actor: 'officer-a',
      colour: 'yellow',
      reasons: '违法记录已撤销，改为黄色。',
    });
    expect(overridden.body).toMatchObject({ status: 'overridden', colour: 'yellow', modelColour: 'red' });

    await colourInDispatch(first.creditCode, 'red');
    await colourInDispatch(second.creditCode, 'yellow');
    // The bureau's list asks for a page of enterprises at once, codes typed as people type them.
    const third = reds[2];
    const listed = await http<Json[]>(
      oversight.baseUrl,
      'GET',
      `/api/reviews/colours?codes=${[first, second, third].map((s) => s.creditCode.toLowerCase()).join(',')}`,
    );
    expect(listed.status).toBe(200);
    expect(new Map(listed.body.map((c) => [c.creditCode, c]))).toEqual(
      new Map([
        [first.creditCode, { creditCode: first.creditCode, scoreId: first.scoreId, modelColour: 'red', effectiveColour: 'red', state: 'confirmed' }],
        [second.creditCode, { creditCode: second.creditCode, scoreId: second.scoreId, modelColour: 'red', effectiveColour: 'yellow', state: 'overridden' }],
        [
          third.creditCode,
          { creditCode: third.creditCode, scoreId: third.scoreId, modelColour: 'red', effectiveColour: 'yellow', state: 'awaiting-confirmation' },
        ],
      ]),
    );
    const tooMany = Array.from({ length: 101 }, () => first.creditCode).join(',');
    expect((await http(oversight.baseUrl, 'GET', `/api/reviews/colours?codes=${tooMany}`)).status).toBe(400);
    const entries = (await http<{ body: { data: Json } }[]>(oversight.baseUrl, 'GET', '/api/audit/entries?kind=colour-decision')).body;
    expect(entries.map((e) => e.body.data)).toEqual([
      expect.objectContaining({ scoreId: first.scoreId, decision: 'confirmed', actor: 'officer-a', colour: 'red' }),
      expect.objectContaining({ scoreId: second.scoreId, decision: 'overridden', actor: 'officer-a', colour: 'yellow', modelColour: 'red' }),
    ]);
    const stats = (await http<Json[]>(oversight.baseUrl, 'GET', '/api/reviews/officers')).body;
    expect(stats).toEqual([expect.objectContaining({ actor: 'officer-a', decisions: 2, confirmed: 1, overridden: 1, overrideRate: 0.5, unopened: 1 })]);
    // The second was decided seconds after its opening (the first counts from its request, which may be older).
    expect((stats[0] as { underOneMinute: number }).underOneMinute).toBeGreaterThanOrEqual(1);
    // A decided score is no longer waiting: opening it notes nothing.
    expect((await http(oversight.baseUrl, 'POST', opening, { actor: 'officer-b' })).status).toBe(404);
  });

  it('carries a decision over to a new score from the same model and inputs, and asks again when the inputs change', async () => {
    const [first, , third] = reds;
    const again = { ...score(first.creditCode, 'red', '2025-03-02T00:00:00Z') };
    const changed = { ...score(third.creditCode, 'red', '2025-03-02T00:00:00Z'), inputFingerprint: 'y' };
    await publish(ScoringSubjects.scoresComputed, { batchId: 'again', scores: [again, changed] });
    const carried = await until(async () => {
      const view = (await http<{ decision: Json | null; state: string }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${first.creditCode}`)).body;
      return view.decision?.scoreId === again.scoreId ? view : null;
    }, 'carried-over decision');
    expect(carried).toMatchObject({ state: 'confirmed', decision: { status: 'carried-over', actor: 'officer-a', colour: 'red' } });
    const third_ = (await http<{ state: string; effectiveColour: string }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${third.creditCode}`)).body;
    expect(third_).toMatchObject({ state: 'awaiting-confirmation', effectiveColour: 'yellow' });
    await colourInDispatch(first.creditCode, 'red');
  });

  it("reads an enterprise's review by its code typed in lower case, and refuses what is no credit code with 400", async () => {
    const [first] = reds;
    const typed = await http<{ score: Json | null }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${first.creditCode.toLowerCase()}`);
    expect({ status: typed.status, scored: typed.body.score !== null }).toEqual({ status: 200, scored: true });
    for (const bad of [first.creditCode.slice(0, 17), `${first.creditCode}0`]) {
      for (const path of [`/api/reviews/enterprises/${bad}`, `/api/reviews/enterprises/${bad}/score-receipt`]) {
        const refused = await http<{ message: string[] }>(oversight.baseUrl, 'GET', path);
        expect({ path, status: refused.status, message: refused.body.message }).toEqual({
          path,
          status: 400,
          message: ['creditCode is an 18-character unified social credit code'],
        });
      }
    }
  });

  it('refuses a page cursor not written time|id with 400, rather than giving the first page again', async () => {
    for (const [path, message] of [
      ['/api/appeals?after=AP-20250301-0001', 'after is the last row seen, as dueAt|id'],
      ['/api/reviews/confirmations?after=%7C', 'after is the last row seen, as requestedAt|id'],
    ]) {
      const refused = await http<{ message: string[] }>(oversight.baseUrl, 'GET', path);
      expect({ path, status: refused.status, message: refused.body.message }).toEqual({ path, status: 400, message: [message] });
    }
  });

  it('takes the newer of two scores of one enterprise in one message, in either order', async () => {
    const [one, two] = yellows.slice(-2);
    const older = (code: string) => score(code, 'yellow', '2025-03-03T00:00:00Z');
    const newer = (code: string) => score(code, 'red', '2025-03-03T09:00:00+08:00'); // an hour later, written with an offset;
    await publish(ScoringSubjects.scoresComputed, {
      batchId: 'twice',
      scores: [older(one.creditCode), newer(one.creditCode), newer(two.creditCode), older(two.creditCode)],
    });
    for (const code of [one.creditCode, two.creditCode]) {
      const view = await until(async () => {
        const body = (await http<{ score: { scoreId: string } | null; state: string }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${code}`)).body;
        return body.score?.scoreId === newer(code).scoreId ? body : null;
      }, `${code} newer score current`);
      expect(view.state).toBe('awaiting-confirmation');
    }
  });

  it('refuses an appeal review to everyone with a part in the score, and the decision overrides the colour with reasons', async () => {
    const target = reds[0];
    const evidence = {
      name: '张伟的整改报告.pdf',
      contentType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4 rectification report').toString('base64'),
    };
    const challenge = { kind: 'clue', recordId: 'CLUE-1', claim: '投诉地址为同名另一家企业' };
    expect((await appeal(target.creditCode, { grounds: 'short' })).status).toBe(400);
    expect((await appeal('91310000MA1FL8XQ3X')).status).toBe(400);
    const filed = await appeal(target.creditCode, { challenges: [challenge], evidence: [evidence] });
    expect(filed.status).toBe(201);
    // Its number carries the day it was filed in China, the day the pages show (after 16:00 UTC, the next day).
    const filedOn = [chinaDay(Date.now() - 60_000), chinaDay()].map((day) => day.replace(/-/g, ''));
    expect(filedOn).toContain(/^AP-(\d{8})-/.exec(filed.body.id)?.[1]);
    expect(filed.body).toMatchObject({
      status: 'filed',
      creditCode: target.creditCode,
      colour: 'red',
      challenges: [challenge],
      evidence: [{ n: 0, name: evidence.name, size: 29 }],
    });
    expect((await appeal(target.creditCode)).status).toBe(409);
    const id = filed.body.id;

    // The filing is in the record: its receipt verifies with the public key alone, and holds a hash of the grounds, not the text.
    const seq = filed.body.steps[0].auditSeq!;
    const receipt = (await http<Receipt>(oversight.baseUrl, 'GET', `/api/appeals/${id}/receipts/${seq}`)).body;
    expect(verifyReceipt(receipt, publicKeyPem)).toEqual({ ok: true });
    expect(receipt.entry.bodyJson).not.toContain('去年完成整改');
    expect(receipt.entry.bodyJson).not.toContain('同名另一家企业');
    expect(receipt.entry.bodyJson).not.toContain('张伟');
    // It names the complaint by the enterprise's reference, not by the platform's id: the receipt is the enterprise's to keep.
    expect(receipt.entry.bodyJson).not.toContain('CLUE-1');
    expect(JSON.parse(receipt.entry.bodyJson).data.challenges).toEqual([{ kind: 'clue', ref: filed.body.challenges[0].ref, claimSha256: expect.any(String) }]);
    expect(filed.body.challenges[0].ref).toMatch(CLUE_REF_SHAPE);
    expect((await http(oversight.baseUrl, 'GET', `/api/appeals/${id}/receipts/0`)).status).toBe(404);
    const file = await fetch(`${oversight.baseUrl}/api/appeals/${id}/evidence/0`);
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.4 rectification report');
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');

    for (const involved of ['trainer-li', 'Trainer-Li', 'approver-wang', 'policy-zhao', 'officer-a', filed.body.filedBy]) {
      const refused = await http<{ message: string }>(oversight.baseUrl, 'POST', `/api/appeals/${id}/claim`, { actor: involved });
      expect([involved, refused.status]).toEqual([involved, 403]);
    }
    expect((await http(oversight.baseUrl, 'POST', `/api/appeals/${id}/claim`, { actor: 'officer-b' })).body).toMatchObject({
      status: 'in-review',
      reviewer: 'officer-b',
    });
    expect(
      (await http(oversight.baseUrl, 'POST', `/api/appeals/${id}/decision`, { actor: 'officer-c', outcome: 'upheld', reasons: '维持原评分。' })).status,
    ).toBe(403);
    expect(
      (await http(oversight.baseUrl, 'POST', `/api/appeals/${id}/decision`, { actor: 'officer-b', outcome: 'overridden', reasons: '证据充分。' })).status,
    ).toBe(400);
    const decided = await http<AppealView>(oversight.baseUrl, 'POST', `/api/appeals/${id}/decision`, {
      actor: 'officer-b',
      outcome: 'overridden',
      overrideColour: 'green',
      reasons: '投诉系针对同名企业，整改报告属实，改为绿色。',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', outcome: 'overridden', overrideColour: 'green', reviewer: 'officer-b' });
    expect(decided.body.steps.map((s) => s.step)).toEqual(['filed', 'in-review', 'decided']);
    expect(decided.body.steps.every((s) => s.auditSeq !== null)).toBe(true);

    // The decider is not among those the record names for the score; the override reaches dispatch.
    const entries = (await http<{ body: { data: Json } }[]>(oversight.baseUrl, 'GET', `/api/audit/entries?subjectRef=rm-test-1`)).body;
    expect(entries.map((e) => e.body.data.actor)).not.toContain('officer-b');
    await colourInDispatch(target.creditCode, 'green');
    const [event] = (await oversightEvents(OversightSubjects.appealDecided)) as AppealDecided[];
    expect(event).toMatchObject({ appealId: id, outcome: 'overridden', overrideColour: 'green', actor: 'officer-b', corrections: [] });
  });

  it('sends a data correction to intake, and closes on the first score whose inputs include the corrected records, not on one read before', async () => {
    const target = yellows[0];
    const id = await correctedAppeal(target.creditCode);
    const events = (await until(async () => {
      const all = (await oversightEvents(OversightSubjects.appealDecided)) as AppealDecided[];
      return all.some((e) => e.appealId === id) ? all : null;
    }, 'appeal decided event')) as AppealDecided[];
    expect(events.find((e) => e.appealId === id)).toMatchObject({
      outcome: 'corrected',
      corrections: [{ kind: 'case', recordId: 'CASE-7', action: 'revoke' }],
    });

    // The day's run, computed after the decision from data read before intake applied the correction.
    const stale = { ...score(target.creditCode, 'yellow', later(1)), probability: 0.3 };
    await scoreSeen(stale);
    expect(await appealNow(id)).toMatchObject({ status: 'awaiting-rescore' });

    // Intake acknowledges (delivered twice): one step, and the appeal still waits, as no score read the corrections yet.
    const ack = acknowledgement(id, target.creditCode);
    await publish(IntakeSubjects.correctionsApplied, ack);
    await publish(IntakeSubjects.correctionsApplied, ack);
    await acknowledgementsTaken();
    const waiting = await appealNow(id);
    expect(waiting.status).toBe('awaiting-rescore');
    expect(waiting.steps.filter((s) => s.step === 'corrections-applied')).toHaveLength(1);
    expect(waiting.steps.find((s) => s.step === 'corrections-applied')).toMatchObject({
      actor: 'intake',
      auditSeq: expect.any(Number),
      detail: { applied: 1, notApplicable: 0, verdicts: ack.verdicts },
    });

    // The re-score that read the corrected records names their batch, and closes the appeal.
    const rescored = { ...score(target.creditCode, 'green', later(2)), probability: 0.05, correctionBatches: ack.batchIds };
    await publish(ScoringSubjects.scoresComputed, { batchId: 'rescore', scores: [rescored] });
    const done = await closed(id);
    expect(done.steps.map((s) => s.step)).toEqual(['filed', 'decided', 'correction-sent', 'corrections-applied', 'rescored']);
    expect(done.steps[4].detail).toMatchObject({ scoreId: rescored.scoreId, colour: 'green', previousColour: 'yellow' });
    expect(done.closedAt).not.toBeNull();
  });

  it('flags appeals past their deadline in the queue', async () => {
    const filed = await appeal(yellows[1].creditCode);
    expect((await http<{ items: AppealView[] }>(oversight.baseUrl, 'GET', '/api/appeals?overdue=true')).body.items).toEqual([]);
    await oversight.app.get(DataSource).query(`UPDATE oversight.appeals SET due_at = now() - interval '1 day' WHERE id = $1`, [filed.body.id]);
    const queue = (await http<{ items: AppealView[]; counts: Json }>(oversight.baseUrl, 'GET', '/api/appeals?overdue=true')).body;
    expect(queue.items.map((a) => [a.id, a.overdue])).toEqual([[filed.body.id, true]]);
    expect(queue.counts).toMatchObject({ overdue: 1, filed: 1, decided: 2 });
  });

  it('files one appeal when the enterprise sends it several times at once, and answers the rest 409', async () => {
    const target = yellows[2];
    const answers = await Promise.all([1, 2, 3, 4].map(() => appeal(target.creditCode)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    const listed = (await http<{ items: AppealView[] }>(oversight.baseUrl, 'GET', `/api/appeals?creditCode=${target.creditCode}`)).body.items;
    expect(listed).toHaveLength(1);
  });

  it('refuses to override the colour of a score that a newer score has replaced, so no appeal is decided without effect', async () => {
    const target = reds[3];
    const filed = await appeal(target.creditCode);
    expect(filed.body).toMatchObject({ status: 'filed', scoreId: target.scoreId, colour: 'red' });
    const newer = { ...score(target.creditCode, 'red', '2025-03-05T00:00:00Z'), inputFingerprint: 'newer-inputs' };
    await publish(ScoringSubjects.scoresComputed, { batchId: 'newer-during-appeal', scores: [newer] });
    await until(
      async () =>
        (await http<{ score: { scoreId: string } | null }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${target.creditCode}`)).body.score?.scoreId ===
        newer.scoreId,
      'the newer score current',
    );
    const refused = await http<{ message: string }>(oversight.baseUrl, 'POST', `/api/appeals/${filed.body.id}/decision`, {
      actor: 'officer-e',
      outcome: 'overridden',
      overrideColour: 'green',
      reasons: '证据充分，改为绿色。',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(newer.scoreId);
    expect((await http<AppealView>(oversight.baseUrl, 'GET', `/api/appeals/${filed.body.id}`)).body).toMatchObject({ status: 'filed', outcome: null });
    const view = (await http<{ state: string; effectiveColour: string }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${target.creditCode}`)).body;
    expect(view).toMatchObject({ state: 'awaiting-confirmation', effectiveColour: 'yellow' });
  });

  it('makes a newer score being written wait for an override in progress, which then refuses the replaced score', async () => {
    const target = reds[4];
    const filed = await appeal(target.creditCode);
    expect(filed.status).toBe(201);
    // A newer score for the enterprise is being written, not yet committed, as the officer decides.
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    await writer.query('BEGIN');
    await writer.query(`UPDATE oversight.current_scores SET score_id = 'score-being-written' WHERE credit_code = $1`, [target.creditCode]);
    const decision = http<{ message: string }>(oversight.baseUrl, 'POST', `/api/appeals/${filed.body.id}/decision`, {
      actor: 'officer-e',
      outcome: 'overridden',
      overrideColour: 'green',
      reasons: '证据充分，改为绿色。',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await writer.query('COMMIT');
    await writer.end();
    // Read before the newer score committed, the override would have been decided on the replaced score, without effect.
    const answer = await decision;
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain('score-being-written');
  });

  it('closes at once, saying why, when intake applied none of the corrections: no record changed, so no re-score will come', async () => {
    const target = yellows[4];
    const id = await correctedAppeal(target.creditCode);
    const verdicts: CorrectionsApplied['verdicts'] = [
      { kind: 'case', recordId: 'CASE-7', action: 'revoke', status: 'not-applicable', reason: 'other-enterprise' },
    ];
    await publish(IntakeSubjects.correctionsApplied, acknowledgement(id, target.creditCode, { verdicts, batchIds: [] }));
    const done = await closed(id);
    expect(done.steps.map((s) => s.step)).toEqual(['filed', 'decided', 'correction-sent', 'corrections-applied']);
    expect(done.steps[3]).toMatchObject({ detail: { applied: 0, notApplicable: 1, verdicts, batchIds: [] }, auditSeq: expect.any(Number) });
    expect(done.closedAt).not.toBeNull();
    // The step is in the tamper-evident record with the verdicts, and the enterprise can have a receipt for it.
    const receipt = await http<Receipt>(oversight.baseUrl, 'GET', `/api/appeals/${id}/receipts/${done.steps[3].auditSeq}`);
    expect(receipt.status).toBe(200);
    expect(verifyReceipt(receipt.body, publicKeyPem)).toEqual({ ok: true });
    expect(receipt.body.entry.bodyJson).toContain('"reason":"other-enterprise"');
  });

  it('closes when intake acknowledges after the score that read the corrections has come', async () => {
    const target = yellows[5];
    const id = await correctedAppeal(target.creditCode);
    const ack = acknowledgement(id, target.creditCode);
    const rescored = { ...score(target.creditCode, 'green', later(1)), correctionBatches: ['an-earlier-appeal', ...ack.batchIds] };
    await scoreSeen(rescored);
    expect(await appealNow(id)).toMatchObject({ status: 'awaiting-rescore' });
    await publish(IntakeSubjects.correctionsApplied, ack);
    const done = await closed(id);
    expect(done.steps.map((s) => s.step)).toEqual(['filed', 'decided', 'correction-sent', 'corrections-applied', 'rescored']);
    expect(done.steps[4].detail).toMatchObject({ scoreId: rescored.scoreId, colour: 'green' });
  });

  it('closes an appeal that was waiting before acknowledgements existed on the first score after its decision, as then', async () => {
    const target = yellows[6];
    const id = await correctedAppeal(target.creditCode);
    // The migration that brought acknowledgements in, run again with this appeal waiting, as it was before.
    const runner = oversight.app.get(DataSource).createQueryRunner();
    try {
      const migration = new CloseAppealsOnCorrectedInputs1765700000001();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await oversight.app.get(DataSource).query(`SELECT closes_on_later_score FROM oversight.appeals WHERE id = $1`, [id])).toEqual([
      { closes_on_later_score: true },
    ]);
    await publish(ScoringSubjects.scoresComputed, { batchId: 'after-old-decision', scores: [score(target.creditCode, 'green', later(1))] });
    const done = await closed(id);
    expect(done.steps.map((s) => s.step)).toEqual(['filed', 'decided', 'correction-sent', 'rescored']);
  });

  it("judges a reviewer's independence by the colour policy of the score under appeal, not of a newer score", async () => {
    const target = yellows[3];
    const filed = await appeal(target.creditCode);
    expect(filed.status).toBe(201);
    const newer = { ...score(target.creditCode, 'yellow', '2025-03-05T00:00:00Z'), colourPolicyVersion: 'cp-2' };
    await publish(ScoringSubjects.scoresComputed, { batchId: 'new-policy-during-appeal', scores: [newer] });
    await until(
      async () =>
        (await http<{ score: { scoreId: string } | null }>(oversight.baseUrl, 'GET', `/api/reviews/enterprises/${target.creditCode}`)).body.score?.scoreId ===
        newer.scoreId,
      'the newer score current',
    );
    // policy-zhao activated cp-1, the policy that coloured the appealed score.
    expect((await http(oversight.baseUrl, 'POST', `/api/appeals/${filed.body.id}/claim`, { actor: 'policy-zhao' })).status).toBe(403);
    expect(
      (await http(oversight.baseUrl, 'POST', `/api/appeals/${filed.body.id}/decision`, { actor: 'policy-zhao', outcome: 'upheld', reasons: '维持原评分。' }))
        .status,
    ).toBe(403);
  });
});
