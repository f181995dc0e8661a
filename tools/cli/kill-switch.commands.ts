import type { Command } from 'commander';
import { KillSwitchService } from '../../apps/oversight/src/kill-switch/kill-switch.service';
import { withOversight } from './oversight-context';
import { printResult, runCommand } from './output.util';

interface ActOptions {
  actor: string;
  reason: string;
}

/** The same checks as the HTTP API's DTO: a person and a reason of at least five characters. */
function checkedAct(opts: ActOptions): ActOptions {
  const actor = opts.actor.trim();
  const reason = opts.reason.trim();
  if (!actor) throw new Error('--actor must not be empty');
  if (reason.length < 5) throw new Error('--reason must be at least 5 characters');
  return { actor, reason };
}

export function registerKillSwitchCommands(program: Command): void {
  const killSwitch = program
    .command('kill-switch')
    .description('suspend the active model (dispatch then draws purely at random) or resume it; every act goes into the record');
  for (const action of ['suspend', 'resume'] as const) {
    killSwitch
      .command(action)
      .description(action === 'suspend' ? 'stop risk-based selection until a person resumes it' : 'return to risk-based selection')
      .requiredOption('--actor <id>', 'who acts (kept in the record)')
      .requiredOption('--reason <text>', 'why (at least 5 characters; kept in the record)')
      .action((opts: ActOptions) =>
        runCommand(async () => {
          const act = checkedAct(opts);
          // Written with its outbox row; the running oversight service publishes it to dispatch.
          const change = await withOversight((app) => app.get(KillSwitchService)[action](act));
          printResult({ command: `kill-switch ${action}`, ...change });
        }),
      );
  }
  killSwitch
    .command('status')
    .description('current state and the last acts, newest first')
    .option('--limit <n>', 'how many past acts to show', '20')
    .action((opts: { limit: string }) =>
      runCommand(async () => {
        if (!/^\d+$/.test(opts.limit)) throw new Error(`--limit must be a positive integer, got "${opts.limit}"`);
        printResult({ command: 'kill-switch status', ...(await withOversight((app) => app.get(KillSwitchService).state(Number(opts.limit)))) });
      }),
    );
}
