import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNats, listenTestApp } from '@tianping/testing';
import { IntakeModule } from '../../../apps/intake/src/intake.module';

export interface IntakeHarness {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  nats: TestNats;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** Boots the real intake service on its own database copy and its own nats-server (taking messages up to `natsMaxPayload`). */
export async function startIntake(options: { natsMaxPayload?: number } = {}): Promise<IntakeHarness> {
  const db = await createTestDatabase();
  const nats = await startTestNats({ maxPayload: options.natsMaxPayload });
  process.env.DATABASE_URL = db.url;
  process.env.NATS_URL = nats.url;
  const { app, baseUrl } = await listenTestApp(IntakeModule);
  return {
    app,
    baseUrl,
    db,
    nats,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await nats.stop();
      await db.drop();
    },
  };
}

/** A Platform B clue about the enterprise `creditCode`, as pushed or posted; `extra` sets other fields. */
export const clueAbout = (creditCode: string, id: string, extra: object = {}) => ({
  clue_id: id,
  channel: '12345',
  received_at: '2024-03-01T09:15:00+08:00',
  credit_code: creditCode,
  category: 'food_safety',
  department: 'SAMR',
  verified: true,
  status: 'closed',
  updated_at: '2024-03-12T17:00:00+08:00',
  ...extra,
});
