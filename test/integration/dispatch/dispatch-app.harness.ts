import type { NestExpressApplication } from '@nestjs/platform-express';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { createTestDatabase, listenTestApp, requestJson, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';
import { DispatchModule } from '../../../apps/dispatch/src/dispatch.module';
import { DispatchOutbox } from '../../../apps/dispatch/src/outbox/dispatch-outbox.provider';
import { ProjectionRepository } from '../../../apps/dispatch/src/projection/projection.repository';

export interface DispatchHarness {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  nats: TestNats;
  /** A separate client playing the other apps: it publishes their events. */
  publisher: NatsConnection;
  dataSource: DataSource;
  publish: (subject: string, payload: unknown) => Promise<void>;
  /** Waits until the projections satisfy `done` (consumers run asynchronously). */
  settle: (done: (counts: Record<string, number | boolean>) => boolean) => Promise<Record<string, number | boolean>>;
  /** Publishes dispatch's pending outbox rows and reads a stream back. */
  readStream: (stream: string) => Promise<{ subject: string; data: unknown }[]>;
  http: <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}

/** Boots the real dispatch service on its own database copy and its own nats-server. */
export async function startDispatch(): Promise<DispatchHarness> {
  const db = await createTestDatabase();
  const nats = await startTestNats();
  process.env.DATABASE_URL = db.url;
  process.env.NATS_URL = nats.url;
  const { app, baseUrl } = await listenTestApp(DispatchModule);
  const publisher = await connect({ servers: nats.url });
  const js = jetstream(publisher);
  const projections = app.get(ProjectionRepository);
  return {
    app,
    baseUrl,
    db,
    nats,
    publisher,
    dataSource: app.get(DataSource),
    publish: async (subject, payload) => {
      await js.publish(subject, new TextEncoder().encode(JSON.stringify(payload)));
    },
    settle: async (done) => {
      for (let i = 0; i < 300; i++) {
        const counts = await projections.counts();
        if (done(counts)) return counts;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`projections did not settle: ${JSON.stringify(await projections.counts())}`);
    },
    readStream: async (stream) => {
      await app.get(DispatchOutbox).relay.drain();
      const consumer = await js.consumers.get(stream);
      const out: { subject: string; data: unknown }[] = [];
      const messages = await consumer.fetch({ max_messages: 1000, expires: 1000 });
      for await (const m of messages) out.push({ subject: m.subject, data: JSON.parse(new TextDecoder().decode(m.data)) });
      return out;
    },
    http: <T>(method: string, path: string, body?: unknown) => requestJson<T>(baseUrl, method, path, body),
    close: async () => {
      await publisher.close();
      await app.close();
      await nats.stop();
      await db.drop();
    },
  };
}
