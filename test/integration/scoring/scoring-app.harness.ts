import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { generateCity, type CityManifest } from '@tianping/synthetic-city';
import { eventually, createTestDatabase, startTestNats, type TestDatabase, type TestNats, listenTestApp } from '@tianping/testing';
import { IntakeCoreModule } from '../../../apps/intake/src/intake.module';
import { IngestService } from '../../../apps/intake/src/ingest/ingest.service';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { ProjectionRepository } from '../../../apps/scoring/src/projection/projection.repository';
import { ScoringModule } from '../../../apps/scoring/src/scoring.module';

export interface ScoringHarness {
  app: NestExpressApplication;
  intake: INestApplicationContext;
  baseUrl: string;
  db: TestDatabase;
  nats: TestNats;
  dataSource: DataSource;
  manifest: CityManifest;
  cityDir: string;
  /** A separate client playing intake for hand-made events, and reading streams back. */
  client: NatsConnection;
  js: JetStreamClient;
  publish: (subject: string, payload: unknown) => Promise<void>;
  http: <T = unknown>(path: string) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}

/**
 * A generated city ingested by the real intake (its outbox publishes real events), and the real
 * scoring service on the same database server and nats-server, projecting those events.
 */
export async function startScoringOnCity(city: { enterprises: number; years: number; seed: number }): Promise<ScoringHarness> {
  const db = await createTestDatabase();
  const nats = await startTestNats();
  process.env.DATABASE_URL = db.url;
  process.env.NATS_URL = nats.url;
  const cityDir = mkdtempSync(join(tmpdir(), 'tianping-scoring-city-'));
  const manifest = await generateCity({ ...city, outDir: cityDir });
  const intake = await NestFactory.createApplicationContext(IntakeCoreModule, { logger: ['error'] });
  await intake.init();
  await intake.get(IngestService).ingestDirectory(cityDir);
  await intake.get(IntakeOutbox).relay.drain();
  const { app, baseUrl } = await listenTestApp(ScoringModule);
  const client = await connect({ servers: nats.url });
  const js = jetstream(client);
  return {
    app,
    intake,
    baseUrl,
    db,
    nats,
    dataSource: app.get(DataSource),
    manifest,
    cityDir,
    client,
    js,
    publish: async (subject, payload) => {
      await js.publish(subject, new TextEncoder().encode(JSON.stringify(payload)));
    },
    http: async <T>(path: string) => {
      const res = await fetch(`${baseUrl}${path}`);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    close: async () => {
      await client.close();
      await app.close();
      await intake.close();
      await nats.stop();
      await db.drop();
      rmSync(cityDir, { recursive: true, force: true });
    },
  };
}

/** Waits until scoring's projections hold every subject, case and clue intake accepted. */
export async function projectionsSettled(h: ScoringHarness): Promise<void> {
  const [expected] = await h.dataSource.query(
    `SELECT (SELECT count(*) FROM intake.subjects)::int AS subjects, (SELECT count(*) FROM intake.cases)::int AS cases, (SELECT count(*) FROM intake.clues)::int AS clues`,
  );
  const projections = h.app.get(ProjectionRepository);
  await eventually(async () => {
    const c = await projections.counts();
    return c.subjects === expected.subjects && c.cases === expected.cases && c.clues === expected.clues;
  }, 'scoring projections to hold what intake accepted');
}

/** Every message on a stream subject so far. */
export async function readSubject(js: JetStreamClient, stream: string, subject: string): Promise<unknown[]> {
  // An ordered consumer over the whole stream, filtered here (filter_subjects needs a 2.10 server).
  const consumer = await js.consumers.get(stream);
  const out: unknown[] = [];
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 500, expires: 1000 });
    let n = 0;
    for await (const m of batch) {
      if (m.subject === subject) out.push(JSON.parse(new TextDecoder().decode(m.data)));
      n++;
    }
    if (n === 0) return out;
  }
}
