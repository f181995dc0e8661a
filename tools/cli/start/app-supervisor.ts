import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SuiteApp } from '../apps.registry';

const COLOURS: Record<string, string> = { intake: '36', scoring: '35', dispatch: '33', oversight: '32', web: '34' };

/**
 * What an app of `tianping start` is started with. Only the web app faces people and checks who may
 * do what: the others answer anyone who reaches them, so they listen on this machine alone, whatever
 * HOST says (set to reach the pages from elsewhere).
 */
export function appEnvironment(app: SuiteApp, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return app.name === 'web' ? env : { ...env, HOST: '127.0.0.1' };
}

/** Runs each app as its own process, prefixes its output, restarts it if it dies, stops all on request. */
export class AppSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(app: SuiteApp, restarts = 0): void {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(this.root, app.main)], {
      cwd: this.root,
      // The apps' output is piped through here: readable lines for a terminal, JSON lines for a log collector.
      env: appEnvironment(app, {
        LOG_FORMAT: process.stdout.isTTY ? 'pretty' : 'json',
        ...process.env,
        ...this.env,
        SWC_NODE_PROJECT: join(this.root, 'tsconfig.json'),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(app.name, child);
    const prefix = `\x1b[${COLOURS[app.name] ?? '37'}m[${app.name}]\x1b[0m `;
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(prefix + line + '\n'));
    }
    child.once('exit', (code, signal) => {
      this.children.delete(app.name);
      if (this.stopping) return;
      process.stdout.write(`${prefix}exited (${signal ?? code}); `);
      if (restarts >= 5) {
        process.stdout.write('giving up after 5 restarts\n');
        return;
      }
      process.stdout.write('restarting\n');
      setTimeout(() => this.start(app, restarts + 1), 1000 * (restarts + 1));
    });
  }

  /** SIGTERM to every app; each finishes its in-flight work and exits. */
  async stopAll(timeoutMs = 15000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
