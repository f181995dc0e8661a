import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects } from '@tianping/contracts';
import { DurableConsumer, enqueueEvent, NATS_CONNECTION } from '@tianping/messaging';
import { eventually } from '@tianping/testing';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { ROLES } from '../../../apps/web/src/access/roles';
import { startIntake, type IntakeHarness } from '../intake/intake-app.harness';
import { createRoleAccounts, routeSuiteTo, signIn, startWeb, type WebHarness } from './web-app.harness';

const USERNAMES = { enterprise: 'ent', department: 'officer', dispatcher: 'dispatcher', oversight: 'overseer', admin: 'admin' } as const;
const SMALL_NATS = 64 * 1024;

interface Outbox {
  name: string;
  waiting: number;
  oldestWaitingSeconds: number | null;
  refused: number;
  refusedEvents: { id: number; subject: string; refusal: string }[];
  warnings: { code: string }[];
}
interface Consumer {
  durable: string;
  pending: number;
  awaitingAck: number;
  oldestWaitingSeconds: number | null;
  sinceStart: { redelivered: number; deadLettered: number };
  warnings: { code: string }[];
}
interface Service {
  app: string;
  state: string;
  delivery: { outboxes: Outbox[]; consumers: Consumer[] } | null;
}
interface DeadLetter {
  seq: number;
  durable: string;
  originalSubject: string;
  error: string;
  deliveries: number;
  bytes: number;
}

/**
 * The administrators' health page against the real intake (on its own PostgreSQL database and
 * nats-server, which takes messages of up to 64 KB) and the real web gateway in front of it; the
 * other services are not running.
 */
