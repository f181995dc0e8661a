import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from './wait.util';

/** A nats-server with JetStream on file storage in a directory of its own: streams survive its restarts. */
export interface PrivateNats {
  port: number;
  url: string;
  /** SIGKILL and start again on the same port and store. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startPrivateNats(dir: string, port: number): Promise<PrivateNats> {
  const store = join(dir, 'jetstream');
  mkdirSync(store, { recursive: true });
  const log = openSync(join(dir, 'nats.log'), 'a');
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store], { stdio: ['ignore', log, log] });
    await waitForPort(port, 30_000);
  };
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  await launch();
  return {
    port,
    url: `nats://127.0.0.1:${port}`,
    restart: async () => {
      await kill('SIGKILL');
      await launch();
    },
    stop: () => kill('SIGTERM'),
  };
}
