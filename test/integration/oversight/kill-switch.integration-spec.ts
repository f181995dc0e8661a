import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { generateSigningKey } from '@tianping/audit-log';
import { IntakeSubjects, ScoringSubjects } from '@tianping/contracts';
import { configureHttpApp } from '@tianping/database';
import type { InspectionTask, RiskColour } from '@tianping/planner';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNats, requestJson } from '@tianping/testing';
import { DispatchModule } from '../../../apps/dispatch/src/dispatch.module';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { ProjectionRepository } from '../../../apps/dispatch/src/projection/projection.repository';
import type { KillSwitchState } from '../../../apps/oversight/src/kill-switch/kill-switch.service';
import type { SuspensionChange } from '../../../apps/oversight/src/kill-switch/kill-switch.repository';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import { batches, cityEvents, score, scoreBatches, type CityEvents } from '../dispatch/city-events.fixture';

const WINDOW = { start: '2025-03-01', end: '2025-03-31' };

async function boot(module: unknown): Promise<{ app: NestExpressApplication; baseUrl: string }> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, { bodyParser: false, logger: ['error'] });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}

/** Oversight's kill switch reaching dispatch's draw: both real services on one database and one nats-server. */
describe('the kill switch stops risk-based selection by the next draw', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let publisher: NatsConnection;
  let dispatch: { app: NestExpressApplication; baseUrl: string };
  let oversight: { app: NestExpressApplication; baseUrl: string };
  let city: CityEvents;

  const modelSuspended = async (expected: boolean) => {
    const projections = dispatch.app.get(ProjectionRepository);
    for (let i = 0; i < 150; i++) {
      if ((await projections.counts()).modelSuspended === expected) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`dispatch never saw modelSuspended = ${expected}`);
  };
  const draw = async (seed: string) => {
    const res = await requestJson<DrawOutcome>(dispatch.baseUrl, 'POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed, backfill: true });
    expect(res.status).toBe(201);
    return res.body;
  };
  const tasksOf = async (id: string) => (await requestJson<{ tasks: InspectionTask[] }>(dispatch.baseUrl, 'GET', `/api/draws/${id}`)).body.tasks;
  const killSwitchEntries = async () =>
    (await requestJson<{ seq: number; kind: string; subjectRef: string; body: unknown }[]>(oversight.baseUrl, 'GET', '/api/audit/entries?kind=kill-switch'))
      .body;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-audit-key-')), 'audit-signing-key.pem');
    writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
    dispatch = await boot(DispatchModule);
    oversight = await boot(OversightModule);
    publisher = await connect({ servers: nats.url });
    const js = jetstream(publisher);
    const publish = (subject: string, payload: unknown) => js.publish(subject, new TextEncoder().encode(JSON.stringify(payload)));
    city = cityEvents('kill-switch-it', 800, 24, WINDOW);
    for (const b of batches(city.subjects)) await publish(IntakeSubjects.subjectsUpserted, b);
    for (const b of batches(city.officers)) await publish(IntakeSubjects.officersUpserted, b);
    for (const b of scoreBatches(city.scores)) await publish(ScoringSubjects.scoresComputed, b);
    const projections = dispatch.app.get(ProjectionRepository);
    for (let i = 0; i < 300; i++) {
      const c = await projections.counts();
      if (c.enterprises === city.subjects.length && c.officers === city.officers.length && c.scores === city.scores.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await publisher?.close();
    await oversight?.app.close();
    await dispatch?.app.close();
    await nats?.stop();
    await db?.drop();
  });

  it('suspends through oversight, draws purely at random, records the act, and resumes risk-based selection', async () => {
    const baseline = await draw('ks-seed');
    expect(baseline).toMatchObject({ suspended: false, status: 'published' });
    expect(baseline.modelVersion).not.toBeNull();
    expect((await tasksOf(baseline.id)).some((t) => t.reason === 'risk')).toBe(true);

    // A reason is required; nothing to resume yet.
    expect((await requestJson(oversight.baseUrl, 'POST', '/api/kill-switch/suspend', { actor: 'officer-7', reason: 'bad' })).status).toBe(400);
    expect((await requestJson(oversight.baseUrl, 'POST', '/api/kill-switch/suspend', { reason: 'drift alarm on F03' })).status).toBe(400);
    expect((await requestJson(oversight.baseUrl, 'POST', '/api/kill-switch/resume', { actor: 'officer-7', reason: 'nothing to resume' })).status).toBe(409);

    const suspended = await requestJson<SuspensionChange>(oversight.baseUrl, 'POST', '/api/kill-switch/suspend', {
      actor: 'officer-7',
      reason: 'drift alarm on F03',
    });
    expect(suspended.status).toBe(201);
    expect(suspended.body).toMatchObject({ suspended: true, actor: 'officer-7', reason: 'drift alarm on F03' });
    expect((await requestJson(oversight.baseUrl, 'POST', '/api/kill-switch/suspend', { actor: 'officer-8', reason: 'another alarm' })).status).toBe(409);

    // The act is in the record, in the same transaction as the state change.
    const [entry] = await killSwitchEntries();
    expect(entry).toMatchObject({ seq: suspended.body.auditSeq, kind: 'kill-switch', subjectRef: 'active-model' });
    expect(entry.body).toMatchObject({ data: { action: 'suspend', suspended: true, actor: 'officer-7', reason: 'drift alarm on F03', at: suspended.body.at } });

    // The next dispatch cycle: the event reaches dispatch's projection, and the draw ignores risk.
    await modelSuspended(true);
    const random = await draw('ks-seed');
    expect(random).toMatchObject({ suspended: true, modelVersion: null, status: 'published' });
    const randomTasks = await tasksOf(random.id);
    expect(randomTasks.length).toBeGreaterThan(0);
    expect(randomTasks.every((t) => t.colour === null && (t.reason === 'random' || t.reason === 'complaint'))).toBe(true);

    // Purely random: permuting every colour changes the inputs but not a single task.
    const permute: Record<RiskColour, RiskColour> = { red: 'green', yellow: 'red', green: 'yellow' };
    const recoloured = city.scores.map((s) => score(s.creditCode, permute[s.colour], '2025-03-01T00:00:00Z'));
    const js = jetstream(publisher);
    for (const b of scoreBatches(recoloured)) await js.publish(ScoringSubjects.scoresComputed, new TextEncoder().encode(JSON.stringify(b)));
    const probe = recoloured[recoloured.length - 1];
    for (let i = 0; i < 100; i++) {
      const [row] = await dispatch.app.get(DataSource).query(`SELECT colour FROM dispatch.scores WHERE credit_code = $1`, [probe.creditCode]);
      if (row?.colour === probe.colour) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const permuted = await draw('ks-seed');
    expect(permuted.inputsFingerprint).not.toBe(random.inputsFingerprint);
    expect(permuted.resultFingerprint).toBe(random.resultFingerprint);

    // Oversight also logs the draw dispatch published, marked as drawn with the model suspended.
    let drawEntry: { body: unknown } | undefined;
    for (let i = 0; i < 100 && !drawEntry; i++) {
      [drawEntry] = (await requestJson<{ body: unknown }[]>(oversight.baseUrl, 'GET', `/api/audit/entries?kind=dispatch-draw&subjectRef=${random.id}`)).body;
      if (!drawEntry) await new Promise((r) => setTimeout(r, 100));
    }
    expect(drawEntry?.body).toMatchObject({ data: { drawId: random.id, modelSuspended: true } });

    // A person resumes it: risk-based selection returns on the next draw.
    const resumed = await requestJson<SuspensionChange>(oversight.baseUrl, 'POST', '/api/kill-switch/resume', {
      actor: 'officer-8',
      reason: 'drift explained, model revalidated',
    });
    expect(resumed.status).toBe(201);
    expect(Date.parse(resumed.body.at)).toBeGreaterThan(Date.parse(suspended.body.at));
    await modelSuspended(false);
    const back = await draw('ks-seed');
    expect(back.suspended).toBe(false);
    expect(back.modelVersion).not.toBeNull();
    expect((await tasksOf(back.id)).some((t) => t.reason === 'risk')).toBe(true);

    const { body: state } = await requestJson<KillSwitchState>(oversight.baseUrl, 'GET', '/api/kill-switch');
    expect(state.suspended).toBe(false);
    expect(state.history.map((c) => [c.suspended, c.actor])).toEqual([
      [false, 'officer-8'],
      [true, 'officer-7'],
    ]);
    expect(state.since?.auditSeq).toBe(resumed.body.auditSeq);
    const entries = await killSwitchEntries();
    expect(entries.map((e) => e.seq)).toEqual([suspended.body.auditSeq, resumed.body.auditSeq]);
    expect((await requestJson<{ ok: boolean }>(oversight.baseUrl, 'POST', '/api/audit/verify')).body.ok).toBe(true);
  });
});
