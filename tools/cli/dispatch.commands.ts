import type { Command } from 'commander';
import { DrawService } from '../../apps/dispatch/src/draw/draw.service';
import { DispatchOutbox } from '../../apps/dispatch/src/outbox/dispatch-outbox.provider';
import { withDispatch } from './dispatch-context';
import { printResult, runCommand } from './output.util';

export function registerDispatchCommands(program: Command): void {
  program
    .command('plan')
    .description("draw and plan joint visits for a window from dispatch's projections; prints the plan's figures")
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--seed <seed>', "the draw's seed (generated and recorded when absent)")
    .option('--dry-run', 'plan and check without recording or publishing anything')
    .option('--backfill', 'record a window that has already begun (a plan made before the system); refused otherwise')
    .action((opts: { from: string; to: string; seed?: string; dryRun?: boolean; backfill?: boolean }) =>
      runCommand(async () => {
        const started = Date.now();
        const outcome = await withDispatch(async (app) => {
          const result = await app.get(DrawService).draw({ start: opts.from, end: opts.to }, opts.seed, { dryRun: opts.dryRun, backfill: opts.backfill });
          if (!opts.dryRun) await app.get(DispatchOutbox).relay.drain();
          return result;
        });
        printResult({
          command: 'plan',
          drawId: opts.dryRun ? null : outcome.id,
          status: opts.dryRun ? 'dry-run' : outcome.status,
          seed: outcome.seed,
          window: outcome.window,
          backfill: outcome.backfill,
          inputsFingerprint: outcome.inputsFingerprint,
          suspended: outcome.suspended,
          modelVersion: outcome.modelVersion,
          tasks: outcome.tasks,
          unscoredEnterprises: outcome.unscoredEnterprises,
          ...outcome.figures,
          checker: outcome.checker.name,
          violations: outcome.checker.violations,
          seconds: (Date.now() - started) / 1000,
        });
        return outcome.checker.violations === 0 ? 0 : 2;
      }),
    );
}
