import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-ports';

export interface TestNats {
  url: string;
  port: number;
  /** Stops the server (SIGKILL when `crash`, to test recovery). */
  stop: (crash?: boolean) => Promise<void>;
  /**
   * Starts it again on the same port and store: JetStream data survives, unless `withoutData` (a lost
   * disk). `maxPayload` changes the largest message it takes, as an operator's new configuration would.
   */
  restart: (options?: { withoutData?: boolean; maxPayload?: number }) => Promise<void>;
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nats-server did not open port ${port}`);
}

/**
 * A real nats-server with JetStream for one test file: streams and durable consumers are
 * isolated from other files running in parallel. `jetStream: false` starts one without, as a
 * plain installation runs it.
 */
export async function startTestNats(options: { maxPayload?: number; jetStream?: boolean } = {}): Promise<TestNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'tianping-nats-'));
  const configDir = mkdtempSync(join(tmpdir(), 'tianping-nats-conf-'));
  let maxPayload = options.maxPayload;
  let child = launch();
  function launch() {
    const args = ['-a', '127.0.0.1', '-p', String(port), ...(options.jetStream === false ? [] : ['-js', '-sd', storeDir])];
    if (maxPayload !== undefined) {
      // max_payload has no command-line flag: it is set in a configuration file.
      writeFileSync(join(configDir, 'nats.conf'), `max_payload: ${maxPayload}\n`);
      args.push('-c', join(configDir, 'nats.conf'));
    }
    return spawn('nats-server', args, { stdio: 'ignore' });
  }
  await waitForPort(port);
  const stopChild = (crash = false) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(crash ? 'SIGKILL' : 'SIGTERM');
    });
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop: async (crash = false) => {
      await stopChild(crash);
      if (crash) return;
      rmSync(storeDir, { recursive: true, force: true });
      rmSync(configDir, { recursive: true, force: true });
    },
    restart: async ({ withoutData = false, maxPayload: newMaxPayload } = {}) => {
      await stopChild(true);
      if (withoutData) rmSync(storeDir, { recursive: true, force: true });
      maxPayload = newMaxPayload ?? maxPayload;
      child = launch();
      await waitForPort(port);
    },
  };
}
