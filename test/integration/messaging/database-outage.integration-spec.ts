import { createServer, connect, type Server, type Socket } from 'node:net';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { STREAMS } from '@tianping/contracts';
import { connectNats, DurableConsumer, ensureStreams, listDeadLetters } from '@tianping/messaging';
import { createTestDatabase, eventually, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';

const SUBJECT = 'intake.cases.upserted.v1';

/** A TCP relay in front of PostgreSQL that can go down (connections refused and cut) and come back on the same port. */
class Outage {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** PostgreSQL away for longer than the retries take is not the message's fault: it must not be dead-lettered. */
describe('durable consumer during a database outage', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let nc: NatsConnection;
  let outage: Outage;
  let dataSource: DataSource;
  let consumer: DurableConsumer;
  const taken: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    nc = await connectNats(nats.url, 'database-outage-test');
    await ensureStreams(nc);
    const url = new URL(db.url);
    outage = new Outage({ host: url.hostname, port: Number(url.port || 5432) });
    await outage.up();
    url.host = `127.0.0.1:${outage.port}`;
    dataSource = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1, connectionTimeoutMillis: 1000 } });
    await dataSource.initialize();
    consumer = new DurableConsumer(nc, {
      stream: STREAMS.intake.name,
      durable: 'test-outage',
      filterSubject: SUBJECT,
      maxDeliver: 3,
      handle: async (msg) => {
        await dataSource.query('SELECT 1');
        taken.push(new TextDecoder().decode(msg.data));
      },
    });
    await consumer.start();
  });
  afterAll(async () => {
    await consumer?.stop();
    await dataSource?.destroy();
    await outage?.down().catch(() => undefined);
    await nc?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('keeps retrying a message while PostgreSQL is unreachable, and takes it once it is back', async () => {
    await outage.down();
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('{"batchId":"b1","records":[]}'));
    // Three deliveries (the bound) fail within about 3 s; the outage lasts longer than that.
    await new Promise((r) => setTimeout(r, 6_000));
    await outage.up();

    await eventually(() => Promise.resolve(taken.length === 1), 'the message to be taken once PostgreSQL is back', 30_000);
    expect(await listDeadLetters(nc)).toHaveLength(0);
    const info = await (await jetstreamManager(nc)).consumers.info(STREAMS.intake.name, 'test-outage');
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  }, 60_000);
});
