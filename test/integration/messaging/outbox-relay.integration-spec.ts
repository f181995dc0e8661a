import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { connectNats, enqueueEvent, ensureStreams, OutboxRelay } from '@tianping/messaging';
import { createTestDatabase, startTestNats, TEST_SERVER_URL, type TestDatabase, type TestNats } from '@tianping/testing';

const SCHEMA = 'relaytest';

/** The outbox relay keeps going after PostgreSQL was away, even at the very first query it makes. */
describe('outbox relay', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let nc: NatsConnection;
  let admin: Client;
  let dataSource: DataSource;
  const role = `relay_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    nc = await connectNats(nats.url, 'outbox-relay-test');
    await ensureStreams(nc);
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`CREATE SCHEMA ${SCHEMA} AUTHORIZATION ${role}`);
    const url = new URL(db.url);
    url.username = role;
    dataSource = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 2 } });
    await dataSource.initialize();
    await dataSource.query(
      `CREATE TABLE ${SCHEMA}.outbox (id bigserial PRIMARY KEY, subject text NOT NULL, payload jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz, refused_at timestamptz, refusal text)`,
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin?.end();
    await nc?.close();
    await nats?.stop();
    await db?.drop();
    const server = new Client({ connectionString: TEST_SERVER_URL });
    await server.connect();
    await server.query(`DROP ROLE IF EXISTS ${role}`);
    await server.end();
  });

  it('recovers when its first query fails (the database restarting as the app starts)', async () => {
    await dataSource.transaction((m) => enqueueEvent(m, SCHEMA, 'intake.subjects.upserted.v1', { ok: 1 }));
    // The relay's connections are cut and new ones refused, before it has asked anything.
    await admin.query(`REVOKE CONNECT ON DATABASE ${db.name} FROM PUBLIC`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
    const relay = new OutboxRelay(dataSource, SCHEMA, nc);
    await expect(relay.drain()).rejects.toThrow();
    await expect(relay.drain()).rejects.toThrow();

    await admin.query(`GRANT CONNECT ON DATABASE ${db.name} TO PUBLIC`);
    expect(await relay.drain()).toBe(1);
    const stream = await jetstream(nc).streams.get('INTAKE');
    expect((await stream.info()).state.messages).toBe(1);
  });

  it('sets aside an event NATS will never take, with the reason, and publishes the ones after it', async () => {
    const relay = new OutboxRelay(dataSource, SCHEMA, nc);
    await relay.drain();
    const stream = await jetstream(nc).streams.get('INTAKE');
    const before = (await stream.info()).state.messages;
    const tooLarge = { padding: 'x'.repeat(nc.info!.max_payload + 1) };
    await dataSource.transaction(async (m) => {
      await enqueueEvent(m, SCHEMA, 'intake.subjects.upserted.v1', tooLarge);
      await enqueueEvent(m, SCHEMA, 'intake.subjects.upserted.v1', { ok: 2 });
    });

    expect(await relay.drain()).toBe(1);
    expect((await stream.info()).state.messages).toBe(before + 1);
    expect(await relay.pending()).toBe(0);
    const [refused] = await dataSource.query(`SELECT refusal FROM ${SCHEMA}.outbox WHERE refused_at IS NOT NULL`);
    expect(refused.refusal).toMatch(/max_payload/);
  });

  it('makes the streams again when NATS restarted without its data, and sends what waits', async () => {
    const relay = new OutboxRelay(dataSource, SCHEMA, nc);
    await relay.drain();
    await nats.restart({ withoutData: true });
    await dataSource.transaction((m) => enqueueEvent(m, SCHEMA, 'intake.subjects.upserted.v1', { ok: 'after the loss' }));
    // No stream takes the event: the round fails, and the relay makes the suite's streams again.
    let sent = 0;
    for (let attempt = 0; attempt < 50 && sent === 0; attempt++) {
      sent = await relay.drain().catch(() => 0);
      if (sent === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(sent).toBe(1);
    const stream = await jetstream(nc).streams.get('INTAKE');
    expect((await stream.info()).state.messages).toBe(1);
    expect(await relay.pending()).toBe(0);
  }, 60_000);
});
