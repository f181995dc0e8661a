import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { backtestRowsToCsv, backtestTable, loadBuiltInSpec, loadSpecFile, parseCsvTable, type BuiltInSpec, type FactorSpec } from '@tianping/risk-model';
import { decodeExport } from '@tianping/intake-core';
import { ColourPolicyService } from '../../apps/scoring/src/colour/colour-policy.service';
import { ModelRegistryRepository } from '../../apps/scoring/src/models/model-registry.repository';
import { BUREAU_BUILDER, ModelRegistryService, type OperatorChange } from '../../apps/scoring/src/models/model-registry.service';
import { ScoringOutbox } from '../../apps/scoring/src/outbox/scoring-outbox.provider';
import { ScorePublisher } from '../../apps/scoring/src/scores/score-publisher';
import { chinaDay } from '@tianping/common';
import { ScoringService } from '../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../apps/scoring/src/training/training.service';
import { printResult, progressBar, runCommand } from './output.util';
import { withScoring } from './scoring-context';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: string, flag: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`${flag} must be a date, YYYY-MM-DD`);
  return value;
}

function specFrom(nameOrFile: string): FactorSpec {
  return existsSync(nameOrFile) ? loadSpecFile(nameOrFile) : loadBuiltInSpec(nameOrFile as BuiltInSpec);
}

/** The generated city's hidden truth (truth/enterprises.csv): each enterprise's true propensity at the end of the city's years. */
export function readTruth(file: string): Map<string, number> {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r.credit_code, Number(r.propensity_at_end ?? r.propensity)]));
}

