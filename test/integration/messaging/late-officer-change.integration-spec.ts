import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IntakeSubjects, STREAMS, type ChangeBatch, type OfficerChange } from '@tianping/contracts';
import { connectNats, encodeJson, ensureStreams } from '@tianping/messaging';
import { createTestDatabase, eventually, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';
import { ProjectionHandler } from '../../../apps/dispatch/src/projection/projection.handler';
import { ProjectionRepository } from '../../../apps/dispatch/src/projection/projection.repository';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Officers' changes carry no version of their own. An older change retried after a newer one (its first
 * delivery failed on a lock and was nak'd with back-off) must not put back what the newer one replaced.
 */
describe("dispatch's officers when an older change is delivered after a newer one", () => {
  let db: TestDatabase;
  let nats: TestNats;
  let nc: NatsConnection;
  let dataSource: DataSource;
  let locker: Client;
  let handler: ProjectionHandler;

  const change = (status: string, batchId: string): ChangeBatch<OfficerChange> => ({
    batchId,
    records: [{ officerId: 'OFF-LATE-1', department: '市场监管', certValidUntil: '2027-12-31', domains: ['食品安全'], regionCode: '440604', status }],
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    nc = await connectNats(nats.url, 'late-officer-test');
    await ensureStreams(nc);
    // Short lock waits, so a locked table fails a delivery quickly (and it is retried with back-off).
    dataSource = await new DataSource({ type: 'postgres', url: db.url, poolSize: 2, extra: { options: '-c lock_timeout=200' } }).initialize();
    locker = new Client({ connectionString: db.url });
    await locker.connect();
    handler = new ProjectionHandler(nc, new ProjectionRepository(dataSource));
    await handler.onApplicationBootstrap();
  });
  afterAll(async () => {
    await handler?.beforeApplicationShutdown();
    await locker?.end();
    await dataSource?.destroy();
    await nc?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('keeps the newer status', async () => {
    const js = jetstream(nc);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE dispatch.officers IN ACCESS EXCLUSIVE MODE');
    await js.publish(IntakeSubjects.officersUpserted, encodeJson(change('在岗', 'older')));
    // Its first delivery fails on the lock and is retried about a second later; the newer one comes in between.
    await sleep(500);
    await locker.query('COMMIT');
    await js.publish(IntakeSubjects.officersUpserted, encodeJson(change('离岗', 'newer')));
    await eventually(async () => (await dataSource.query(`SELECT 1 FROM dispatch.officers WHERE status = '离岗'`)).length > 0, 'the newer change');
    await sleep(3_000); // the older one's retry has come and gone
    const [row] = await dataSource.query(`SELECT status FROM dispatch.officers WHERE officer_id = 'OFF-LATE-1'`);
    expect(row.status).toBe('离岗');
  }, 30_000);

  it("still takes new changes after intake's stream is recreated and its sequences start again", async () => {
    const jsm = await jetstreamManager(nc);
    // As after NATS lost its data: the stream is made again and the apps start again.
    await handler.beforeApplicationShutdown();
    await jsm.streams.delete(STREAMS.intake.name);
    await ensureStreams(nc);
    handler = new ProjectionHandler(nc, new ProjectionRepository(dataSource));
    await handler.onApplicationBootstrap();
    await jetstream(nc).publish(IntakeSubjects.officersUpserted, encodeJson(change('在岗', 'after-reset')));
    await eventually(async () => (await dataSource.query(`SELECT 1 FROM dispatch.officers WHERE status = '在岗'`)).length > 0, 'the change after the reset');
  }, 60_000);
});
