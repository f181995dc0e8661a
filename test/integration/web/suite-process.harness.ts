import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dropDatabase, withDatabaseName } from '@tianping/database';
import { freePort, startTestNats, TEST_SERVER_URL, type TestNats } from '@tianping/testing';

export const ROOT = join(__dirname, '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
export const DEMO_PASSWORD = 'e2e-demo-password-1';

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`;
  if (!existsSync(join(ROOT, 'node_modules', 'playwright-core'))) return 'playwright-core is not installed (npm i -D playwright-core)';
  return null;
}

/** `describe` where a browser can run, else `describe.skip`, saying once per file why the browser tests are skipped. */
export function describeWithBrowser(name: string, body: () => void): void {
  const missing = browserMissing();
  if (missing) console.warn(`browser tests skipped: ${missing}`);
  (missing ? describe.skip : describe)(name, body);
}

export interface RunningSuite {
  webUrl: string;
  /** Where the suite keeps its data and messages, for running the CLI against it. */
  env: { DATABASE_URL: string; NATS_URL: string };
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the whole suite exactly as `npm start` does (`tianping start`: migrations, the demo city,
 * demo accounts, every app), on its own database, NATS server and ports, and waits until it says
 * it is up.
 */
export async function startSuite(timeoutMs: number): Promise<RunningSuite> {
  const nats: TestNats = await startTestNats();
  const name = `tianping_e2e_${process.pid}_${Date.now() % 100000}`;
  const ports: Record<string, number> = {};
  for (const app of ['WEB', 'INTAKE', 'SCORING', 'DISPATCH', 'OVERSIGHT']) ports[`PORT_${app}`] = await freePort();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const services = { DATABASE_URL: withDatabaseName(TEST_SERVER_URL, name), NATS_URL: nats.url };
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'tianping.js'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, ...services, TIANPING_DEMO_PASSWORD: DEMO_PASSWORD, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await nats.stop();
    await dropDatabase(TEST_SERVER_URL, name).catch(() => undefined);
  };
  const deadline = Date.now() + timeoutMs;
  while (!log.includes('Tianping is up')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the suite did not come up:\n${log.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { webUrl: `http://127.0.0.1:${ports.PORT_WEB}`, env: services, output: () => log, stop };
}