export function registerScoringCommands(program: Command): void {
  program
    .command('train')
    .description("train the twelve-factor model on inspections before a date (from scoring's projections) and register it as a draft")
    .option('--as-of <date>', 'train on inspections dated before this day (default today)')
    .option('--seed <seed>', "the fit's seed", '1')
    .option('--by <name>', 'who trained it (may not approve it)', 'operator')
    .option('--built-by-vendor <name>', 'a contracted vendor built this version (default: the bureau)')
    .action((opts: { asOf?: string; seed: string; by: string; builtByVendor?: string }) =>
      runCommand(async () => {
        const asOf = opts.asOf ? date(opts.asOf, '--as-of') : chinaDay();
        if (opts.builtByVendor !== undefined && !opts.builtByVendor.trim()) throw new Error("--built-by-vendor needs the vendor's name");
        const builtBy = opts.builtByVendor ? { kind: 'vendor' as const, name: opts.builtByVendor.trim() } : BUREAU_BUILDER;
        const bar = progressBar('featurise');
        bar.start(1, 0, { unit: 'enterprises' });
        const result = await withScoring(async (app) => {
          const trained = await app.get(TrainingService).train({
            asOf,
            seed: Number(opts.seed),
            createdBy: opts.by,
            builtBy,
            onProgress: (n) => (bar.setTotal(Math.max(n, 1)), bar.update(n)),
          });
          bar.stop();
          await app.get(ScoringOutbox).relay.drain();
          return trained;
        });
        const t = result.model.training;
        printResult({
          command: 'train',
          modelVersion: result.model.version,
          state: 'draft',
          trainedBy: opts.by,
          builtBy,
          asOf,
          trainingWindow: { from: t.from, to: t.to },
          rows: t.rows,
          positives: t.positives,
          dataFingerprint: t.dataFingerprint,
          validation: t.validation,
          trainSeconds: result.trainSeconds,
        });
      }),
    );

  program
    .command('score')
    .description('score every live enterprise as of a date with the active model and colour policy, and publish the scores')
    .option('--all', 'score every enterprise (the only mode for now)')
    .option('--as-of <date>', 'as-of date (default today)')
    .option(
      '--shards <n>',
      'split the run into this many shards for the running scoring instances to share (default: one per idle shard slot of this command and the running instances, 20,000 to 500,000 enterprises each)',
    )
    .option('--leave-to-service', 'only queue the shards and wait: the running scoring instances score them all')
    .action((opts: { all?: boolean; asOf?: string; shards?: string; leaveToService?: boolean }) =>
      runCommand(async () => {
        if (!opts.all) throw new Error('say --all to score every enterprise (changed ones are re-scored by the service)');
        const asOf = opts.asOf ? date(opts.asOf, '--as-of') : chinaDay();
        const shards = opts.shards === undefined ? undefined : Number(opts.shards);
        if (shards !== undefined && !(Number.isInteger(shards) && shards >= 1 && shards <= 1000))
          throw new Error('--shards must be a whole number from 1 to 1000');
        const started = performance.now();
        const bar = progressBar('score');
        bar.start(1, 0, { unit: 'enterprises' });
        const { run, published } = await withScoring(async (app) => {
          const run = await app.get(ScoringService).scoreAll(asOf, { shards, work: !opts.leaveToService, onProgress: (n) => (bar.setTotal(n), bar.update(n)) });
          bar.stop();
          const publish = progressBar('publish');
          publish.start(run.enterprises, 0, { unit: 'scores' });
          const published = await app.get(ScorePublisher).drain((n) => publish.update(n));
          publish.stop();
          return { run, published };
        });
        printResult({ command: 'score', ...run, published, seconds: (performance.now() - started) / 1000 });
      }),
    );

  program
    .command('backtest')
    .description('train up to a date, test on a later window; on the ingested data, or on a flat table with --csv and --spec')
    .requiredOption('--train-until <date>', 'train on what was known before this day')
    .requiredOption('--test-from <date>', 'first day of the test window')
    .requiredOption('--test-to <date>', 'last day of the test window')
    .option('--csv <file>', 'a flat inspection table (one row per inspection)')
    .option('--spec <nameOrFile>', 'the factor specification of the flat table (built-in name or JSON file)')
    .option('--use-team', 'rank with the team (nuisance) term as the city did; the product never does')
    .option('--truth <file>', "a generated city's truth/enterprises.csv, to report the truth's own AUC")
    .option('--seed <seed>', "the fit's seed", '1')
    .option('--out <file>', "write each test inspection's identifier and score as CSV")
    .action(
      (opts: {
        trainUntil: string;
        testFrom: string;
        testTo: string;
        csv?: string;
        spec?: string;
        useTeam?: boolean;
        truth?: string;
        seed: string;
        out?: string;
      }) =>
        runCommand(async () => {
          const window = {
            trainUntil: date(opts.trainUntil, '--train-until'),
            testFrom: date(opts.testFrom, '--test-from'),
            testTo: date(opts.testTo, '--test-to'),
            seed: Number(opts.seed),
          };
          if (opts.csv) {
            if (!opts.spec) throw new Error('--csv needs --spec');
            const spec = specFrom(opts.spec);
            // UTF-8 or GB18030 (what spreadsheets in China save), decided as intake decides.
            const table = parseCsvTable(decodeExport(readFileSync(opts.csv)).text);
            const result = await backtestTable(table, spec, { ...window, useNuisanceInRanking: !!opts.useTeam });
            if (opts.out) writeFileSync(opts.out, backtestRowsToCsv(result.rows));
            printResult({
              command: 'backtest',
              source: opts.csv,
              spec: `${spec.id}@${spec.version}`,
              useTeam: !!opts.useTeam,
              modelVersion: result.model.version,
              ...window,
              ...result.metrics,
            });
            return;
          }
          const bar = progressBar('featurise');
          bar.start(1, 0, { unit: 'enterprises' });
          const result = await withScoring((app) =>
            app
              .get(TrainingService)
              .backtest({ ...window, truth: opts.truth ? readTruth(opts.truth) : undefined, onProgress: (n) => (bar.setTotal(Math.max(n, 1)), bar.update(n)) }),
          );
          bar.stop();
          if (opts.out) {
            const lines = [
              'id,date,score,probability',
              ...result.rows.map((r) => `${r.id},${r.date},${Math.log(r.probability / (1 - r.probability)).toFixed(8)},${r.probability.toFixed(8)}`),
            ];
            writeFileSync(opts.out, `${lines.join('\n')}\n`);
          }
          printResult({ command: 'backtest', source: 'ingested', ...window, ...result.metrics });
        }),
    );

  const model = program
    .command('model')
    .description("the registry of model versions: list, activate, retire (approval is oversight's: `tianping approval sign`)");
  model
    .command('list')
    .description('list model versions with their state, training window and metrics')
    .action(() => runCommand(async () => printResult({ command: 'model list', models: await withScoring((app) => app.get(ModelRegistryRepository).list()) })));
  const change = (state: OperatorChange, verb: string, help: string) =>
    model
      .command(`${verb} <version>`)
      .description(help)
      .requiredOption('--by <name>', 'who made the change (logged and published)')
      .option('--reason <text>', 'why')
      .action((version: string, opts: { by: string; reason?: string }) =>
        runCommand(async () => {
          const row = await withScoring(async (app) => {
            const changed = await app.get(ModelRegistryService).changeState(version, state, opts.by, opts.reason ?? null);
            await app.get(ScoringOutbox).relay.drain();
            return changed;
          });
          printResult({ command: `model ${verb}`, version: row.version, state: row.state, by: row.state_changed_by, at: row.state_changed_at });
        }),
      );
  model
    .command('approve <version>', { hidden: true })
    .description("no longer here: approval is oversight's (tianping approval sign)")
    .allowUnknownOption()
    .allowExcessArguments()
    .action((version: string) =>
      runCommand(async () => {
        throw new Error(
          `approval is oversight's act: tianping approval sign model ${version} --actor ID --role technical|legal --decision approve --reasons TEXT (two people, neither the trainer)`,
        );
      }),
    );
  change('active', 'activate', 'make a version oversight approved the one that scores (the previous active one is retired)');
  change('retired', 'retire', 'retire a version');

  const colourPolicy = program
    .command('colour-policy')
    .description('colour thresholds (a versioned policy, separate from the model): propose, approve in oversight, activate');
  colourPolicy
    .command('list')
    .description('every policy with its thresholds, state and approvers')
    .action(() =>
      runCommand(async () => printResult({ command: 'colour-policy list', policies: await withScoring((app) => app.get(ColourPolicyService).list()) })),
    );
  colourPolicy
    .command('propose')
    .description('propose new probability thresholds as a new policy version; oversight approves it (`tianping approval sign colour-policy V`)')
    .requiredOption('--yellow <p>', 'probability from which an enterprise is yellow')
    .requiredOption('--red <p>', 'probability from which an enterprise is red')
    .option('--by <name>', 'who proposes it (may not approve it); required unless --dry-run')
    .option('--dry-run', "propose nothing: print how today's scores would be coloured, beside the active policy")
    .action((opts: { yellow: string; red: string; by?: string; dryRun?: boolean }) =>
      runCommand(async () => {
        const thresholds = { yellow: Number(opts.yellow), red: Number(opts.red) };
        if (opts.dryRun) {
          const preview = await withScoring((app) => app.get(ColourPolicyService).preview(thresholds));
          printResult({ command: 'colour-policy propose', dryRun: true, ...preview });
          return;
        }
        if (!opts.by) throw new Error('--by is required: who proposes the policy (they may not approve it)');
        const by = opts.by;
        const policy = await withScoring(async (app) => {
          const proposed = await app.get(ColourPolicyService).propose(thresholds, by);
          await app.get(ScoringOutbox).relay.drain();
          return proposed;
        });
        printResult({ command: 'colour-policy propose', ...policy, state: 'proposed', by });
      }),
    );
  colourPolicy
    .command('activate <version>')
    .description('make a policy oversight approved the one that colours scores (the previous one is retired)')
    .requiredOption('--by <name>', 'who made the change (logged and published)')
    .action((version: string, opts: { by: string }) =>
      runCommand(async () => {
        const policy = await withScoring(async (app) => {
          const activated = await app.get(ColourPolicyService).activate(version, opts.by);
          await app.get(ScoringOutbox).relay.drain();
          return activated;
        });
        printResult({ command: 'colour-policy activate', ...policy, state: 'active', by: opts.by });
      }),
    );
}
