import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { AppName } from '@tianping/common';
import { SUITE_APPS, type SuiteApp } from '../cli/apps.registry';
import { sleep } from './wait.util';

export interface AppExit {
  app: AppName;
  code: number | null;
  signal: string | null;
  at: string;
  lastError: string;
}

export interface SuiteEnv {
  databaseUrl: string;
  natsUrl: string;
  /** The HTTP port of each app. */
  ports: Record<AppName, number>;
  /** More variables for every app and CLI run (e.g. the audit signing key). */
  extra?: Record<string, string>;
}

/**
 * The suite's apps as child processes, started as `tianping start` starts them, with their output
 * in one log file. Unlike start's supervisor it never restarts an app by itself: the fault run
 * decides when an app dies (SIGKILL) and when it comes back.
 */
export class SuiteProcesses {
  private readonly children = new Map<AppName, ChildProcess>();
  private readonly log: WriteStream;
  /** Exits nobody asked for of an app that was up: a crash (on a bad message, say). */
  readonly unexpectedExits: AppExit[] = [];
  /** Apps that gave up while starting (the database restarting, say); a supervisor starts them again. */
  readonly failedStarts: AppExit[] = [];
  private readonly killing = new Set<ChildProcess>();
  /** The last lines each app wrote, to say why one never became ready. */
  private readonly tails = new Map<AppName, string[]>();

  constructor(
    private readonly root: string,
    private readonly env: SuiteEnv,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  get apps(): AppName[] {
    return SUITE_APPS.map((a) => a.name);
  }

  port(app: AppName): number {
    return this.env.ports[app];
  }

  private portEnv(): Record<string, string> {
    return Object.fromEntries(SUITE_APPS.map((a) => [`PORT_${a.name.toUpperCase()}`, String(this.port(a.name))]));
  }

  /** What a CLI child process needs to reach this suite's services. */
  childEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      // The checks compare with a clean run's scores: no run the scenario did not start.
      TIANPING_DAILY_RUN_AT: 'off',
      ...this.env.extra,
      DATABASE_URL: this.env.databaseUrl,
      NATS_URL: this.env.natsUrl,
      ...this.portEnv(),
      SWC_NODE_PROJECT: join(this.root, 'tsconfig.json'),
    };
  }

  start(name: AppName): void {
    const app = SUITE_APPS.find((a) => a.name === name) as SuiteApp;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(this.root, app.main)], {
      cwd: this.root,
      env: this.childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(name, child);
    const prefix = `[${name} ${child.pid}] `;
    let up = false;
    let lastError = '';
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          this.log.write(prefix + line + '\n');
          this.remember(name, line);
          if (line.includes('listening on http')) up = true;
          const plain = stripColours(line).trim();
          if (/error/i.test(plain) && !plain.startsWith('at ')) lastError = plain.slice(0, 300);
        }
      });
    }
    child.once('exit', (code, signal) => {
      if (this.children.get(name) === child) this.children.delete(name);
      this.log.write(`${prefix}exited (${signal ?? code})\n`);
      if (this.killing.delete(child)) return;
      (up ? this.unexpectedExits : this.failedStarts).push({ app: name, code, signal, at: new Date().toISOString(), lastError });
    });
  }

  startAll(): void {
    for (const app of this.apps) this.start(app);
  }

  running(name: AppName): boolean {
    return this.children.has(name);
  }

  /** SIGKILL: no shutdown hooks, no draining; whatever was in flight is cut off. */
  async kill(name: AppName): Promise<void> {
    const child = this.children.get(name);
    if (!child) return;
    this.killing.add(child);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  note(line: string): void {
    this.log.write(`[fault] ${line}\n`);
  }

  /** Polls /ready on every running app until all answer, restarting any that died on its own. */
  async waitReady(timeoutMs: number, names: AppName[] = this.apps): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(names.map((name) => this.ready(name)));
      if (states.every(Boolean)) return;
      if (Date.now() > deadline) {
        const late = names.filter((_, i) => !states[i]);
        throw new Error(`not ready within ${timeoutMs / 1000} s: ${late.join(', ')}\n${late.map((name) => this.lastWords(name)).join('\n')}`);
      }
      for (const name of names) if (!this.running(name)) this.start(name);
      await sleep(300);
    }
  }

  private remember(name: AppName, line: string): void {
    const tail = this.tails.get(name) ?? [];
    tail.push(stripColours(line).slice(0, 300));
    if (tail.length > TAIL_LINES) tail.shift();
    this.tails.set(name, tail);
  }

  /** What an app last wrote, and its failed starts, for an error message. */
  private lastWords(name: AppName): string {
    const starts = this.failedStarts.filter((exit) => exit.app === name).length;
    const lines = this.tails.get(name) ?? [];
    const said = lines.length ? lines.map((line) => `  | ${line}`).join('\n') : '  | (no output)';
    return `${name}: ${this.running(name) ? 'running' : 'not running'}, ${starts} failed start(s), on port ${this.port(name)}; last output:\n${said}`;
  }

  async ready(name: AppName): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.port(name)}/ready`, { signal: AbortSignal.timeout(2000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** SIGTERM to every app (they finish in-flight work); SIGKILL after the timeout. */
  async stopAll(timeoutMs = 15_000): Promise<void> {
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            this.killing.add(child);
            const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

const TAIL_LINES = 8;

/** A log line without its terminal colour codes (ESC [ … m). */
function stripColours(line: string): string {
  return line.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
}
