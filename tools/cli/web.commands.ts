import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Command } from 'commander';
import { chinaDay } from '@tianping/common';
import { DataSource } from 'typeorm';
import { AccountRepository } from '../../apps/web/src/accounts/account.repository';
import { AccountsService } from '../../apps/web/src/accounts/accounts.service';
import { toAccountDto } from '../../apps/web/src/accounts/dtos/account.dto';
import { WebCoreModule } from '../../apps/web/src/web.module';
import { printResult, runCommand } from './output.util';
import { useRedactingLogger } from '@tianping/observability';

/** The web app's accounts in this process, without HTTP: the CLI goes through the same service. */
export async function withWeb<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  useRedactingLogger('web');
  const app = await NestFactory.createApplicationContext(WebCoreModule, { logger: ['error', 'warn'] });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export interface DemoAccount {
  username: string;
  role: string;
  binding: string | null;
  password: string;
  created: boolean;
}

/**
 * One account of each role for trying the pages. The enterprise account is bound to the demo
 * enterprise with the most inspection records, the department officer to the department's officer on
 * duty with the most visits to make in the demo's plan (read from intake's and dispatch's tables: demo
 * seeding only).
 */
export async function seedDemoAccounts(password = process.env.TIANPING_DEMO_PASSWORD || 'tianping-demo-2026'): Promise<DemoAccount[]> {
  return withWeb(async (app) => {
    const [pick] = await app.get(DataSource).query(
      `SELECT s.credit_code AS "creditCode" FROM intake.subjects s LEFT JOIN intake.cases c ON c.credit_code = s.credit_code
        GROUP BY s.credit_code ORDER BY count(c.case_no) DESC, s.credit_code LIMIT 1`,
    );
    // The officer with the most visits still to make in the demo's plan, so that "我的行程" has a route to show.
    const [officer] = await app.get(DataSource).query(
      `SELECT o.officer_id AS "officerId" FROM intake.officers o
         LEFT JOIN dispatch.visit_officers vo ON vo.officer_id = o.officer_id
         LEFT JOIN dispatch.visits v ON v.id = vo.visit_id AND v.status = 'scheduled' AND v.date >= $1::date
        WHERE o.department = 'SAMR' AND o.status = '在岗' AND o.cert_valid_until >= $1::date
        GROUP BY o.officer_id ORDER BY count(v.id) DESC, o.officer_id LIMIT 1`,
      [chinaDay()],
    );
    const wanted = [
      { username: 'demo-enterprise', role: 'enterprise', creditCode: pick?.creditCode as string | undefined },
      { username: 'demo-samr', role: 'department', department: 'SAMR', officerId: officer?.officerId as string | undefined },
      { username: 'demo-dispatcher', role: 'dispatcher' },
      { username: 'demo-oversight', role: 'oversight' },
      { username: 'demo-admin', role: 'admin' },
    ];
    const made: DemoAccount[] = [];
    for (const w of wanted) {
      if (w.role === 'enterprise' && !w.creditCode) continue;
      const existing = await app.get(AccountRepository).byUsername(w.username);
      if (!existing) await app.get(AccountsService).create({ ...w, password });
      made.push({
        username: w.username,
        role: w.role,
        binding: w.creditCode ?? (w.officerId ? `${w.department} ${w.officerId}` : w.department) ?? null,
        password: existing ? '(unchanged)' : password,
        created: !existing,
      });
    }
    return made;
  });
}

interface AccountCreateOptions {
  username: string;
  role: string;
  creditCode?: string;
  department?: string;
  officer?: string;
  passwordStdin?: boolean;
  replace?: boolean;
}

export function registerWebCommands(program: Command): void {
  const account = program
    .command('account')
    .description('accounts of the web pages: enterprise users, department officers, dispatchers, oversight, administrators');
  account
    .command('create')
    .description('create an account; the password is read from standard input')
    .requiredOption('--username <name>', 'lower-case letters, digits, . _ -')
    .requiredOption('--role <role>', 'enterprise | department | dispatcher | oversight | admin')
    .option('--credit-code <code>', 'the enterprise an enterprise account is bound to')
    .option('--department <code>', 'the department a department officer is bound to, e.g. SAMR')
    .option('--officer <certificate>', "a department officer's own certificate number (执法证号): the pages then show the officer's visits")
    .option('--password-stdin', 'read the password from standard input (the only way to give one)')
    .option('--replace', 'reset the password, role and binding of an existing account')
    .action((opts: AccountCreateOptions) =>
      runCommand(async () => {
        if (!opts.passwordStdin) throw new Error('give the password on standard input with --password-stdin (never on the command line)');
        const password = await readStdin();
        const row = await withWeb((app) =>
          app
            .get(AccountsService)
            .create(
              { username: opts.username, password, role: opts.role, creditCode: opts.creditCode, department: opts.department, officerId: opts.officer },
              { replace: opts.replace },
            ),
        );
        printResult({ command: 'account create', ...toAccountDto(row) });
      }),
    );
  account
    .command('list')
    .description('list accounts (never their passwords)')
    .action(() =>
      runCommand(async () =>
        printResult({ command: 'account list', accounts: (await withWeb((app) => app.get(AccountsService).list(1000))).map(toAccountDto) }),
      ),
    );
  account
    .command('disable <username>')
    .description('disable an account and end its sessions')
    .action((username: string) =>
      runCommand(async () => {
        await withWeb((app) => app.get(AccountsService).disable(username));
        printResult({ command: 'account disable', username, disabled: true });
      }),
    );
  account
    .command('demo')
    .description('create one demo account of each role (password from TIANPING_DEMO_PASSWORD or the demo default)')
    .action(() => runCommand(async () => printResult({ command: 'account demo', accounts: await seedDemoAccounts() })));
}
