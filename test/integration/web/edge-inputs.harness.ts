import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { generateSigningKey } from '@tianping/audit-log';
import { configureHttpApp } from '@tianping/database';
import { createTestDatabase, listenTestApp, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';
import { DispatchModule } from '../../../apps/dispatch/src/dispatch.module';
import { IntakeModule } from '../../../apps/intake/src/intake.module';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import { configureWebApp } from '../../../apps/web/src/web-app.config';
import { WebModule } from '../../../apps/web/src/web.module';
import { createRoleAccounts } from './web-app.harness';

export type EdgeApp = 'intake' | 'dispatch' | 'oversight' | 'web';

export interface EdgeSuite {
  urls: Record<EdgeApp, string>;
  apps: Record<EdgeApp, NestExpressApplication>;
  db: TestDatabase;
  nats: TestNats;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/**
 * The apps that take request bodies (intake, dispatch, oversight) and the web gateway in front of
 * them, on one database and one nats-server, the web app's view of the others pointed at them.
 */
export async function startEdgeSuite(): Promise<EdgeSuite> {
  const db = await createTestDatabase();
  const nats = await startTestNats();
  const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-edge-key-')), 'audit-signing-key.pem');
  writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
  process.env.DATABASE_URL = db.url;
  process.env.NATS_URL = nats.url;
  process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
  const boot = async (name: Exclude<EdgeApp, 'web'>, module: Type<unknown>) => {
    const started = await listenTestApp(module, configureHttpApp);
    process.env[`PORT_${name.toUpperCase()}`] = new URL(started.baseUrl).port;
    return started;
  };
  const intake = await boot('intake', IntakeModule);
  const dispatch = await boot('dispatch', DispatchModule);
  const oversight = await boot('oversight', OversightModule);
  const web = await listenTestApp(WebModule, configureWebApp);
  await createRoleAccounts(web.app);
  const apps = { intake: intake.app, dispatch: dispatch.app, oversight: oversight.app, web: web.app };
  return {
    urls: { intake: intake.baseUrl, dispatch: dispatch.baseUrl, oversight: oversight.baseUrl, web: web.baseUrl },
    apps,
    db,
    nats,
    dataSource: intake.app.get(DataSource),
    close: async () => {
      for (const app of [web.app, oversight.app, dispatch.app, intake.app]) await app.close();
      await nats.stop();
      await db.drop();
    },
  };
}

export interface Answer {
  status: number;
  body: { statusCode?: number; message?: unknown; code?: string } & Record<string, unknown>;
  text: string;
}

export async function send(
  url: string,
  init: { method?: string; body?: BodyInit; type?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.type) headers['content-type'] = init.type;
  if (init.cookie) headers.cookie = init.cookie;
  const response = await fetch(url, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body });
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test says what it expected
  }
  return { status: response.status, body, text };
}

/** Every table of the suite's schemas, to show that none was dropped. */
export async function suiteTables(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
      WHERE table_schema IN ('intake', 'scoring', 'dispatch', 'oversight', 'web') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}
