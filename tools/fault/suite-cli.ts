import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SuiteProcesses } from './suite-processes';
import { sleep } from './wait.util';

export interface CliFigures {
  commands: number;
  /** Runs cut short by a fault (database or NATS restarting) and run again. */
  retries: number;
}

/**
 * Runs `tianping <command>` as an operator would, against a run's suite, and returns its JSON line.
 * A run that fails because a service is restarting is run again; `done` says whether an earlier,
 * cut-off attempt already took effect (so a state change is not asked for twice).
 */
export class SuiteCli {
  readonly figures: CliFigures = { commands: 0, retries: 0 };

  constructor(
    private readonly root: string,
    private readonly suite: SuiteProcesses,
  ) {}

  async run<T = Record<string, unknown>>(args: string[], options: { timeoutMs?: number; done?: () => Promise<T | null> } = {}): Promise<T> {
    const deadline = Date.now() + (options.timeoutMs ?? 300_000);
    for (let attempt = 1; ; attempt++) {
      const result = await this.once(args);
      if (result.code === 0) {
        this.figures.commands++;
        return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as T;
      }
      this.suite.note(`tianping ${args.join(' ')} failed (attempt ${attempt}): ${result.stderr.trim().split('\n').pop()}`);
      const already = await options.done?.().catch(() => null);
      if (already) {
        this.figures.commands++;
        return already;
      }
      if (Date.now() > deadline) throw new Error(`tianping ${args.join(' ')} kept failing: ${result.stderr.trim().slice(-500)}`);
      this.figures.retries++;
      await sleep(Math.min(3000, 500 * attempt));
    }
  }

  private once(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(this.root, 'bin', 'tianping.js'), ...args], {
        cwd: this.root,
        env: this.suite.childEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // A run stuck on a service that went away is ended and run again, never waited on forever.
      const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }
}