describe('the system health page (运行状况): delivery between the apps, seen and acted on by an administrator', () => {
  let intake: IntakeHarness;
  let web: WebHarness;
  let nc: NatsConnection;
  const cookies = {} as Record<keyof typeof USERNAMES, string>;

  beforeAll(async () => {
    intake = await startIntake({ natsMaxPayload: SMALL_NATS });
    routeSuiteTo(1); // scoring, dispatch and oversight: nothing answers
    process.env.PORT_INTAKE = new URL(intake.baseUrl).port;
    web = await startWeb();
    await createRoleAccounts(web.app);
    for (const role of ROLES) cookies[role] = await signIn(web.baseUrl, USERNAMES[role]);
    nc = await connect({ servers: intake.nats.url });
  });
  afterAll(async () => {
    await nc?.close();
    await web?.close();
    await intake?.close();
    for (const app of ['INTAKE', 'SCORING', 'DISPATCH', 'OVERSIGHT']) delete process.env[`PORT_${app}`];
  });

  async function call<T>(method: string, path: string, role: keyof typeof USERNAMES | null = 'admin', body: unknown = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (role) headers.cookie = cookies[role];
    const response = await fetch(`${web.baseUrl}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  }

  const intakeStatus = async () => (await call<{ services: Service[] }>('GET', '/api/ops/status')).body.services.find((s) => s.app === 'intake')!;
  const outboxRow = async (id: number) =>
    (
      await intake.dataSource.query(
        `SELECT published_at IS NOT NULL AS published, refused_at, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us FROM intake.outbox WHERE id = $1`,
        [id],
      )
    )[0] as { published: boolean; refused_at: Date | null; created_us: string };

  it("reports intake's outbox backlog and its age, and an event NATS refused with its subject and reason", async () => {
    const relay = intake.app.get(IntakeOutbox).relay;
    await relay.stop();
    await intake.dataSource.transaction(async (m) => {
      for (let i = 0; i < 3; i++) await enqueueEvent(m, 'intake', IntakeSubjects.subjectsUpserted, { records: [], batch: i });
    });
    await intake.dataSource.query(`UPDATE intake.outbox SET created_at = now() - interval '10 minutes' WHERE published_at IS NULL`);

    const answer = await call<{ services: Service[] }>('GET', '/api/ops/status');
    expect(answer.status).toBe(200);
    const byApp = Object.fromEntries(answer.body.services.map((s) => [s.app, s]));
    expect(Object.keys(byApp).sort()).toEqual(['dispatch', 'intake', 'oversight', 'scoring', 'web']);
    expect(byApp.web).toMatchObject({ state: 'ready' });
    expect(byApp.scoring).toMatchObject({ state: 'not-answering', delivery: null });
    expect(byApp.intake.state).toBe('ready');
    const [backlog] = byApp.intake.delivery!.outboxes;
    expect(backlog).toMatchObject({ name: 'intake.outbox', waiting: 3, refused: 0 });
    expect(backlog.oldestWaitingSeconds).toBeGreaterThanOrEqual(600);
    expect(backlog.warnings).toEqual([expect.objectContaining({ code: 'outbox_behind', waiting: 3 })]);

    // An event larger than NATS takes is set aside; the ones before it go out.
    await intake.dataSource.transaction((m) => enqueueEvent(m, 'intake', IntakeSubjects.subjectsUpserted, { padding: 'x'.repeat(SMALL_NATS * 2) }));
    relay.start();
    await eventually(async () => (await relay.pending()) === 0, 'the relay to send the backlog');
    const [after] = (await intakeStatus()).delivery!.outboxes;
    expect(after).toMatchObject({ waiting: 0, oldestWaitingSeconds: null, refused: 1 });
    expect(after.refusedEvents).toEqual([expect.objectContaining({ subject: IntakeSubjects.subjectsUpserted, refusal: expect.stringMatching(/max_payload/) })]);
    expect(after.warnings).toEqual([{ code: 'outbox_refused', count: 1 }]);
  });

  it('sends a refused event again once NATS takes it, with its original time, and records who did', async () => {
    const [{ id }] = (await intakeStatus()).delivery!.outboxes[0].refusedEvents;
    for (const role of ROLES.filter((r) => r !== 'admin')) expect((await call('POST', `/api/ops/intake/outbox/${id}/resend`, role)).status).toBe(403);
    expect((await call('POST', `/api/ops/intake/outbox/${id}/resend`, null)).status).toBe(401);

    // Sent again before the cause is fixed: refused again, and kept again.
    const firstRefusal = (await outboxRow(id)).refused_at!;
    expect((await call('POST', `/api/ops/intake/outbox/${id}/resend`)).status).toBe(200);
    await eventually(async () => {
      const row = await outboxRow(id);
      return row.refused_at !== null && row.refused_at > firstRefusal;
    }, 'the event to be set aside again');

    // The operator raises NATS's max_payload; the event goes out with the time it was written.
    await intake.nats.restart({ maxPayload: 1024 * 1024 });
    await nc.close();
    nc = await connect({ servers: intake.nats.url });
    const appNats = intake.app.get<NatsConnection>(NATS_CONNECTION);
    await eventually(async () => appNats.info?.max_payload === 1024 * 1024, 'intake to reconnect to the larger NATS');
    const resent = await call<{ id: number; subject: string; outbox: string }>('POST', `/api/ops/intake/outbox/${id}/resend`, 'admin', {
      actor: 'someone-else',
    });
    expect(resent).toEqual({ status: 200, body: { id, subject: IntakeSubjects.subjectsUpserted, outbox: 'intake.outbox' } });
    await eventually(async () => (await outboxRow(id)).published, 'the event to be published');
    const sent = await (await jetstreamManager(nc)).streams.getMessage('INTAKE', { last_by_subj: IntakeSubjects.subjectsUpserted });
    expect(sent!.data.length).toBeGreaterThan(SMALL_NATS * 2);
    expect(sent!.header?.get('Tianping-Original-Published')).toBe((BigInt((await outboxRow(id)).created_us) * 1000n).toString());
    expect((await intakeStatus()).delivery!.outboxes[0]).toMatchObject({ refused: 0, warnings: [] });
    expect((await call('POST', `/api/ops/intake/outbox/${id}/resend`)).status).toBe(404);

    // Every act is kept with its outcome, the one the app refused too (nothing left to send).
    const recorded = await web.dataSource.query(`SELECT username, action, target, subject, outcome, detail FROM web.operator_actions ORDER BY id`);
    const done = { username: 'admin', action: 'outbox.resend', target: `intake.outbox#${id}`, subject: IntakeSubjects.subjectsUpserted, outcome: 'done' };
    expect(recorded).toMatchObject([
      done,
      done,
      { username: 'admin', action: 'outbox.resend', target: `intake.outbox#${id}`, subject: null, outcome: 'refused', detail: { app: 'intake', status: 404 } },
    ]);
  }, 90_000);

  it('lists, shows (personal data masked) and replays a real dead letter through the gateway as admin, and refuses every other role', async () => {
    const js = jetstream(nc);
    await js.publish(DispatchSubjects.visitResultRecorded, new TextEncoder().encode('{"creditCode":"91440604MA4UJ8K20C","note":"请回电 13800138000"}'));
    const listed = await eventually(async () => {
      const page = await call<{ total: number; deadLetters: DeadLetter[]; next: number | null }>('GET', '/api/dead-letters');
      return page.body.deadLetters.length > 0 && page.body;
    }, 'the malformed visit result to be dead-lettered');
    expect(listed.total).toBe(1);
    const [letter] = listed.deadLetters;
    expect(letter).toMatchObject({ durable: 'intake-visit-results', originalSubject: DispatchSubjects.visitResultRecorded, deliveries: 1 });
    expect(letter.error).toContain('visitId');
    expect(letter.bytes).toBeGreaterThan(0);

    const shown = await call<{ seq: number; payload: { text: string; json: boolean } }>('GET', `/api/dead-letters/${letter.seq}`);
    expect(shown.status).toBe(200);
    expect(shown.body.payload.json).toBe(true);
    expect(shown.body.payload.text).toContain('91440604MA4UJ8K20C');
    expect(shown.body.payload.text).not.toContain('13800138000');

    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect((await call('GET', '/api/dead-letters', role)).status).toBe(403);
      expect((await call('GET', `/api/dead-letters/${letter.seq}`, role)).status).toBe(403);
      expect((await call('POST', `/api/dead-letters/${letter.seq}/replay`, role)).status).toBe(403);
      expect((await call('GET', '/api/ops/status', role)).status).toBe(403);
    }
    expect((await call('POST', `/api/dead-letters/${letter.seq}/replay`, null)).status).toBe(401);
    expect((await call('GET', `/api/dead-letters/${letter.seq}`)).status).toBe(200);

    const replayed = await call<{ seq: number; republishedTo: string }>('POST', `/api/dead-letters/${letter.seq}/replay`, 'admin', { actor: 'someone-else' });
    expect(replayed).toMatchObject({ status: 200, body: { seq: letter.seq, republishedTo: DispatchSubjects.visitResultRecorded } });
    expect((await call('GET', `/api/dead-letters/${letter.seq}`)).status).toBe(404);
    const actions = await call<{ username: string; action: string; target: string }[]>('GET', '/api/ops/actions');
    expect(actions.body[0]).toMatchObject({ username: 'admin', action: 'dead-letter.replay', target: `DEADLETTER#${letter.seq}`, outcome: 'done' });
    // A second replay of the same letter finds it gone: refused, and kept as such.
    expect((await call('POST', `/api/dead-letters/${letter.seq}/replay`)).status).toBe(404);
    const again = await call<{ action: string; outcome: string; detail: { status: number } }[]>('GET', '/api/ops/actions');
    expect(again.body[0]).toMatchObject({ action: 'dead-letter.replay', target: `DEADLETTER#${letter.seq}`, outcome: 'refused', detail: { status: 404 } });
    // Still malformed, so it comes back as a new dead letter: nothing is lost.
    await eventually(
      async () => (await call<{ deadLetters: DeadLetter[] }>('GET', '/api/dead-letters')).body.deadLetters.some((l) => l.seq > letter.seq),
      'the replay to fail again',
    );
    const consumer = (await intakeStatus()).delivery!.consumers.find((c) => c.durable === 'intake-visit-results')!;
    expect(consumer.sinceStart.deadLettered).toBe(2);
  });

  it("lists a consumer of intake's that no instance takes from, with its backlog and the age of its oldest message", async () => {
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.add('INTAKE', { durable_name: 'intake-retired', ack_policy: AckPolicy.Explicit, filter_subject: IntakeSubjects.casesUpserted });
    await jetstream(nc).publish(IntakeSubjects.casesUpserted, new TextEncoder().encode('{}'));
    const consumers = (await intakeStatus()).delivery!.consumers;
    expect(consumers.map((c) => c.durable)).toEqual(
      expect.arrayContaining(['intake-clues', 'intake-visit-results', 'intake-appeal-corrections', 'intake-retired']),
    );
    const retired = consumers.find((c) => c.durable === 'intake-retired')!;
    expect(retired.pending).toBe(1);
    expect(retired.oldestWaitingSeconds).toEqual(expect.any(Number));
    expect(retired.oldestWaitingSeconds).toBeLessThan(60);
  });

  it('warns of a consumer whose handler keeps failing because the database is away, in the words of its error', async () => {
    // A failure because a server is away never uses up the message's tries: without this warning it would retry unseen.
    const failing = new DurableConsumer(intake.app.get<NatsConnection>(NATS_CONNECTION), {
      stream: 'INTAKE',
      durable: 'intake-always-away',
      filterSubject: IntakeSubjects.officersUpserted,
      handle: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    });
    await failing.start();
    try {
      await jetstream(nc).publish(IntakeSubjects.officersUpserted, new TextEncoder().encode('{"records":[]}'));
      const consumer = await eventually(
        async () => (await intakeStatus()).delivery!.consumers.find((c) => c.durable === 'intake-always-away' && c.warnings.length > 0),
        'the third failure in a row',
        20_000,
        500,
      );
      expect(consumer.warnings).toEqual([expect.objectContaining({ code: 'consumer_failing', inARow: 3, message: 'connect ECONNREFUSED 127.0.0.1:5432' })]);
      expect(consumer.sinceStart).toMatchObject({ redelivered: 3, deadLettered: 0 });
      expect(consumer.awaitingAck).toBe(1);
    } finally {
      await failing.stop();
    }
  }, 30_000);
});
