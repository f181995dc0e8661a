import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase, listenTestApp } from '@tianping/testing';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import { configureWebApp } from '../../../apps/web/src/web-app.config';
import { WebModule } from '../../../apps/web/src/web.module';

export interface WebHarness {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** Boots the real web app on its own database copy (it needs no NATS: it calls the other apps over HTTP). */
export async function startWeb(): Promise<WebHarness> {
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const { app, baseUrl } = await listenTestApp(WebModule, configureWebApp);
  return {
    app,
    baseUrl,
    db,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export const TEST_PASSWORD = 'test-password-2026';
export const OWN_CODE = '91310000MA1FL8XQ37';
export const OTHER_CODE = '91440300MA5G9LQK22';

/** One account of each role; the enterprise is bound to OWN_CODE, the officer to SAMR. */
export async function createRoleAccounts(app: NestExpressApplication): Promise<void> {
  const accounts = app.get(AccountsService);
  await accounts.create({ username: 'ent', password: TEST_PASSWORD, role: 'enterprise', creditCode: OWN_CODE });
  await accounts.create({ username: 'officer', password: TEST_PASSWORD, role: 'department', department: 'SAMR' });
  await accounts.create({ username: 'dispatcher', password: TEST_PASSWORD, role: 'dispatcher' });
  await accounts.create({ username: 'overseer', password: TEST_PASSWORD, role: 'oversight' });
  await accounts.create({ username: 'admin', password: TEST_PASSWORD, role: 'admin' });
}

/** Signs in and returns the session cookie to send back. */
export async function signIn(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0];
}

export interface SeenRequest {
  method: string;
  url: string;
  body: string;
}

export interface FakeSuite {
  port: number;
  seen: SeenRequest[];
  close: () => Promise<void>;
}

/** A canned answer that comes only after `ms`: a service that hangs (longer than the gateway waits) or is slow. */
/** An answer that depends on the request's query: a list asked for page by page. */
export class QueryAnswer {
  constructor(readonly answer: (query: URLSearchParams) => unknown) {}
}

/** An answer with a status other than 200 (a refusal: 400 and its message). */
export class StatusAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export class SlowAnswer {
  constructor(
    readonly ms: number,
    readonly body: unknown,
  ) {}
}

/**
 * Stands in for intake, scoring, dispatch and oversight on one port: answers every route with a
 * marker and records what reached it, so a test can tell forwarded requests from refused ones.
 * `answers` is read at each request, so a test may change it while the fake runs.
 */
export async function startFakeSuite(
  visits: Record<string, { creditCode: string; departments: string[] }>,
  answers: Record<string, unknown> = {},
): Promise<FakeSuite> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    seen.push({ method: request.method!, url: request.url!, body: Buffer.concat(chunks).toString() });
    const visit = /^\/api\/(?:visits|appeals)\/([^/?]+)$/.exec(request.url!);
    response.setHeader('content-type', 'application/json');
    let canned = answers[`${request.method} ${request.url!.split('?')[0]}`];
    if (canned instanceof SlowAnswer) {
      const { ms, body } = canned;
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (response.destroyed) return;
      canned = body;
    }
    if (canned instanceof QueryAnswer) canned = canned.answer(new URL(request.url!, 'http://fake').searchParams);
    if (canned instanceof StatusAnswer) {
      response.statusCode = canned.status;
      canned = canned.body;
    }
    if (canned !== undefined) {
      response.end(JSON.stringify(canned));
      return;
    }
    if (request.method === 'GET' && visit) {
      const found = visits[decodeURIComponent(visit[1])];
      response.statusCode = found ? 200 : 404;
      response.end(JSON.stringify(found ? { forwarded: true, id: visit[1], ...found } : { statusCode: 404, message: 'no visit' }));
      return;
    }
    response.end(JSON.stringify({ forwarded: true, method: request.method, url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Points the web app's view of the other apps at one port (appPort reads PORT_<APP> on every call). */
export function routeSuiteTo(port: number): void {
  for (const app of ['intake', 'scoring', 'dispatch', 'oversight']) process.env[`PORT_${app.toUpperCase()}`] = String(port);
}
