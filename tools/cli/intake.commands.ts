import type { Command } from 'commander';
import { IngestService, type SkippedFile } from '../../apps/intake/src/ingest/ingest.service';
import { addCounts, emptyCounts, accountedFor } from '../../apps/intake/src/ingest/ingest-counts';
import { IntakeOutbox } from '../../apps/intake/src/ingest/outbox-relay.provider';
import { QUARANTINE_STATUSES } from '../../apps/intake/src/quarantine/quarantine.repository';
import { QuarantineService } from '../../apps/intake/src/quarantine/quarantine.service';
import { oneOf, wholeNumber } from './cli-arguments.util';
import { withIntake } from './intake-context';
import { printResult, progressBar, runCommand } from './output.util';

export function registerIntakeCommands(program: Command): void {
  program
    .command('ingest <dir>')
    .description('load a directory of Platform A/B exports through intake (files or a single file)')
    .action((dir: string) =>
      runCommand(async () => {
        const started = Date.now();
        const result = await withIntake(async (app) => {
          const ingest = app.get(IngestService);
          const bar = progressBar('ingest');
          let current = '';
          bar.start(1, 0, { unit: 'bytes' });
          const { stat } = await import('node:fs/promises');
          const isDir = (await stat(dir)).isDirectory();
          const onProgress = (p: { file: string; bytesDone: number; bytesTotal: number }) => {
            if (p.file !== current) {
              current = p.file;
              bar.setTotal(p.bytesTotal);
            }
            bar.update(Math.min(p.bytesDone, p.bytesTotal));
          };
          const skipped: SkippedFile[] = [];
          const reports = isDir ? await ingest.ingestDirectory(dir, onProgress, (s) => skipped.push(s)) : [await ingest.ingestFile(dir, undefined, onProgress)];
          bar.stop();
          const published = await app.get(IntakeOutbox).relay.drain();
          const totals = reports.reduce((sum, r) => addCounts(sum, r.counts), emptyCounts());
          return {
            files: reports.map((r) => ({ file: r.file, kind: r.kind, ...r.counts })),
            // Files left out whole: their records are in no count, so they are named here, not only in a log line.
            skipped,
            totals,
            accountedFor: accountedFor(totals),
            eventsPublished: published,
          };
        });
        printResult({ command: 'ingest', ...result, seconds: (Date.now() - started) / 1000 });
      }),
    );

  const quarantine = program.command('quarantine').description('list, inspect, correct and replay rejected records');
  quarantine
    .command('list')
    .option('--kind <kind>', 'subjects | cases | officers | clues')
    .option('--status <status>', 'open | replayed | discarded | superseded', 'open')
    .option('--run <id>', 'only the records one load (ingest run) brought')
    .option('--after <id>', 'page: show records after this id', '0')
    .option('--limit <n>', 'how many', '50')
    .action((opts: { kind?: string; status: string; run?: string; after: string; limit: string }) =>
      runCommand(async () => {
        // The same checks as the HTTP API's query.
        const query = {
          kind: opts.kind === undefined ? undefined : oneOf(opts.kind, '--kind', QUARANTINE_KINDS),
          status: oneOf(opts.status, '--status', QUARANTINE_STATUSES),
          runId: opts.run === undefined ? undefined : runId(opts.run),
          afterId: wholeNumber(opts.after, '--after'),
          limit: wholeNumber(opts.limit, '--limit', { min: 1, max: 500 }),
        };
        const records = await withIntake((app) => app.get(QuarantineService).list(query));
        for (const r of records)
          process.stderr.write(
            `#${r.id} ${r.kind} ${r.source}:${r.line} ${(r.reasons as { field: string; code: string }[]).map((x) => `${x.field}:${x.code}`).join(', ')}\n`,
          );
        printResult({ command: 'quarantine list', count: records.length, records });
      }),
    );
  quarantine.command('show <id>').action((id: string) =>
    runCommand(async () => {
      const quarantineId = wholeNumber(id, 'id');
      printResult(await withIntake((app) => app.get(QuarantineService).get(quarantineId)));
    }),
  );
  quarantine
    .command('replay <id>')
    .description('correct fields and replay, e.g. --set established_on=2019-01-01 --set status=存续')
    .option('--set <field=value>', 'a corrected field (repeatable)', collect, [])
    .option('--json <object>', 'corrections as a JSON object (for a clue line that was not JSON, the whole clue)')
    .option('--rejoin <cells>', 'a ragged CSV row: the cells (0-based, comma-separated, as `show` lists its layout) each joined with the next first')
    .option(
      '--insert-empty <cells>',
      'a CSV row with cells too few: an empty cell put in before each of these cells (0-based, comma-separated; twice, two) first',
    )
    .option('--actor <name>', 'who corrects', 'operator')
    .action((id: string, opts: { set: string[]; json?: string; rejoin?: string; insertEmpty?: string; actor: string }) =>
      runCommand(async () => {
        const quarantineId = wholeNumber(id, 'id');
        const corrections: Record<string, unknown> = opts.json ? JSON.parse(opts.json) : {};
        for (const pair of opts.set) {
          const at = pair.indexOf('=');
          if (at < 1) throw new Error(`--set takes field=value, got "${pair}"`);
          corrections[pair.slice(0, at)] = pair.slice(at + 1);
        }
        const cells = (list: string | undefined, option: string) => (list === undefined ? [] : list.split(',').map((cell) => wholeNumber(cell.trim(), option)));
        const repairs = { rejoin: cells(opts.rejoin, '--rejoin'), insertEmpty: cells(opts.insertEmpty, '--insert-empty') };
        const result = await withIntake(async (app) => {
          const outcome = await app.get(QuarantineService).replay(quarantineId, corrections, opts.actor, repairs);
          await app.get(IntakeOutbox).relay.drain();
          return outcome;
        });
        printResult({ command: 'quarantine replay', ...result });
        return result.accepted ? 0 : 2;
      }),
    );
  quarantine
    .command('discard <id>')
    .requiredOption('--reason <text>', 'why the record is given up (at least 3 characters)')
    .option('--actor <name>', 'who gives it up', 'operator')
    .action((id: string, opts: { reason: string; actor: string }) =>
      runCommand(async () => {
        const quarantineId = wholeNumber(id, 'id');
        // The same check as the HTTP API's body.
        const reason = opts.reason.trim();
        if (reason.length < 3) throw new Error('--reason must be at least 3 characters');
        await withIntake((app) => app.get(QuarantineService).discard(quarantineId, reason, opts.actor));
        printResult({ command: 'quarantine discard', id: quarantineId, status: 'discarded' });
      }),
    );
  quarantine
    .command('discard-all')
    .description('give up every open record of one load (--run, as `quarantine list` shows runId) or of one source file (--source)')
    .option('--run <id>', 'the ingest run')
    .option('--source <path>', 'the source, as the records show it')
    .requiredOption('--reason <text>', 'why they are given up (at least 3 characters)')
    .option('--actor <name>', 'who gives them up', 'operator')
    .action((opts: { run?: string; source?: string; reason: string; actor: string }) =>
      runCommand(async () => {
        if ((opts.run === undefined) === (opts.source === undefined)) throw new Error('give either --run or --source');
        const reason = opts.reason.trim();
        if (reason.length < 3) throw new Error('--reason must be at least 3 characters');
        const selector = opts.run !== undefined ? { runId: runId(opts.run) } : { source: opts.source };
        const result = await withIntake((app) => app.get(QuarantineService).discardAll(selector, reason, opts.actor));
        printResult({ command: 'quarantine discard-all', ...result });
      }),
    );
}

const QUARANTINE_KINDS = ['subjects', 'cases', 'officers', 'clues'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function runId(value: string): string {
  if (!UUID.test(value)) throw new Error(`--run takes an ingest run's id (a UUID), got "${value}"`);
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
