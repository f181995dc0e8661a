import type { Command } from 'commander';
import { appUrl } from '@tianping/common';
import { SUITE_APPS } from './apps.registry';
import { printResult, runCommand } from './output.util';

export async function readiness(): Promise<{ app: string; url: string; ready: boolean; detail: string }[]> {
  return Promise.all(
    SUITE_APPS.map(async (app) => {
      const url = appUrl(app.name);
      try {
        const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3000) });
        const body = (await response.json()) as { status?: string; reason?: string };
        return { app: app.name, url, ready: response.ok, detail: body.reason ?? body.status ?? String(response.status) };
      } catch (error) {
        return {
          app: app.name,
          url,
          ready: false,
          detail: `not answering (${(error as Error).cause ? String((error as Error & { cause: { code?: string } }).cause.code) : (error as Error).message})`,
        };
      }
    }),
  );
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('say whether each service is up and ready; exit 0 only when all are')
    .action(() =>
      runCommand(async () => {
        const states = await readiness();
        for (const s of states) process.stderr.write(`${s.ready ? '✔' : '✘'} ${s.app.padEnd(10)} ${s.url}  ${s.detail}\n`);
        const ready = states.every((s) => s.ready);
        printResult({ command: 'status', ready, services: states });
        return ready ? 0 : 1;
      }),
    );
}
