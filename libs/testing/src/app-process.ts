import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppName } from '@tianping/common';
import { freePort } from './free-ports';

const ROOT = join(__dirname, '..', '..', '..');

export interface AppProcess {
  baseUrl: string;
  port: number;
  /** Every line the process wrote so far, stdout and stderr. */
  lines: () => string[];
  /** SIGTERM, then waits for the exit (SIGKILL after 20 s): how it ended. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs one app exactly as it is deployed (its main.ts in a process of its own) and collects what it logs; resolves once /ready answers. */
export async function startAppProcess(app: AppName, env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, [`PORT_${app.toUpperCase()}`]: String(port), SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const ended = await exited;
    clearTimeout(timer);
    return ended;
  };
  for (let i = 0; ; i++) {
    const ready = await fetch(`${baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || i > 300) {
      await stop();
      throw new Error(`${app} did not become ready:\n${lines.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, port, lines: () => [...lines], stop };
}
