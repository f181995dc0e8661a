import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { appPort } from '@tianping/common';
import { SUITE_APPS } from '../apps.registry';
import { readiness } from '../status.command';
import { AppSupervisor } from './app-supervisor';
import { loadDemo } from './demo';
import { checkJetStream, checkPortsFree, ensureNats, ensurePostgres, type RunningService } from './local-services';
import { migrateSuite } from './migrate';
import { seedDemoAccounts, type DemoAccount } from '../web.commands';

const ROOT = resolve(__dirname, '..', '..', '..');

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the whole suite: services, migrations, demo data on first run, all apps')
    .option('--no-demo', 'do not load the generated demo data set')
    .action(async (opts: { demo: boolean }) => {
      const stateDir = join(ROOT, '.tianping');
      mkdirSync(stateDir, { recursive: true });
      const started: RunningService[] = [];
      let supervisor: AppSupervisor | undefined;
      const shutdown = async (code: number) => {
        process.stdout.write('\nstopping Tianping…\n');
        await supervisor?.stopAll();
        for (const service of started.reverse()) await service.stop?.().catch(() => undefined);
        process.exit(code);
      };
      process.once('SIGINT', () => void shutdown(0));
      process.once('SIGTERM', () => void shutdown(0));
      try {
        await checkPortsFree(SUITE_APPS.map((app) => app.name));
        const pg = await ensurePostgres(stateDir);
        started.push(pg);
        const nats = await ensureNats(stateDir);
        started.push(nats);
        await checkJetStream(nats.url);
        process.env.DATABASE_URL = pg.url;
        process.env.NATS_URL = nats.url;
        log(`database: ${pg.note}`);
        log(`messaging: ${nats.note}`);
        const migration = await migrateSuite(pg.url);
        log(
          `schema: ${migration.created ? 'database created, ' : ''}${Object.entries(migration.applied)
            .map(([app, n]) => `${app} +${n}`)
            .join(', ')} migrations`,
        );
        if (opts.demo) await loadDemo(stateDir, log);
        const demoAccounts = opts.demo ? await seedDemoAccounts() : [];
        supervisor = new AppSupervisor(ROOT, { DATABASE_URL: pg.url, NATS_URL: nats.url });
        for (const app of SUITE_APPS) supervisor.start(app);
        await waitUntilReady(60);
        printWhereToLook(demoAccounts);
      } catch (error) {
        process.stderr.write(`error: ${(error as Error).message}\n`);
        await shutdown(1);
      }
    });
}

async function waitUntilReady(seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    const states = await readiness();
    if (states.every((s) => s.ready)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the apps did not become ready within a minute; see their output above');
}

function printWhereToLook(demoAccounts: DemoAccount[]): void {
  const lines = [
    '',
    'Tianping is up. Where to look:',
    `  pages              http://127.0.0.1:${appPort('web')}/   (API docs: /docs.html)`,
    ...demoAccounts.map((a) => `    sign in as ${a.username.padEnd(16)} ${a.role.padEnd(11)} ${(a.binding ?? '').padEnd(19)} password ${a.password}`),
    ...SUITE_APPS.map((app) => `  ${app.name.padEnd(10)} http://127.0.0.1:${appPort(app.name)}`),
    `  enterprise files   http://127.0.0.1:${appPort('intake')}/api/enterprises`,
    `  quarantine         http://127.0.0.1:${appPort('intake')}/api/quarantine`,
    '  status             npx tianping status',
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

function log(line: string): void {
  process.stdout.write(`[tianping] ${line}\n`);
}
